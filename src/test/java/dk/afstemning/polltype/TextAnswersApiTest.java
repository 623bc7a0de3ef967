package dk.afstemning.polltype;

import static dk.afstemning.TestTalks.join;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/** Word cloud and open text over REST and the sockets: limits, merging, resends, moderation and who sees what. */
@QuarkusTest
class TextAnswersApiTest {

    static final String DECK = """
            ---
            title: Tekst
            lang: da
            ---

            # Tekst

            ---

            ```poll
            id: ord
            type: wordcloud
            question: Hvilket ord beskriver god ledelse?
            max-entries: 3
            max-chars: 25
            ```

            ---

            ```poll
            id: fri
            type: open
            question: Hvad vil du spørge om?
            ```

            ---

            ```poll
            id: fri-uden
            type: open
            question: Hvad tager du med hjem?
            moderation: off
            ```
            """;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    dk.afstemning.retention.RawVoteRetention retention;

    Talk talk;
    String code;

    @BeforeEach
    void newTalk() {
        talk = importer.importDeck("text-" + UUID.randomUUID() + ".md", DECK);
        code = talk.joinCode;
        for (String poll : List.of("ord", "fri", "fri-uden")) {
            TestTalks.open(talk, poll);
        }
    }

    private ValidatableResponse answer(String token, String poll, Map<String, Object> body) {
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", code, poll).then();
    }

    private ValidatableResponse results(String poll) {
        return given().get("/api/talks/{code}/polls/{poll}/results", code, poll).then().statusCode(200);
    }

    private ValidatableResponse moderate(String poll, long answerId, String status, String key) {
        return given().header("X-Presenter-Key", key).contentType(ContentType.JSON).body(Map.of("status", status))
                .put("/api/talks/{code}/polls/{poll}/answers/{id}/status", code, poll, answerId).then();
    }

    @Test
    void wordCloudVariantsMergeIntoOneWordAndProfanityIsHidden() {
        String nfd = Normalizer.normalize("Tillid", Normalizer.Form.NFD);
        answer(join(code), "ord", Map.of("texts", List.of("Ledelse", "Tillid"), "requestId", "a-1")).statusCode(200)
                .body("answer.texts", contains("Ledelse", "Tillid"));
        answer(join(code), "ord", Map.of("texts", List.of(" ledelse ", nfd))).statusCode(200)
                .body("answer.texts", contains("ledelse", nfd));
        answer(join(code), "ord", Map.of("texts", List.of("LEDELSE", "lort"))).statusCode(200);
        results("ord").body("pollType", equalTo("wordcloud")).body("total", equalTo(3))
                .body("details.maxEntries", equalTo(3)).body("details.maxChars", equalTo(25))
                .body("details.entries", equalTo(5)).body("details.distinct", equalTo(2))
                .body("details.words.text", contains("Ledelse", "Tillid"))
                .body("details.words.count", contains(3, 2))
                .body("details.words[0].x", equalTo(500)).body("details.words[0].y", equalTo(300));
    }

