package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Field case F2 of shared/cases/field-failures.md at socket level: a dropped connection must not drop or duplicate a
 * vote. The phone is a real WebSocket client whose connection is cut without a close frame ({@link SocketClient#abort()},
 * as when a phone loses the network), or closed and opened again (the tab closed, the join link opened again).
 */
@QuarkusTest
class ReconnectFieldCasesTest {

    /** How long P1 stays away in these tests; the vote must stay counted throughout. */
    private static final Duration AWAY = Duration.ofMillis(1500);

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void f2_aDroppedConnectionKeepsTheVoteTheReconnectShowsItAndTappingCChangesIt() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        int b = options.get(1);
        int c = options.get(2);
        String p1 = join(code);
        try (SocketClient presenter = talk.presenter()) {
            presenter.next("presence");
            SocketClient phone = participant(code, p1);
            phone.next("state");
            presenter.next(n -> isPresence(n, 1));

            phone.send(voteMessage("q", b, "f2-b"));
            assertThat(phone.next("ack")).isEqualTo(ack("f2-b", b));
            presenter.next(n -> isResults(n) && n.path("total").asInt() == 1);

            // The phone loses its connection: no close frame. B stays counted while P1 is away.
            phone.abort();
            presenter.next(n -> isPresence(n, 0));
            assertStaysCounted(code, List.of(0, 1, 0));

            // Back: the snapshot says "you voted B".
            try (SocketClient back = participant(code, p1)) {
                JsonNode state = back.next("state");
                assertThat(state.path("polls").get(0).path("pollId").asText()).isEqualTo("q");
                assertThat(state.path("polls").get(0).path("status").asText()).isEqualTo("OPEN");
                assertThat(state.path("polls").get(0).path("myOptionId").asLong()).isEqualTo(b);
                presenter.next(n -> isPresence(n, 1));

                // Tapping C changes the vote: B 0, C 1.
                back.send(voteMessage("q", c, "f2-c"));
                assertThat(back.next("ack")).isEqualTo(ack("f2-c", c));
                assertThat(counts(code)).containsExactly(0, 0, 1);
                presenter.next(n -> isResults(n) && count(n, 2) == 1);
            }
            assertThat(counts(code)).containsExactly(0, 0, 1);
            assertTotalNeverAbove(presenter, 1);
        }
    }

    @Test
    void f2_aQueuedVoteResentAfterReconnectWithTheSameRequestIdCountsOnce() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        int b = options.get(1);
        int c = options.get(2);
        String p1 = join(code);
        try (SocketClient presenter = talk.presenter()) {
            presenter.next("presence");
            SocketClient phone = participant(code, p1);
            phone.next("state");
            phone.send(voteMessage("q", b, "f2-q-b"));
            assertThat(phone.next("ack")).isEqualTo(ack("f2-q-b", b));

            // P1 taps C and the connection drops at once: the vote may have reached the server, but no ack came back.
            phone.send(voteMessage("q", c, "f2-q-c"));
            phone.abort();
            Thread.sleep(AWAY.toMillis());
            List<Integer> whileAway = counts(code);
            assertThat(whileAway).as("one vote, B or C, while away").isIn(List.of(0, 1, 0), List.of(0, 0, 1));

            // The page queued the tap: after the reconnect it resends it with the same request id, over the socket
            // and (as participant.js does while the socket is still down) over REST.
            try (SocketClient back = participant(code, p1)) {
                JsonNode state = back.next("state");
                assertThat(state.path("polls").get(0).path("myOptionId").asLong()).isIn((long) b, (long) c);
                back.send(voteMessage("q", c, "f2-q-c"));
                assertThat(back.next("ack")).isEqualTo(ack("f2-q-c", c));
                vote(code, p1, c, "f2-q-c").statusCode(200)
                        .body(org.hamcrest.Matchers.equalTo(
                                "{\"requestId\":\"f2-q-c\",\"pollId\":\"q\",\"optionId\":" + c
                                        + ",\"answer\":{\"optionId\":" + c + "},\"round\":1}"));
                back.send(voteMessage("q", c, "f2-q-c"));
                assertThat(back.next("ack")).isEqualTo(ack("f2-q-c", c));
            }
            assertThat(counts(code)).containsExactly(0, 0, 1);
            // A resend of the older request changes nothing either: its old answer, and C stays.
            vote(code, p1, b, "f2-q-b").statusCode(200).body("optionId", org.hamcrest.Matchers.equalTo(b));
            assertThat(counts(code)).containsExactly(0, 0, 1);
            presenter.next(n -> isResults(n) && count(n, 2) == 1);
            assertTotalNeverAbove(presenter, 1);
        }
    }

    @Test
    void f2_onAPollWhereVotesAreFinalTappingCAfterTheReconnectIsRefusedAndBStays() throws Exception {
        String deck = TestTalks.deck("Endelige stemmer", List.of("Forskningsmæssig viden", "Praktiske erfaringer",
                "Ved ikke")).replace("```poll\n", "```poll\nvote-changes: false\n");
        Talk talk = importer.importDeck("test-final-" + java.util.UUID.randomUUID() + ".md", deck);
        String code = talk.joinCode;
        TestTalks.open(talk, "q");
        List<Integer> options = optionIds(code);
        int b = options.get(1);
        int c = options.get(2);
        String p1 = join(code);
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey)) {
            presenter.next("presence");
            SocketClient phone = participant(code, p1);
            phone.next("state");
            phone.send(voteMessage("q", b, "f2-f-b"));
            assertThat(phone.next("ack")).isEqualTo(ack("f2-f-b", b));
            phone.abort();
            assertStaysCounted(code, List.of(0, 1, 0));

            try (SocketClient back = participant(code, p1)) {
                assertThat(back.next("state").path("polls").get(0).path("myOptionId").asLong()).isEqualTo(b);
                back.send(voteMessage("q", c, "f2-f-c"));
                JsonNode refused = back.next(n -> n.path("requestId").asText().equals("f2-f-c"));
                assertThat(refused.path("type").asText()).isEqualTo("error");
                assertThat(refused.path("status").asInt()).isEqualTo(409);
                assertThat(refused.path("problem").asText()).isEqualTo("vote-final");
                assertThat(back.isOpen()).as("the connection stays open after a refusal").isTrue();
                // The queued B, resent with its request id, still gets its ack.
                back.send(voteMessage("q", b, "f2-f-b"));
                assertThat(back.next("ack")).isEqualTo(ack("f2-f-b", b));
            }
            vote(code, p1, c, "f2-f-c-rest").statusCode(409)
                    .body("type", org.hamcrest.Matchers.equalTo("urn:afstemning:problem:vote-final"));
            assertThat(counts(code)).containsExactly(0, 1, 0);
            assertTotalNeverAbove(presenter, 1);
        }
    }

    @Test
    void f2_closingTheTabAndOpeningTheJoinLinkAgainKeepsTheVoteAndTheIdentity() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String code = talk.code;
        List<Integer> options = talk.options();
        int b = options.get(1);
        int c = options.get(2);
        String p1 = join(code);
        try (SocketClient presenter = talk.presenter()) {
            presenter.next("presence");
            try (SocketClient tab = participant(code, p1)) {
                tab.next("state");
                tab.send(voteMessage("q", b, "f2-t-b"));
                assertThat(tab.next("ack")).isEqualTo(ack("f2-t-b", b));
            }
            presenter.next(n -> isPresence(n, 0));
            assertStaysCounted(code, List.of(0, 1, 0));

            // The join link again, with the cookie the browser kept: the same participant, and the page shows B.
            given().cookie("afstemning_pid", p1).post("/api/talks/{c}/participants", code).then().statusCode(200)
                    .body("participantId", org.hamcrest.Matchers.equalTo(p1));
            String page = given().cookie("afstemning_pid", p1).get("/t/{c}", code).then().statusCode(200)
                    .extract().asString();
            assertThat(pressed(page, b)).as("B is marked on the page").isTrue();
            assertThat(pressed(page, c)).isFalse();
            assertThat(page).contains("Din stemme er modtaget");

            try (SocketClient tab = participant(code, p1)) {
                assertThat(tab.next("state").path("polls").get(0).path("myOptionId").asLong()).isEqualTo(b);
                tab.send(voteMessage("q", c, "f2-t-c"));
                assertThat(tab.next("ack")).isEqualTo(ack("f2-t-c", c));
            }
            assertThat(counts(code)).containsExactly(0, 0, 1);
            presenter.next(n -> isResults(n) && count(n, 2) == 1);
            assertTotalNeverAbove(presenter, 1);
        }
    }

    // ---- helpers ----

    private SocketClient participant(String code, String token) {
        return SocketClient.participant(base, code, token);
    }

    private static String voteMessage(String pollId, int optionId, String requestId) {
        return "{\"type\":\"vote\",\"pollId\":\"" + pollId + "\",\"optionId\":" + optionId + ",\"requestId\":\""
                + requestId + "\"}";
    }

    private static JsonNode ack(String requestId, int optionId) {
        var ack = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("type", "ack")
                .put("requestId", requestId).put("pollId", "q").put("optionId", optionId).put("round", 1);
        ack.putObject("answer").put("optionId", optionId);
        return ack;
    }

    /** The counts stay {@code expected} for the whole time P1 is away (checked every 250 ms). */
    private static void assertStaysCounted(String code, List<Integer> expected) throws InterruptedException {
        long deadline = System.nanoTime() + AWAY.toNanos();
        do {
            assertThat(counts(code)).as("counts while P1 is away").isEqualTo(expected);
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
    }

    private static boolean isPresence(JsonNode n, int participants) {
        return n.path("type").asText().equals("presence") && n.path("participants").asInt() == participants;
    }

    private static boolean isResults(JsonNode n) {
        return n.path("type").asText().equals("results");
    }

    private static int count(JsonNode results, int index) {
        return results.path("counts").get(index).path("count").asInt();
    }

    /** The presenter never saw a total above {@code max}, not even briefly. */
    private static void assertTotalNeverAbove(SocketClient presenter, int max) {
        assertThat(presenter.all).filteredOn(ReconnectFieldCasesTest::isResults)
                .allSatisfy(n -> assertThat(n.path("total").asInt()).isLessThanOrEqualTo(max));
    }

    /** Whether the page's button for {@code optionId} is marked as the participant's choice. */
    private static boolean pressed(String page, int optionId) {
        return Pattern.compile("data-option-id=\"" + optionId + "\"\\s+aria-pressed=\"true\"").matcher(page).find();
    }
}
