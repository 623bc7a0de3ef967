package dk.afstemning.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.organiser.TalkReports;
import dk.afstemning.poll.Poll;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteReceipt;

/** Retention: raw votes and receipts older than the cut-off go, the counts stay exactly the same. */
@QuarkusTest
class RawVoteRetentionTest {

    @Inject
    DeckImporter importer;

    @Inject
    RawVoteRetention retention;

    @Inject
    TalkReports reports;

    @Test
    void prunedRoundsKeepTheirExactCountsAndTheOpenRoundKeepsItsRawVotes() {
        Talk talk = TestTalks.create(importer);
        String code = talk.joinCode;
        List<Integer> o = TestTalks.optionIds(code);
        TestTalks.open(talk, "q");
        String p1 = TestTalks.join(code);
        TestTalks.vote(code, p1, o.get(0), "r-1").statusCode(200);
        TestTalks.vote(code, TestTalks.join(code), o.get(0), "r-2").statusCode(200);
        TestTalks.vote(code, TestTalks.join(code), o.get(1), "r-3").statusCode(200);
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/reset", code).then()
                .statusCode(200);
        TestTalks.vote(code, p1, o.get(1), "r-4").statusCode(200);
        long pollId = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(talk, "q").orElseThrow().id);

        // Round 1 is over: its 3 raw votes go; round 2 is open, so its vote stays. (Only this talk's votes are 30
        // days old; other tests' votes are newer than the cut-off and stay.)
        TestTalks.ageVotes(talk, 30);
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(3);
        assertThat(rows("vote", pollId, 1)).isZero();
        assertThat(rows("vote_receipt", pollId, 1)).isZero();
        assertThat(rows("vote", pollId, 2)).isEqualTo(1);
        assertThat(rows("vote_receipt", pollId, 2)).isEqualTo(1);
        given().get("/api/talks/{c}/polls/q/results?round=1", code).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(3))
                .body("counts.count", org.hamcrest.Matchers.equalTo(List.of(2, 1, 0)))
                .body("counts.percent", org.hamcrest.Matchers.equalTo(List.of(67, 33, 0)));
        assertThat(TestTalks.counts(code)).containsExactly(0, 1, 0);

        // Closed now: the last raw vote goes too, and every count is unchanged.
        TestTalks.close(talk, "q");
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(1);
        assertThat(rows("vote", pollId, 2)).isZero();
        assertThat(TestTalks.counts(code)).containsExactly(0, 1, 0);
        given().get("/api/talks/{c}/polls/q/results?round=1", code).then()
                .body("counts.count", org.hamcrest.Matchers.equalTo(List.of(2, 1, 0)));
        TalkReports.PollReport poll = reports.report(talk.id).polls().get(0);
        assertThat(poll.totals()).containsExactly(3L, 1L);
        assertThat(poll.options().get(0).counts()).containsExactly(2L, 0L);
        assertThat(poll.options().get(1).counts()).containsExactly(1L, 1L);
        assertThat(reports.talks(code, null, null).get(0).polls().get(0).votes()).isEqualTo(4);
        // Pruning again changes nothing.
        retention.prune(Instant.now().minus(Duration.ofDays(10)));
        assertThat(TestTalks.counts(code)).containsExactly(0, 1, 0);
    }

    @Test
    void votesNewerThanTheCutOffStay() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), TestTalks.optionIds(talk.joinCode).get(2), "r-1")
                .statusCode(200);
        TestTalks.close(talk, "q");
        retention.prune(Instant.now().minusSeconds(3600));
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 0, 1);
        long pollId = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(talk, "q").orElseThrow().id);
        assertThat(rows("vote", pollId, 1)).isEqualTo(1);
    }

    private static long rows(String table, long pollId, int round) {
        return QuarkusTransaction.requiringNew().call(() -> table.equals("vote")
                ? Vote.count("poll.id = ?1 and round = ?2", pollId, round)
                : VoteReceipt.count("pollId = ?1 and round = ?2", pollId, round));
    }
}
