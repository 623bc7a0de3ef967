package dk.afstemning.voting;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.poll.Poll;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;
import dk.afstemning.voting.VoteService;
import dk.afstemning.voting.VoteBatcher;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.VoteAck;

/**
 * One batch of the vote writer, stored directly: every vote gets its own answer, the refused ones change nothing, the
 * batch is one transaction (the poll's version moves once), and two copies of one request in a batch count once.
 */
@QuarkusTest
class VoteBatchTest {

    @Inject
    DeckImporter importer;

    @Inject
    VoteService votes;

    @Test
    void aMixedBatchAnswersEachVoteAloneAndLocksThePollOnce() {
        Talk talk = TestTalks.create(importer);
        Talk closed = TestTalks.create(importer);
        String code = talk.joinCode;
        TestTalks.open(talk, "q");
        List<Integer> options = optionIds(code);
        String a = join(code);
        String b = join(code);
        String e = join(code);
        String inClosed = join(closed.joinCode);
        long version = version(talk);
        long closedVersion = version(closed);

        List<VoteService.CastRequest> batch = List.of(
                request(code, a, options.get(0), "a1"),
                request(code, b, options.get(1), "b1"),
                request(code, b, options.get(1), "b1"), // the same request twice in one batch
                request(code, "unknown-participant-token-00000000000000000", options.get(0), "c1"),
                request(code, e, 999_999, "d1"), // an unknown option
                request(code, e, options.get(2), "e1"),
                request(code, a, options.get(1), "a2"), // a changes the vote cast earlier in this batch
                request(closed.joinCode, inClosed, optionIds(closed.joinCode).get(0), "g1"),
                request("ZZZZZZ", a, options.get(0), "h1"));
        List<VoteBatcher.Outcome<VoteAck>> outcomes = votes.storeBatch(batch);

        assertThat(outcomes).hasSize(9);
        assertThat(outcomes.get(0).answer().optionId()).isEqualTo(options.get(0).longValue());
        assertThat(outcomes.get(1).answer()).isEqualTo(outcomes.get(2).answer());
        assertThat(outcomes.get(1).answer().requestId()).isEqualTo("b1");
        assertThat(problem(outcomes.get(3))).isEqualTo("403 not-joined");
        assertThat(problem(outcomes.get(4))).isEqualTo("422 unknown-option");
        assertThat(outcomes.get(5).answer().optionId()).isEqualTo(options.get(2).longValue());
        assertThat(outcomes.get(6).answer().optionId()).isEqualTo(options.get(1).longValue());
        assertThat(problem(outcomes.get(7))).isEqualTo("409 poll-closed");
        assertThat(problem(outcomes.get(8))).isEqualTo("404 talk-not-found");

        // a's second vote replaced the first: three participants, three votes.
        assertThat(counts(code)).containsExactly(0, 2, 1);
        assertThat(version(talk)).isEqualTo(version + 1);
        assertThat(version(closed)).isEqualTo(closedVersion);

        // A later batch of resends is answered from the receipts and takes no lock.
        List<VoteBatcher.Outcome<VoteAck>> resent = votes.storeBatch(List.of(request(code, b, options.get(1), "b1"),
                request(code, a, options.get(0), "a1")));
        assertThat(resent.get(0).answer()).isEqualTo(outcomes.get(1).answer());
        assertThat(resent.get(1).answer()).isEqualTo(outcomes.get(0).answer());
        assertThat(counts(code)).containsExactly(0, 2, 1);
        assertThat(version(talk)).isEqualTo(version + 1);
    }

    @Test
    void aBatchWhoseVotesAreAllRefusedChangesNothing() {
        Talk talk = TestTalks.create(importer);
        String code = talk.joinCode;
        TestTalks.open(talk, "q");
        String a = join(code);
        long version = version(talk);

        List<VoteBatcher.Outcome<VoteAck>> outcomes = votes.storeBatch(List.of(request(code, a, 999_999, "x1"),
                request(code, "unknown-participant-token-00000000000000000", optionIds(code).get(0), "x2")));

        assertThat(outcomes).extracting(VoteBatchTest::problem)
                .containsExactly("422 unknown-option", "403 not-joined");
        assertThat(counts(code)).containsExactly(0, 0, 0);
        assertThat(version(talk)).isEqualTo(version);
    }

    private static VoteService.CastRequest request(String code, String token, long optionId, String requestId) {
        return new VoteService.CastRequest(code, "q", token, Answer.option(optionId), requestId);
    }

    private static String problem(VoteBatcher.Outcome<VoteAck> outcome) {
        assertThat(outcome.answer()).isNull();
        ApiProblem problem = (ApiProblem) outcome.failure();
        return problem.status() + " " + problem.type();
    }

    private static long version(Talk talk) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Poll.<Poll>find("talk.id = ?1 and key = 'q'", talk.id).singleResult().version);
    }
}