    /** Issue 19 item 6: Danish swear words are hidden, and a deck adds and allows words of its own. */
    @Test
    void danishSwearWordsAreHiddenAndADecksOwnWordsFollowItsFrontMatter() {
        answer(join(code), "ord", Map.of("texts", List.of("Fanden", "Tillid"))).statusCode(200);
        answer(join(code), "ord", Map.of("texts", List.of("kraftedeme", "satan"))).statusCode(200);
        results("ord").body("details.entries", equalTo(1)).body("details.words.text", contains("Tillid"));

        Talk own = importer.importDeck("own-words-" + UUID.randomUUID() + ".md", DECK.replace("lang: da\n",
                "lang: da\nprofanity-words: [skod, dumme svin]\nprofanity-allow: [fanden]\n"));
        TestTalks.open(own, "ord");
        given().cookie("afstemning_pid", join(own.joinCode)).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of("Skod", "Fanden", "Dumme  svin"))).post("/api/talks/{code}/polls/ord/votes",
                        own.joinCode).then().statusCode(200);
        given().get("/api/talks/{code}/polls/ord/results", own.joinCode).then().statusCode(200)
                .body("details.entries", equalTo(1)).body("details.words.text", contains("Fanden"));
    }

    @Test
    void wordCloudLimitsAreRefusedWithAClearMessageAndAResendCountsOnce() {
        String token = join(code);
        answer(token, "ord", Map.of("texts", List.of("a", "b", "c", "d"))).statusCode(422)
                .body("detail", equalTo("Poll 'ord' takes at most 3 entries, not 4"));
        answer(token, "ord", Map.of("texts", List.of("x".repeat(26)))).statusCode(422)
                .body("detail", equalTo("An entry of poll 'ord' may have at most 25 characters, not 26"));
        answer(token, "ord", Map.of("texts", List.of("👩‍👩‍👧".repeat(25)))).statusCode(200);
        answer(token, "ord", Map.of("optionId", 1)).statusCode(400);
        answer(token, "ord", Map.of("texts", List.of("Tid"), "requestId", "r-42")).statusCode(200);
        answer(token, "ord", Map.of("texts", List.of("Tid"), "requestId", "r-42")).statusCode(200)
                .body("answer.texts", contains("Tid"));
        // the second answer replaced the emoji set; the resend counted once
        results("ord").body("total", equalTo(1)).body("details.words.text", contains("Tid"))
                .body("details.words.count", contains(1));
        given().cookie("afstemning_pid", join(code)).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of("x"))).post("/api/talks/{code}/polls/skala/votes", code).then()
                .statusCode(404);
    }

    @Test
    void openAnswersWaitForThePresenterAndOnlyShownOnesArePublic() throws Exception {
        String token = join(code);
        long first = answer(token, "fri", Map.of("texts", List.of("<img src=x onerror=alert(1)>"), "requestId", "o-1"))
                .statusCode(200).extract().jsonPath().getList("answer.texts").size();
        assertThat(first).isEqualTo(1);
        answer(token, "fri", Map.of("texts", List.of("Skjul mig"))).statusCode(200);
        answer(token, "fri", Map.of("texts", List.of("Tredje"))).statusCode(200);
        answer(token, "fri", Map.of("texts", List.of("Fjerde"))).statusCode(422)
                .body("detail", equalTo("Poll 'fri' takes at most 3 answers per participant in a round"));
        answer(token, "fri", Map.of("texts", List.of("to", "svar"))).statusCode(422);
        answer(token, "fri", Map.of("texts", List.of("x".repeat(281)))).statusCode(422)
                .body("detail", equalTo("An entry of poll 'fri' may have at most 280 characters, not 281"));
        // nothing is public before the presenter shows it
        results("fri").body("total", equalTo(1)).body("details.shown", equalTo(0)).body("details.answers", hasSize(0))
                .body("details.moderation", equalTo(true));

        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey);
                SocketClient screen = SocketClient.screen(base, code)) {
            JsonNode queue = presenter.next(m -> m.path("type").asText().equals("moderation"));
            assertThat(queue.path("answers").findValuesAsText("text"))
                    .containsExactly("<img src=x onerror=alert(1)>", "Skjul mig", "Tredje");
            assertThat(queue.path("answers").findValuesAsText("status")).containsExactly("waiting", "waiting", "waiting");
            long img = queue.path("answers").get(0).path("id").asLong();
            long hide = queue.path("answers").get(1).path("id").asLong();

            moderate("fri", img, "shown", "wrong-key").statusCode(403);
            moderate("fri", img, "shown", talk.presenterKey).statusCode(200).body("status", equalTo("shown"));
            moderate("fri", img, "shown", talk.presenterKey).statusCode(200).body("status", equalTo("shown"));
            moderate("fri", hide, "hidden", talk.presenterKey).statusCode(200);
            moderate("fri", hide, "maybe", talk.presenterKey).statusCode(400);
            moderate("ord", hide, "shown", talk.presenterKey).statusCode(409);

            JsonNode shown = screen.next(m -> m.path("type").asText().equals("results")
                    && m.path("pollId").asText().equals("fri") && m.path("details").path("shown").asInt() == 1);
            assertThat(shown.path("details").path("answers").findValuesAsText("text"))
                    .containsExactly("<img src=x onerror=alert(1)>");
            JsonNode after = presenter.next(m -> m.path("type").asText().equals("moderation")
                    && m.path("answers").path(1).path("status").asText().equals("hidden"));
            assertThat(after.path("answers").findValuesAsText("status")).containsExactly("shown", "hidden", "waiting");
            // the public screen never gets the moderation list or any answer that is not shown
            assertThat(screen.received()).noneMatch(m -> m.path("type").asText().equals("moderation")
                    || m.toString().contains("Skjul mig") || m.toString().contains("Tredje"));
        }
        results("fri").body("details.answers.text", contains("<img src=x onerror=alert(1)>"));

        // the author's phone gets their own answers with their status on connecting
        try (SocketClient phone = SocketClient.participant(base, code, token)) {
            JsonNode state = phone.next("state");
            assertThat(state.path("polls").get(1).path("myAnswer").path("texts").size()).isEqualTo(3);
            JsonNode mine = phone.next("open-mine");
            assertThat(mine.path("pollId").asText()).isEqualTo("fri");
            assertThat(mine.path("answers").findValuesAsText("status")).containsExactly("shown", "hidden", "waiting");
        }
    }

    @Test
    void withoutModerationAnswersAreShownAtOnceExceptProfanity() {
        answer(join(code), "fri-uden", Map.of("texts", List.of("Mere tid til ledelse"))).statusCode(200);
        answer(join(code), "fri-uden", Map.of("texts", List.of("Lort"))).statusCode(200);
        results("fri-uden").body("total", equalTo(2)).body("details.shown", equalTo(1))
                .body("details.moderation", equalTo(false))
                .body("details.answers.text", contains("Mere tid til ledelse"));
    }

    @Test
    void overTheSocketAnEntryOverTheLimitIsAnErrorAndAResendIsAckedOnce() throws Exception {
        String token = join(code);
        try (SocketClient phone = SocketClient.participant(base, code, token);
                SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey)) {
            phone.next("state");
            phone.send("{\"type\":\"vote\",\"pollId\":\"ord\",\"texts\":[\"" + "y".repeat(26) + "\"],\"requestId\":\"s-0\"}");
            JsonNode error = phone.next("error");
            assertThat(error.path("problem").asText()).isEqualTo("entry-too-long");
            assertThat(error.path("requestId").asText()).isEqualTo("s-0");
            phone.send("{\"type\":\"vote\",\"pollId\":\"ord\",\"texts\":[\"Ledelse\",\"Tillid\"],\"requestId\":\"s-1\"}");
            phone.send("{\"type\":\"vote\",\"pollId\":\"ord\",\"texts\":[\"Ledelse\",\"Tillid\"],\"requestId\":\"s-1\"}");
            JsonNode ack1 = phone.next("ack");
            JsonNode ack2 = phone.next("ack");
            assertThat(ack1).isEqualTo(ack2);
            assertThat(ack1.path("answer").path("texts").toString()).isEqualTo("[\"Ledelse\",\"Tillid\"]");
            JsonNode cloud = presenter.next(m -> m.path("type").asText().equals("results")
                    && m.path("pollId").asText().equals("ord") && m.path("total").asInt() == 1);
            assertThat(cloud.path("details").path("words").findValuesAsText("text")).containsExactly("Ledelse", "Tillid");

            phone.send("{\"type\":\"vote\",\"pollId\":\"fri\",\"texts\":[\"{\\\"type\\\":\\\"results\\\",\\\"counts\\\":{\\\"A\\\":999}}\"],\"requestId\":\"s-2\"}");
            // The ack and the pushed open-mine may arrive in either order (the push goes out at the commit).
            Map<String, JsonNode> own = phone.nextOfEach(n -> n.path("type").asText().equals("ack"),
                    n -> n.path("type").asText().equals("open-mine") && n.path("answers").size() == 1);
            assertThat(own.get("ack").path("answer").path("texts").get(0).asText())
                    .isEqualTo("{\"type\":\"results\",\"counts\":{\"A\":999}}");
            JsonNode mine = own.get("open-mine");
            assertThat(mine.path("answers").findValuesAsText("status")).containsExactly("waiting");
            JsonNode queue = presenter.next(m -> m.path("type").asText().equals("moderation")
                    && m.path("answers").size() == 1);
            assertThat(queue.path("answers").get(0).path("text").asText())
                    .isEqualTo("{\"type\":\"results\",\"counts\":{\"A\":999}}");
        }
    }

    @Test
    void theRetentionJobPrunesTextVotesAndAClosedCloudStaysWhole() {
        answer(join(code), "ord", Map.of("texts", List.of("Ledelse", "Tillid"))).statusCode(200);
        answer(join(code), "ord", Map.of("texts", List.of("ledelse"))).statusCode(200);
        TestTalks.close(talk, "ord");
        TestTalks.ageVotes(talk, 30);
        assertThat(retention.prune(java.time.Instant.now().minus(java.time.Duration.ofDays(10)))).isEqualTo(2);
        results("ord").body("total", equalTo(2)).body("details.words.text", contains("Ledelse", "Tillid"))
                .body("details.words.count", contains(2, 1));
    }
}
