package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * Issue 20's correctness check at a small scale (the large runs and their timings are the benchmark's): 300 phones
 * that see results, each with its own socket, vote; afterwards every phone's last shown results are exactly the stored
 * counts and total, and what a phone shows (dropping a message older than the one shown, as the page does) never goes
 * back to fewer votes. The limits are raised (all 300 come from
 * 127.0.0.1), as in a venue behind one NAT with a generous configuration.
 */
@QuarkusTest
@TestProfile(HighLimits.class)
class PhonesSeeResultsTest {

    private static final int PHONES = 300;

    static final String DECK = """
            ---
            title: Keynote
            lang: en
            ---

            ```poll
            id: k
            question: Which one?
            options: [A, B, C]
            ```
            """;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void threeHundredPhonesEachShowTheStoredCountsAndWhatTheyShowNeverGoesBack() throws Exception {
        Talk talk = importer.importDeck("phones300-" + UUID.randomUUID() + ".md", DECK);
        String code = talk.joinCode;
        TestTalks.open(talk, "k");
        List<Integer> options = TestTalks.optionIds(code);
        List<SocketClient> phones = new ArrayList<>();
        try {
            for (int i = 0; i < PHONES; i++) {
                SocketClient phone = SocketClient.participant(base, code, TestTalks.join(code));
                phones.add(phone);
            }
            for (SocketClient phone : phones) {
                phone.next("state");
            }
            // Every phone votes over its socket: options A, B, C in turn, so 100 each.
            for (int i = 0; i < PHONES; i++) {
                phones.get(i).send("{\"type\":\"vote\",\"pollId\":\"k\",\"optionId\":" + options.get(i % 3)
                        + ",\"requestId\":\"p-" + i + "\"}");
            }
            for (int i = 0; i < PHONES; i++) {
                String requestId = "p-" + i;
                SocketClient phone = phones.get(i);
                await().atMost(Duration.ofSeconds(30)).until(() -> phone.received().stream().anyMatch(m ->
                        m.path("type").asText().equals("ack") && m.path("requestId").asText().equals(requestId)));
            }
            JsonNode stored = given().get("/api/talks/{code}/polls/k/results", code).then().statusCode(200)
                    .extract().as(JsonNode.class);
            assertThat(stored.path("total").asLong()).isEqualTo(PHONES);
            List<Long> storedCounts = stored.path("counts").findValues("count").stream().map(JsonNode::asLong).toList();
            assertThat(storedCounts).containsExactly(100L, 100L, 100L);

            int reordered = 0;
            for (SocketClient phone : phones) {
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    List<JsonNode> shown = shown(results(phone));
                    return !shown.isEmpty() && shown.get(shown.size() - 1).path("total").asLong() == PHONES;
                });
                List<JsonNode> received = results(phone);
                List<JsonNode> shown = shown(received);
                JsonNode last = shown.get(shown.size() - 1);
                assertThat(last.path("counts").findValues("count").stream().map(JsonNode::asLong).toList())
                        .isEqualTo(storedCounts);
                // What the phone shows never goes back: a newer version never carries fewer votes.
                assertThat(shown.stream().map(m -> m.path("total").asLong()).toList()).isSorted();
                reordered += received.size() - shown.size();
            }
            // A voter's own first results (sent right after its ack) may arrive after a newer coalesced push; the
            // phone keeps the newer one (js/phone-results.js). Counted for issue 20, not asserted.
            System.out.println("PhonesSeeResultsTest: results messages older than one already shown: " + reordered);
        } finally {
            phones.forEach(SocketClient::close);
        }
    }

    /** The results a phone shows, in order: as js/phone-results.js, a message older than the one shown is dropped. */
    private static List<JsonNode> shown(List<JsonNode> received) {
        List<JsonNode> shown = new ArrayList<>();
        long version = Long.MIN_VALUE;
        for (JsonNode m : received) {
            if (m.path("version").asLong() >= version) {
                version = m.path("version").asLong();
                shown.add(m);
            }
        }
        return shown;
    }

    private static List<JsonNode> results(SocketClient phone) {
        return phone.received().stream()
                .filter(m -> m.path("type").asText().equals("results") && m.path("pollId").asText().equals("k"))
                .toList();
    }
}
