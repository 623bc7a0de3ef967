package dk.afstemning.metrics;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/** {@code /q/metrics} reports the live engine's meters with exact values after known votes. */
@QuarkusTest
class MetricsTest {

    @TestHTTPResource("/")
    URI base;


    @Inject
    DeckImporter importer;

    @Test
    void votesAcceptedAndRefusedByReasonLatencyPushLagAndConnectedParticipants() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        String p1 = join(code);
        String p2 = join(code);
        String p3 = join(code);
        String before = metrics();

        try (SocketClient presenter = talk.presenter();
                SocketClient phone = talk.phone(p3)) {
            presenter.next("presence");
            phone.next("state");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> value(metrics(), "afstemning_participants_connected") == value(before,
                            "afstemning_participants_connected") + 1);

            vote(code, p1, options.get(0), "m-1").statusCode(200);
            vote(code, p1, options.get(0), "m-1").statusCode(200); // a resend is acknowledged again
            vote(code, p2, options.get(1), "m-2").statusCode(200);
            phone.send("{\"type\":\"vote\",\"pollId\":\"q\",\"optionId\":" + options.get(2) + ",\"requestId\":\"m-3\"}");
            assertThat(phone.next("ack").path("requestId").asText()).isEqualTo("m-3");
            vote(code, p2, 999_999, "m-4").statusCode(422);
            presenter.next(n -> n.path("type").asText().equals("results") && n.path("total").asInt() == 3);
            talk.close("q");
            vote(code, p1, options.get(1), "m-5").statusCode(409);

            String after = metrics();
            assertThat(delta(before, after, "afstemning_votes_accepted_total")).isEqualTo(4);
            assertThat(delta(before, after, "afstemning_votes_refused_total{reason=\"unknown-option\"}")).isEqualTo(1);
            assertThat(delta(before, after, "afstemning_votes_refused_total{reason=\"poll-closed\"}")).isEqualTo(1);
            assertThat(delta(before, after, "afstemning_vote_latency_seconds_count")).isEqualTo(4);
            assertThat(after).contains("afstemning_vote_latency_seconds_bucket{le=\"", "afstemning_push_lag_seconds_bucket{le=\"");
            assertThat(delta(before, after, "afstemning_push_lag_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(value(after, "afstemning_connections_dropped_total{reason=\"too-slow\"}")).isZero();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> value(metrics(), "afstemning_participants_connected") == value(before,
                        "afstemning_participants_connected"));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double delta(String before, String after, String series) {
        return value(after, series) - value(before, series);
    }

    /** The value of one series (name with its labels, as written), 0 when absent. */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
