package dk.afstemning.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.platform.Leases;
import dk.afstemning.poll.Poll;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;

/** The retention job runs on one instance at a time: while another instance holds its lease, this one skips it. */
@QuarkusTest
class RetentionLeaseTest {

    @Inject
    DeckImporter importer;

    @Inject
    RawVoteRetention retention;

    @Inject
    Leases leases;

    private static long rawVotes(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Poll poll = Poll.findByTalkAndKey(Talk.findById(talk.id), "q").orElseThrow();
            return Vote.count("poll.id = ?1", poll.id);
        });
    }

    @Test
    void theJobSkipsWhileAnotherInstanceRunsItAndRunsOnceTheLeaseIsFree() {
        Talk talk = TestTalks.create(importer);
        String code = talk.joinCode;
        List<Integer> options = TestTalks.optionIds(code);
        TestTalks.open(talk, "q");
        TestTalks.vote(code, TestTalks.join(code), options.get(0), "old-1").statusCode(200);
        TestTalks.vote(code, TestTalks.join(code), options.get(1), "old-2").statusCode(200);
        TestTalks.close(talk, "q");
        TestTalks.ageVotes(talk, 40);

        assertThat(leases.tryAcquire(RawVoteRetention.LEASE, "other-instance", Duration.ofMinutes(10))).isTrue();
        try {
            assertThat(retention.pruneAlone(30, Duration.ZERO)).isEmpty();
            assertThat(rawVotes(talk)).isEqualTo(2);
        } finally {
            leases.release(RawVoteRetention.LEASE, "other-instance", Duration.ZERO);
        }

        Optional<Integer> deleted = retention.pruneAlone(30, Duration.ofMinutes(30));
        assertThat(deleted).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(2));
        assertThat(rawVotes(talk)).isZero();
        // Just run: no instance runs it again for half a period.
        assertThat(retention.pruneAlone(30, Duration.ZERO)).isEmpty();
        leases.release(RawVoteRetention.LEASE, leases.self(), Duration.ZERO);
    }

    @Test
    void halfThePeriodKeepsTheOtherInstancesOff() {
        assertThat(RawVoteRetention.halfPeriod("1h")).isEqualTo(Duration.ofMinutes(30));
        assertThat(RawVoteRetention.halfPeriod("PT30M")).isEqualTo(Duration.ofMinutes(15));
        assertThat(RawVoteRetention.halfPeriod("off")).isEqualTo(Duration.ZERO);
    }
}
