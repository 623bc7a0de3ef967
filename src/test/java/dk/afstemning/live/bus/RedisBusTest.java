package dk.afstemning.live.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.Account;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * The Redis live bus ({@code afstemning.live.bus=redis}) seen from a second instance: a plain Redis connection that
 * subscribes to the channel and publishes on it. Needs Redis on 127.0.0.1:6379 ({@code .ci/run} starts one); skipped
 * without it, except under {@code CI=true}.
 */
@QuarkusTest
@TestProfile(RedisBusTest.OnRedis.class)
class RedisBusTest {

    public static class OnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("afstemning.live.bus", "redis", "quarkus.redis.hosts", "redis://127.0.0.1:6379",
                    "afstemning.live.redis-channel", CHANNEL);
        }
    }

    /** A channel of its own, as two deployments sharing one Redis must have. */
    static final String CHANNEL = "afstemning_live_redis_bus_test";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    LiveBus bus;

    @Inject
    AccountService accounts;

    private Resp other;

    /** Just enough of the Redis protocol (RESP2) for SUBSCRIBE and PUBLISH. */
    static final class Resp implements AutoCloseable {
        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;

        Resp() throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void command(String... args) throws IOException {
            StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
            for (String a : args) {
                b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One reply as a list of its bulk strings (an array of them, or one), waiting at most {@code wait}. */
        List<String> reply(Duration wait) throws IOException {
            socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
            List<String> parts = new ArrayList<>();
            try {
                String head = in.readLine();
                int n = head.startsWith("*") ? Integer.parseInt(head.substring(1)) : 1;
                String line = head;
                for (int i = 0; i < n; i++) {
                    if (head.startsWith("*")) {
                        line = in.readLine();
                    }
                    if (line.startsWith("$")) {
                        parts.add(in.readLine());
                    } else {
                        parts.add(line.substring(1));
                    }
                }
                return parts;
            } catch (SocketTimeoutException e) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @BeforeEach
    void subscribe() throws Exception {
        try (Resp probe = new Resp()) {
            probe.command("PING");
            assertThat(probe.reply(Duration.ofSeconds(1))).containsExactly("PONG");
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("CI=true and no Redis on 127.0.0.1:6379", e);
            }
            Assumptions.abort("no Redis on 127.0.0.1:6379");
        }
        other = new Resp();
        other.command("SUBSCRIBE", CHANNEL);
        assertThat(other.reply(Duration.ofSeconds(2))).startsWith("subscribe");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!bus.connected() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bus.connected()).as("this instance listens on Redis").isTrue();
    }

    @AfterEach
    void close() throws IOException {
        if (other != null) {
            other.close();
        }
    }

    private List<BusMessage> heard(Duration wait) throws IOException {
        List<BusMessage> messages = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> r = other.reply(Duration.ofNanos(deadline - System.nanoTime()));
            if (r != null && r.size() == 3 && r.get(0).equals("message")) {
                messages.add(BusMessage.decode(r.get(2)));
            }
        }
        return messages;
    }

    private static void publishAsOtherInstance(String payload) throws IOException {
        try (Resp publisher = new Resp()) {
            publisher.command("PUBLISH", CHANNEL, payload);
            assertThat(publisher.reply(Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void aCommittedVoteIsPublishedAfterTheCommitAsThePollsId() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        heard(Duration.ofMillis(300));
        List<Integer> options = talk.options();
        TestTalks.vote(talk.code, talk.join(), options.get(0), null).statusCode(200);
        List<BusMessage> polls = heard(Duration.ofMillis(500)).stream()
                .filter(m -> m.kind() == BusMessage.Kind.POLL && m.joinCode().equals(talk.code)).toList();
        assertThat(polls).hasSize(1);
        assertThat(polls.get(0).origin()).isEqualTo(bus.instance());
        assertThat(polls.get(0).flag()).isFalse();
    }

    @Test
    void aSlideMovedByAnotherInstanceAndItsPresenceReachThisInstancesScreens() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (SocketClient screen = talk.screen(); SocketClient presenter = talk.presenter()) {
            assertThat(screen.next("slide").path("slide").asInt()).isEqualTo(1);
            // The other instance moved the show in the shared database (here: behind this instance's back).
            QuarkusTransaction.requiringNew().run(() -> Talk.update(
                    "currentSlide = 2, screenOverlay = null where joinCode = ?1", talk.code));
            publishAsOtherInstance("v1|SHOW|other-instance|" + System.currentTimeMillis() + "|" + talk.code + "|0|0|");
            JsonNode moved = screen.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 2);
            assertThat(moved.path("pollId").asText()).isEqualTo("q");

            publishAsOtherInstance("v1|PRESENCE|other-instance|" + System.currentTimeMillis() + "|" + talk.code
                    + "|12|0|");
            JsonNode sum = presenter.next(m -> m.path("type").asText().equals("presence")
                    && m.path("participants").asInt() == 12);
            assertThat(sum.path("participants").asInt()).as("0 here + 12 there").isEqualTo(12);
        }
    }

    @Test
    void aRevocationTravelsBothWaysAndClosesThePresenterSocketsOfItsAccount() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        TalkFixture other = TalkFixture.create(importer, base);
        String name = TestLogins.presenter(accounts, talk.talk, other.talk);
        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().id);
        Map<String, String> session = TestLogins.session(name, "presenter-password");
        String cookie = "afstemning_session=" + session.get("afstemning_session") + "; afstemning_session_v="
                + session.get("afstemning_session_v");
        try (SocketClient console = SocketClient.connect(base, "/ws/present/" + other.code, null,
                Map.of("Cookie", cookie)); SocketClient phone = other.phone()) {
            console.next("slide");
            heard(Duration.ofMillis(300));
            // un-assigned here: the other instances hear of it
            TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                    .post("/organiser/accounts/{id}/talks/{t}/remove", id, talk.talk.id).then().statusCode(303);
            List<BusMessage> revoked = heard(Duration.ofMillis(500)).stream()
                    .filter(m -> m.kind() == BusMessage.Kind.REVOKED).toList();
            assertThat(revoked).hasSize(1);
            assertThat(revoked.get(0).id()).isEqualTo(id);
            assertThat(revoked.get(0).joinCode()).isEqualTo(talk.code);
            assertThat(console.isOpen()).as("the console of the talk still assigned").isTrue();

            // disabled on another instance: this instance's console of the account closes, the phone stays
            publishAsOtherInstance("v1|REVOKED|other-instance|" + System.currentTimeMillis() + "||" + id + "|0|");
            console.closed.get(10, TimeUnit.SECONDS);
            assertThat(console.closeCode).isEqualTo(1008);
            assertThat(console.closeReason).isEqualTo("access-withdrawn");
            assertThat(phone.isOpen()).isTrue();
        }
    }
}
