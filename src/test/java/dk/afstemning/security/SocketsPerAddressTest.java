package dk.afstemning.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
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
 * Issue 21, item 2: one client address holds at most {@code afstemning.limits.sockets-per-ip} live sockets (refused
 * upgrades are counted in {@code /q/metrics}), and a connection that stops sending, such as a half-sent request, is
 * closed after {@code quarkus.http.idle-timeout}, while live sockets stay open through it on the server's pings.
 */
@QuarkusTest
@TestProfile(SocketsPerAddressTest.FewSockets.class)
class SocketsPerAddressTest {

    /** Three sockets per address, a 2 s idle timeout and pings every 500 ms. */
    public static class FewSockets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("afstemning.limits.sockets-per-ip", "3",
                    "quarkus.http.idle-timeout", "2s",
                    "quarkus.websockets-next.server.auto-ping-interval", "500ms");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void anAddressHoldsAtMostItsCapOfSocketsAndGetsAnotherWhenOneCloses() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        await().atMost(Duration.ofSeconds(10)).until(() -> value(metrics(), "afstemning_sockets_open") == 0);
        double refusedBefore = value(metrics(), "afstemning_sockets_refused_total{reason=\"sockets-per-ip\"}");
        try (SocketClient first = talk.screen(); SocketClient second = talk.presenter();
                SocketClient third = talk.phone(talk.join())) {
            first.next("presence");
            second.next("presence");
            third.next("state");
            Throwable fourth = catchThrowable(talk::screen);
            assertThat(SocketClient.rejectedStatus(fourth)).isEqualTo(429);
            String metrics = metrics();
            assertThat(value(metrics, "afstemning_sockets_refused_total{reason=\"sockets-per-ip\"}") - refusedBefore)
                    .isEqualTo(1);
            assertThat(value(metrics, "afstemning_sockets_open")).isEqualTo(3);
            first.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> value(metrics(), "afstemning_sockets_open") == 2);
            try (SocketClient again = talk.screen()) {
                assertThat(again.next("presence").path("type").asText()).isEqualTo("presence");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> value(metrics(), "afstemning_sockets_open") == 0);
    }

    @Test
    void aHalfSentRequestIsClosedAfterTheIdleTimeoutWhileALiveSocketStaysOpen() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (SocketClient screen = talk.screen(); RawHttp half = RawHttp.connect(base)) {
            screen.next("presence");
            half.send("GET /ws/screen/" + talk.code + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
            assertThat(half.closedByServer()).isTrue();
            screen.send("{\"type\":\"ping\"}");
            assertThat(screen.next("pong")).hasToString("{\"type\":\"pong\"}");
            assertThat(screen.isOpen()).isTrue();
        }
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
