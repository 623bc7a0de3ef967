package dk.afstemning.live.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * The PostgreSQL live bus seen from a second instance: a connection of its own that listens on the channel and
 * notifies on it, as another instance of the jar does. Runs in the PostgreSQL build ({@code -Ppostgresql}).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.datasource.db-kind", matches = "postgresql")
class PostgresBusTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    LiveBus bus;

    @Inject
    Event<PollChanged> pollChanges;

    @Inject
    Vertx vertx;

    private PgConnection other;
    private final BlockingQueue<String> notifications = new LinkedBlockingQueue<>();

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void listen() throws Exception {
        other = await(PgConnection.connect(vertx, PostgresTransport.options(System.getProperty("testdb.jdbc-url"),
                System.getProperty("quarkus.datasource.username"), System.getProperty("quarkus.datasource.password"))));
        other.notificationHandler(n -> notifications.add(n.getPayload()));
        await(other.query("LISTEN " + PostgresTransport.CHANNEL).execute());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!bus.connected() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bus.connected()).as("this instance listens").isTrue();
    }

    @AfterEach
    void close() throws Exception {
        await(other.close());
    }

    /** What the other instance heard within {@code wait}, decoded. */
    private List<BusMessage> heard(Duration wait) throws InterruptedException {
        List<BusMessage> messages = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            String payload = notifications.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (payload != null) {
                messages.add(BusMessage.decode(payload));
            }
        }
        return messages;
    }

    private void notifyAsOtherInstance(String payload) throws Exception {
        await(other.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(PostgresTransport.CHANNEL, payload)));
    }

    @Test
    void aCommittedVoteIsAnnouncedAsThePollsIdAndThirtyVotesAsAFewMessages() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        long pollId = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(
                dk.afstemning.talk.Talk.findByJoinCode(talk.code).orElseThrow(), "q").orElseThrow().id);
        heard(Duration.ofMillis(300));
        List<Integer> options = talk.options();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add(talk.join());
        }
        long start = System.nanoTime();
        java.util.stream.IntStream.range(0, 30).parallel().forEach(
                i -> TestTalks.vote(talk.code, tokens.get(i), options.get(i % 3), null).statusCode(200));
        long spanMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        List<BusMessage> polls = heard(Duration.ofMillis(500)).stream()
                .filter(m -> m.kind() == BusMessage.Kind.POLL && m.id() == pollId).toList();
        assertThat(polls).isNotEmpty();
        assertThat(polls).allSatisfy(m -> {
            assertThat(m.joinCode()).isEqualTo(talk.code);
            assertThat(m.origin()).isEqualTo(bus.instance());
            assertThat(m.flag()).as("votes, not a state change").isFalse();
        });
        // At most one per push interval (100 ms) over the time the votes took, and one more at its end: the bound
        // follows the measured time, so a loaded machine changes the bound, not the verdict.
        assertThat(polls.size()).isLessThanOrEqualTo((int) (spanMillis / 100) + 2);
    }

    @Test
    void aRolledBackChangeIsNeverAnnounced() throws Exception {
        long unusedPollId = 987_654_321L;
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            pollChanges.fire(new PollChanged(unusedPollId, "NOSUCH", true));
            QuarkusTransaction.setRollbackOnly();
        })).isInstanceOf(io.quarkus.narayana.jta.QuarkusTransactionException.class);
        assertThat(heard(Duration.ofMillis(600))).noneMatch(m -> m.id() == unusedPollId);
        QuarkusTransaction.requiringNew().run(() -> pollChanges.fire(new PollChanged(unusedPollId + 1, "NOSUCH", true)));
        assertThat(heard(Duration.ofMillis(600))).anyMatch(m -> m.id() == unusedPollId + 1 && m.flag());
    }

    @Test
    void aSlideMovedByAnotherInstanceReachesThisInstancesScreens() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (SocketClient screen = talk.screen()) {
            JsonNode first = screen.next("slide");
            assertThat(first.path("slide").asInt()).isEqualTo(1);
            assertThat(await(other.preparedQuery(
                    "update talk set current_slide = 2, screen_overlay = null where join_code = $1")
                    .execute(Tuple.of(talk.code))).rowCount()).isEqualTo(1);
            notifyAsOtherInstance("v1|SHOW|other-instance|" + System.currentTimeMillis() + "|" + talk.code + "|0|0|");
            JsonNode moved = screen.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 2);
            assertThat(moved.path("pollId").asText()).as("the poll slide, as read from the database").isEqualTo("q");
        }
    }

    @Test
    void participantsConnectedToAnotherInstanceCountOnThisInstancesPresenterScreen() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (SocketClient presenter = talk.presenter(); SocketClient phone = talk.phone()) {
            presenter.next(m -> m.path("type").asText().equals("presence") && m.path("participants").asInt() == 1);
            notifyAsOtherInstance("v1|PRESENCE|other-instance|" + System.currentTimeMillis() + "|" + talk.code
                    + "|7|0|");
            JsonNode sum = presenter.next(m -> m.path("type").asText().equals("presence")
                    && m.path("participants").asInt() == 8);
            assertThat(sum.path("participants").asInt()).as("1 here + 7 there").isEqualTo(8);
        }
    }

    @Test
    void anInstanceThatLostTheBusListensAgainAndResynchronisesItsScreens() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (SocketClient screen = talk.screen()) {
            assertThat(screen.next("slide").path("slide").asInt()).isEqualTo(1);
            // Another instance moves the show while this one is cut off from the bus: its notification is lost.
            assertThat(await(other.preparedQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                    + "where application_name = 'vertx-pg-client' and query like 'LISTEN%' and pid <> pg_backend_pid()")
                    .execute()).iterator().next().getLong(0)).isEqualTo(1);
            assertThat(await(other.preparedQuery(
                    "update talk set current_slide = 2, screen_overlay = null where join_code = $1")
                    .execute(Tuple.of(talk.code))).rowCount()).isEqualTo(1);
            notifyAsOtherInstance("v1|SHOW|other-instance|" + System.currentTimeMillis() + "|" + talk.code + "|0|0|");
            // Listening again, it reads the show from the database and the screen follows.
            JsonNode moved = screen.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 2);
            assertThat(moved.path("pollId").asText()).isEqualTo("q");
            assertThat(bus.connected()).isTrue();
        }
    }

    @Test
    void reactionsCountedOnAnotherInstanceReachThisInstancesScreens() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (SocketClient screen = talk.screen()) {
            screen.next("slide");
            // thumbs-up, heart, laugh, clap, thinking
            notifyAsOtherInstance("v1|REACTIONS|other-instance|" + System.currentTimeMillis() + "|" + talk.code
                    + "|1|0|3,0,2,0,1");
            JsonNode reactions = screen.next("reactions");
            assertThat(reactions.path("slide").asInt()).isEqualTo(1);
            assertThat(reactions.path("counts").path("thumbs-up").asLong()).isEqualTo(3);
            assertThat(reactions.path("counts").path("laugh").asLong()).isEqualTo(2);
            assertThat(reactions.path("counts").path("thinking").asLong()).isEqualTo(1);
            assertThat(reactions.path("total").asLong()).isEqualTo(6);
        }
    }
}
