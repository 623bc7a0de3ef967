package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.http.ContentType;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * Results on the phones (deck key {@code phone-results}) with real sockets: which phones get results messages and
 * when, in version order, at most twice a second per poll.
 */
@QuarkusTest
class PhoneResultsSocketTest {

    static final String DECK = """
            ---
            title: Phones
            lang: en
            ---

            # Intro

            ---

            ```poll
            id: av
            question: After the vote?
            options: [A, B, C]
            ```

            ---

            ```poll
            id: ac
            question: After the close?
            options: [A, B]
            phone-results: after-close
            ```

            ---

            ```poll
            id: nv
            question: Never?
            options: [A, B]
            phone-results: never
            ```

            ---

            ```poll
            id: hd
            question: Hidden?
            options: [A, B]
            results: hidden
            ```
            """;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    Talk talk;
    String code;

    @BeforeEach
    void newTalk() {
        talk = importer.importDeck("phones-" + UUID.randomUUID() + ".md", DECK);
        code = talk.joinCode;
        for (String poll : List.of("av", "ac", "nv", "hd")) {
            TestTalks.open(talk, poll);
        }
    }

    private List<Integer> options(String poll) {
        return given().get("/api/talks/{code}", code).then().statusCode(200)
                .extract().path("polls.find { it.id == '" + poll + "' }.options.id");
    }

    private void restVote(String token, String poll, int optionId) {
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                .body(Map.of("optionId", optionId, "requestId", "r-" + UUID.randomUUID())).when()
                .post("/api/talks/{code}/polls/{poll}/votes", code, poll).then().statusCode(200);
    }

    /** A phone's socket, once it has its state snapshot. */
    private SocketClient phone(String token) throws InterruptedException {
        SocketClient phone = SocketClient.participant(base, code, token);
        phone.next("state");
        return phone;
    }

    /**
     * Votes over the phone's socket and waits for the ack. The voter's first results may come before or after the
     * ack, so the tests look for results among all messages received ({@link #received}), never skipping any.
     */
    private static void socketVote(SocketClient phone, String poll, int optionId) {
        String requestId = "s-" + UUID.randomUUID();
        phone.send("{\"type\":\"vote\",\"pollId\":\"" + poll + "\",\"optionId\":" + optionId + ",\"requestId\":\""
                + requestId + "\"}");
        received(phone, m -> m.path("type").asText().equals("ack") && m.path("requestId").asText().equals(requestId));
    }

