package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.RawHttp;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 11: a phone whose connection dies without a close (a frozen process, dropped packets) stops
 * answering the server's pings; after {@code afstemning.live.silence-limit} its socket is closed, so it leaves the
 * presenter's connected count and {@code afstemning_participants_connected}, while a phone that answers stays.
 */
@QuarkusTest
@TestProfile(DeadSocketTest.FastPings.class)
class DeadSocketTest {

    /**
     * Pings every 500 ms, a socket silent for 4 s is dead, checked every second: short for a test, yet long enough that
     * a phone that answers is never taken for dead on a loaded 2-core CI machine (1.5 s was not: the answering phone
     * was closed too while the JVM stalled).
     */
    public static class FastPings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.websockets-next.server.auto-ping-interval", "500ms",
                    "afstemning.live.silence-limit", "4s",
                    "afstemning.live.silence-check", "1s",
                    "quarkus.log.category.\"dk.afstemning.live.SilentConnections\".level", "DEBUG");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void aPhoneThatStopsAnsweringPingsIsClosedAndLeavesTheConnectedCount() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        await().atMost(Duration.ofSeconds(10)).until(() -> connected() == 0);
        try (SocketClient presenter = talk.presenter(); SocketClient alive = talk.phone(talk.join());
                RawHttp frozen = RawHttp.connect(base)) {
            alive.next("state");
            // A phone that upgrades and then never reads nor answers anything: a frozen process.
            String head = frozen.send("GET /ws/participant/" + talk.code + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + base.getPort() + "\r\nCookie: afstemning_pid=" + talk.join()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").head();
            assertThat(RawHttp.status(head)).isEqualTo(101);
            presenter.next(m -> m.path("type").asText().equals("presence") && m.path("participants").asInt() == 2);
            assertThat(connected()).isEqualTo(2);

            // The silent one is closed, the one that answers pings stays: the count drops to 1.
            assertThat(presenter.poll(m -> m.path("type").asText().equals("presence")
                    && m.path("participants").asInt() == 1, Duration.ofSeconds(30))).as("presence of one").isNotNull();
            await().atMost(Duration.ofSeconds(10)).until(() -> connected() == 1);
            assertThat(alive.isOpen()).isTrue();
            alive.send("{\"type\":\"ping\"}");
            assertThat(alive.next("pong").path("type").asText()).isEqualTo("pong");
        }
    }

    private static double connected() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^afstemning_participants_connected ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
