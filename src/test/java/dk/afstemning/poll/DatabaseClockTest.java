package dk.afstemning.poll;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.platform.DatabaseClock;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.AtOnce;

/**
 * Countdowns on the database's clock, as several instances need them: the vote path, the countdown timer and the
 * closing UPDATE all ask {@link DatabaseClock}, and two instances racing to close a poll close it once.
 */
@QuarkusTest
class DatabaseClockTest {

    @Inject
    DeckImporter importer;

    @Inject
    DatabaseClock clock;

    @Inject
    PollService polls;

    @Inject
    PollChangesSeen seen;

    @Inject
    Event<PollChanged> changes;

    /** The database's clock as another machine's would be: {@code ahead} later than this JVM's. */
    private static void databaseAhead(Duration ahead) {
        QuarkusMock.installMockForType(new DatabaseClock() {
            @Override
            public Instant now() {
                return Instant.now().plus(ahead);
            }
        }, DatabaseClock.class);
    }

    private Talk openWithCountdown(int seconds) {
        Talk talk = TestTalks.create(importer);
        given().header("X-Presenter-Key", talk.presenterKey).queryParam("seconds", seconds)
                .post("/api/talks/{c}/polls/q/open", talk.joinCode).then().statusCode(200);
        return talk;
    }

    private static long pollId(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(Talk.findById(talk.id), "q")
                .orElseThrow().id);
    }

    private static PollStatus status(long pollId) {
        return QuarkusTransaction.requiringNew().call(() -> Poll.<Poll>findById(pollId).status);
    }

    @Test
    void theOffsetIsTakenFromTheMiddleOfTheRoundTrip() {
        Instant sent = Instant.parse("2026-12-04T10:00:00Z");
        assertThat(DatabaseClock.offset(sent, Instant.parse("2026-12-04T10:00:05.010Z"), sent.plusMillis(20)))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(DatabaseClock.offset(sent, Instant.parse("2026-12-04T09:59:58Z"), sent))
                .isEqualTo(Duration.ofSeconds(-2));
    }

    @Test
    void theDatabaseOnThisMachineKeepsThisMachinesTime() {
        // H2 runs in this JVM and PostgreSQL on this host: one clock, so the measured offset is round-trip noise.
        assertThat(clock.refresh().abs()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aVoteAfterTheDatabasesDeadlineIsRefusedThoughThisInstancesClockIsBehind() {
        Talk talk = openWithCountdown(60);
        String code = talk.joinCode;
        Integer option = optionIds(code).get(0);
        databaseAhead(Duration.ofSeconds(61));
        vote(code, join(code), option, "late-1").statusCode(409).body("type", endsWith("poll-closed"));
        assertThat(TestTalks.counts(code)).containsExactly(0, 0, 0);
    }

    @Test
    void aStateChangeHeardWithoutATransactionSchedulesTheCountdownCheck() {
        Talk talk = openWithCountdown(60);
        long pollId = pollId(talk);
        databaseAhead(Duration.ofSeconds(61));
        // As the live bus relays another instance's change: fired here, outside any transaction.
        assertThat(QuarkusTransaction.isActive()).isFalse();
        int before = seen.of(pollId);
        changes.fire(new PollChanged(pollId, talk.joinCode, true));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(pollId) == PollStatus.CLOSED);
        // The relayed change itself, then the close.
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.of(pollId) - before == 2);
    }

    @Test
    void twoInstancesRacingToCloseThePollCloseItOnceAndAnnounceItOnce() throws Exception {
        Talk talk = openWithCountdown(60);
        long pollId = pollId(talk);
        int before = seen.of(pollId);
        databaseAhead(Duration.ofSeconds(61));
        List<Boolean> closed = AtOnce.run(2,
                i -> () -> QuarkusTransaction.requiringNew().call(() -> polls.closeIfExpired(pollId)));
        assertThat(closed).containsOnlyOnce(true);
        assertThat(status(pollId)).isEqualTo(PollStatus.CLOSED);
        assertThat(seen.of(pollId) - before).isEqualTo(1);
    }
}