    /** The first message received so far that matches, waiting up to 10 s for one. */
    private static JsonNode received(SocketClient phone, Predicate<JsonNode> filter) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> phone.received().stream().filter(filter).findFirst().orElse(null), m -> m != null);
    }

    /** Waits {@code millis} for a matching message; true when one has been received by then. */
    private static boolean receivedWithin(SocketClient phone, Predicate<JsonNode> filter, long millis)
            throws InterruptedException {
        phone.poll(filter, Duration.ofMillis(millis));
        return phone.received().stream().anyMatch(filter);
    }

    private void command(String poll, String command) {
        given().header("X-Presenter-Key", talk.presenterKey).when()
                .post("/api/talks/{code}/polls/{poll}/" + command, code, poll).then().statusCode(200);
    }

    private static Predicate<JsonNode> results(String poll) {
        return m -> m.path("type").asText().equals("results") && m.path("pollId").asText().equals(poll);
    }

    private static List<JsonNode> resultsOf(SocketClient phone, String poll) {
        return phone.received().stream().filter(results(poll)).toList();
    }

    private static List<Long> counts(JsonNode results) {
        return results.path("counts").findValues("count").stream().map(JsonNode::asLong).toList();
    }

    /** Moves the show to the 1-based slide (phones show the poll on it). */
    private void showSlide(int slide) {
        io.restassured.RestAssured.given().header("X-Presenter-Key", talk.presenterKey)
                .contentType(io.restassured.http.ContentType.JSON).body("{\"slide\":" + slide + "}")
                .put("/api/talks/{c}/show", code).then().statusCode(200);
    }

    /** Waits until the presenter feed shows {@code total} votes of the poll: the push that phones follow has run. */
    private static void awaitTotal(SocketClient presenter, String poll, long total) throws InterruptedException {
        presenter.next(m -> results(poll).test(m) && m.path("total").asLong() == total);
    }

    @Test
    void afterVoteOnlyThePhonesThatVotedGetResultsRightAfterTheirAckUntilANewRound() throws Exception {
        List<Integer> av = options("av");
        String t1 = TestTalks.join(code);
        String t2 = TestTalks.join(code);
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey);
                SocketClient p1 = SocketClient.participant(base, code, t1);
                SocketClient p2 = SocketClient.participant(base, code, t2)) {
            JsonNode state = p1.next("state");
            assertThat(state.path("polls").get(0).path("phoneResults").asText()).isEqualTo("after-vote");
            assertThat(state.path("polls").get(0).path("results").isNull()).isTrue();
            p2.next("state");
            // someone else votes: the phones that have not voted get nothing
            restVote(TestTalks.join(code), "av", av.get(1));
            awaitTotal(presenter, "av", 1);
            assertThat(receivedWithin(p1, results("av"), 1200)).isFalse();

            socketVote(p1, "av", av.get(0));
            JsonNode mine = received(p1, m -> results("av").test(m) && m.path("total").asLong() == 2);
            assertThat(counts(mine)).containsExactly(1L, 1L, 0L);
            assertThat(mine.path("counts").findValues("percent").stream().map(JsonNode::asInt).toList())
                    .containsExactly(50, 50, 0);
            assertThat(mine.path("resultsVisible").asBoolean()).isTrue();

            // a later vote reaches the voter live, never the phone that did not vote
            restVote(TestTalks.join(code), "av", av.get(2));
            assertThat(counts(received(p1, m -> results("av").test(m) && m.path("total").asLong() == 3)))
                    .containsExactly(1L, 1L, 1L);
            assertThat(receivedWithin(p2, results("av"), 1200)).isFalse();
            assertThat(resultsOf(p2, "av")).isEmpty();

            // a reload on the poll's slide restores the results view from the snapshot
            showSlide(2);
            try (SocketClient again = SocketClient.participant(base, code, t1)) {
                JsonNode restored = again.next("state").path("polls").get(0).path("results");
                assertThat(restored.path("total").asLong()).isEqualTo(3);
                assertThat(counts(restored)).containsExactly(1L, 1L, 1L);
            }

            // a new round: the round-1 voter gets nothing until it votes again
            command("av", "reset");
            p1.next(m -> m.path("type").asText().equals("poll") && m.path("round").asInt() == 2);
            restVote(TestTalks.join(code), "av", av.get(0));
            awaitTotal(presenter, "av", 1);
            assertThat(receivedWithin(p1, m -> results("av").test(m) && m.path("currentRound").asInt() == 2, 1200))
                    .isFalse();
            socketVote(p1, "av", av.get(1));
            JsonNode round2 = received(p1, m -> results("av").test(m) && m.path("currentRound").asInt() == 2
                    && m.path("total").asLong() == 2);
            assertThat(counts(round2)).containsExactly(1L, 1L, 0L);
        }
    }

    @Test
    void movingTheShowToAPollBringsItsResultsToThePhonesThatShowThem() throws Exception {
        List<Integer> ac = options("ac");
        restVote(TestTalks.join(code), "ac", ac.get(0));
        command("ac", "close");
        try (SocketClient phone = SocketClient.participant(base, code, TestTalks.join(code))) {
            // Connected on slide 1: its state carries no poll's results.
            JsonNode polls = phone.next("state").path("polls");
            assertThat(polls.get(1).path("results").isNull()).isTrue();
            showSlide(3);
            JsonNode closed = received(phone, results("ac"));
            assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
            assertThat(counts(closed)).containsExactly(1L, 0L);
            // The after-vote poll's results stay away from a phone that has not voted in it.
            showSlide(2);
            phone.next(m -> m.path("type").asText().equals("slide") && m.path("slide").asInt() == 2);
            assertThat(receivedWithin(phone, results("av"), 800)).isFalse();
        }
    }

    @Test
    void afterCloseEveryPhoneGetsTheResultsOnlyOnceThePollIsClosed() throws Exception {
        List<Integer> ac = options("ac");
        String t1 = TestTalks.join(code);
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey);
                SocketClient p1 = phone(t1);
                SocketClient p2 = phone(TestTalks.join(code))) {
            socketVote(p1, "ac", ac.get(1));
            awaitTotal(presenter, "ac", 1);
            assertThat(receivedWithin(p1, results("ac"), 1200)).isFalse();
            assertThat(resultsOf(p2, "ac")).isEmpty();

            command("ac", "close");
            for (SocketClient phone : List.of(p1, p2)) {
                JsonNode closed = received(phone, results("ac"));
                assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
                assertThat(counts(closed)).containsExactly(0L, 1L);
                assertThat(closed.path("total").asLong()).isEqualTo(1);
            }
            // a phone that comes later to the poll's slide gets them in its snapshot
            showSlide(3);
            try (SocketClient late = SocketClient.participant(base, code, TestTalks.join(code))) {
                JsonNode polls = late.next("state").path("polls");
                assertThat(counts(polls.get(1).path("results"))).containsExactly(0L, 1L);
            }
            // opened again: the results go away from the phones' feed until the next close
            command("ac", "open");
            p2.next(m -> m.path("type").asText().equals("poll") && m.path("pollId").asText().equals("ac")
                    && m.path("status").asText().equals("OPEN"));
            int before = resultsOf(p2, "ac").size();
            restVote(TestTalks.join(code), "ac", ac.get(0));
            awaitTotal(presenter, "ac", 2);
            assertThat(receivedWithin(p2, m -> results("ac").test(m) && m.path("status").asText().equals("OPEN"), 1200))
                    .isFalse();
            assertThat(resultsOf(p2, "ac")).hasSize(before);
        }
    }

    @Test
    void neverMeansNoPhoneEverGetsTheResults() throws Exception {
        List<Integer> nv = options("nv");
        String t1 = TestTalks.join(code);
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey);
                SocketClient p1 = phone(t1);
                SocketClient p2 = phone(TestTalks.join(code))) {
            socketVote(p1, "nv", nv.get(0));
            awaitTotal(presenter, "nv", 1);
            command("nv", "close");
            p1.next(m -> m.path("type").asText().equals("poll") && m.path("status").asText().equals("CLOSED"));
            assertThat(receivedWithin(p1, results("nv"), 1200)).isFalse();
            assertThat(resultsOf(p1, "nv")).isEmpty();
            assertThat(resultsOf(p2, "nv")).isEmpty();
            try (SocketClient again = SocketClient.participant(base, code, t1)) {
                assertThat(again.next("state").path("polls").get(2).path("results").isNull()).isTrue();
            }
        }
    }

    @Test
    void hiddenResultsStayHiddenOnThePhoneUntilRevealed() throws Exception {
        List<Integer> hd = options("hd");
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey);
                SocketClient p1 = phone(TestTalks.join(code))) {
            socketVote(p1, "hd", hd.get(1));
            awaitTotal(presenter, "hd", 1);
            restVote(TestTalks.join(code), "hd", hd.get(1));
            awaitTotal(presenter, "hd", 2);
            p1.poll(m -> results("hd").test(m) && m.path("total").asLong() == 2, Duration.ofSeconds(2));
            List<JsonNode> before = resultsOf(p1, "hd");
            assertThat(before).isNotEmpty().allSatisfy(m -> {
                assertThat(m.path("resultsVisible").asBoolean()).isFalse();
                assertThat(m.path("counts").findValues("count")).allMatch(JsonNode::isNull);
                assertThat(m.path("counts").findValues("percent")).allMatch(JsonNode::isNull);
            });

            command("hd", "reveal");
            JsonNode revealed = received(p1, m -> results("hd").test(m) && m.path("resultsVisible").asBoolean());
            assertThat(counts(revealed)).containsExactly(0L, 2L);
        }
    }

    @Test
    void aPhoneSeesVersionsOnlyGrowAndGetsAtMostTwoPushesASecond() throws Exception {
        List<Integer> av = options("av");
        try (SocketClient p1 = phone(TestTalks.join(code))) {
            socketVote(p1, "av", av.get(0));
            received(p1, results("av"));
            List<String> voters = java.util.stream.IntStream.range(0, 40).mapToObj(i -> TestTalks.join(code)).toList();
            int before = resultsOf(p1, "av").size();
            long start = System.nanoTime();
            for (int i = 0; i < voters.size(); i++) {
                restVote(voters.get(i), "av", av.get(i % 3));
            }
            JsonNode last = received(p1, m -> results("av").test(m) && m.path("total").asLong() == 41);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(counts(last)).containsExactly(15L, 13L, 13L);
            List<JsonNode> all = resultsOf(p1, "av");
            assertThat(all.stream().map(m -> m.path("version").asLong()).toList()).isSorted();
            assertThat(all.stream().map(m -> m.path("total").asLong()).toList()).isSorted();
            // one push per 500 ms at most, plus the one that may start the burst
            assertThat(all.size() - before).isLessThanOrEqualTo((int) (elapsedMs / 500) + 2);
        }
    }
}
