package dk.afstemning.idempotency;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Every REST call that stores something can be resent safely with an {@code Idempotency-Key}: a resent "new round"
 * makes one round, a resent "new talk" one talk, a resent deck upload one deck; the answer is replayed only to the
 * same call by the same caller.
 */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    DeckImporter importer;


    private static Response reset(Talk talk, String key, String idempotencyKey) {
        return given().header("X-Presenter-Key", key).header(IdempotencyFilter.HEADER, idempotencyKey)
                .post("/api/talks/{c}/polls/q/reset", talk.joinCode);
    }

    private static int round(Talk talk) {
        return given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().extract().path("currentRound");
    }

    @Test
    void aResentNewRoundMakesOneRound() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        vote(talk.joinCode, join(talk.joinCode), optionIds(talk.joinCode).get(0), "r-1").statusCode(200);

        Response first = reset(talk, talk.presenterKey, "reset-1");
        Response again = reset(talk, talk.presenterKey, "reset-1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.jsonPath().getInt("round")).isEqualTo(2);
        assertThat(first.header(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(again.contentType()).startsWith("application/json");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(round(talk)).isEqualTo(2);

        // Another key is another new round.
        assertThat(reset(talk, talk.presenterKey, "reset-2").jsonPath().getInt("round")).isEqualTo(3);
        assertThat(round(talk)).isEqualTo(3);
    }

    /**
     * Trial of issue 21: every replay wrote two WARN lines (a refused insert of the key, logged by the JDBC layer), so
     * 200 replays added 101 KB of log. A replay now reads the stored answer and logs nothing.
     */
    @Test
    void replaysOfAKeyWriteNothingToTheLog() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        Response first = reset(talk, talk.presenterKey, "quiet-1");
        List<String> lines;
        try (dk.afstemning.testkit.LogCapture log = dk.afstemning.testkit.LogCapture.of("")) {
            for (int i = 0; i < 20; i++) {
                Response again = reset(talk, talk.presenterKey, "quiet-1");
                assertThat(again.header(IdempotencyFilter.REPLAYED)).isEqualTo("true");
                assertThat(again.asString()).isEqualTo(first.asString());
            }
            lines = log.lines(java.util.logging.Level.WARNING);
        }
        assertThat(lines).isEmpty();
        assertThat(round(talk)).isEqualTo(2);
    }

    @Test
    void copiesOfANewRoundSentAtOnceMakeOneRound() throws Exception {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> copies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                copies.add(pool.submit(() -> reset(talk, talk.presenterKey, "same-tap")));
            }
            for (Future<Response> copy : copies) {
                Response answer = copy.get();
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.jsonPath().getInt("round")).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(round(talk)).isEqualTo(2);
    }

    @Test
    void theKeyReplaysOnlyToTheSameCallByTheSameCaller() {
        Talk talk = TestTalks.create(importer);
        Talk other = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        reset(talk, talk.presenterKey, "k").then().statusCode(200);
        // Another talk's key with the same Idempotency-Key gets no replay of the answer: it is refused.
        reset(talk, other.presenterKey, "k").then().statusCode(403).body("type", equalTo("urn:afstemning:problem:forbidden"));
        // The same key on another call is that call's own.
        given().header("X-Presenter-Key", talk.presenterKey).header(IdempotencyFilter.HEADER, "k")
                .post("/api/talks/{c}/polls/q/close", talk.joinCode).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        assertThat(round(talk)).isEqualTo(2);
        given().header("X-Presenter-Key", talk.presenterKey).header(IdempotencyFilter.HEADER, "not a key!")
                .post("/api/talks/{c}/polls/q/reset", talk.joinCode).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:invalid-idempotency-key"));
        assertThat(round(talk)).isEqualTo(2);
    }

    @Test
    void aResentNewTalkMakesOneTalk() {
        Talk talk = TestTalks.create(importer);
        String body = "{\"venue\":\"Odense\",\"date\":\"2024-05-02\"}";
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            codes.add(dk.afstemning.TestLogins.organiser().header(IdempotencyFilter.HEADER, "talk-1")
                    .contentType(ContentType.JSON).body(body).post("/api/decks/{id}/talks", talk.deck.id).then()
                    .statusCode(201).extract().path("code"));
        }
        assertThat(codes).containsOnly(codes.get(0)).doesNotContain(talk.joinCode);
        List<String> talks = dk.afstemning.TestLogins.organiser().get("/api/decks").then()
                .extract().path("find { it.id == " + talk.deck.id + " }.talks.code");
        assertThat(talks).containsExactly(talk.joinCode, codes.get(0));
    }

    @Test
    void aResentDeckUploadMakesOneDeck() {
        byte[] deck = TestTalks.deck("Gensendt", List.of("Ja", "Nej")).getBytes(StandardCharsets.UTF_8);
        String name = "resent-" + java.util.UUID.randomUUID() + ".md";
        List<Integer> decks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            decks.add(dk.afstemning.TestLogins.csrf(dk.afstemning.TestLogins.organiser()).header(IdempotencyFilter.HEADER, "up-1")
                    .multiPart("deck", name, deck, "text/markdown").post("/api/decks").then().statusCode(201)
                    .extract().path("deckId"));
        }
        assertThat(decks.get(1)).isEqualTo(decks.get(0));
        List<String> names = dk.afstemning.TestLogins.organiser().get("/api/decks").then()
                .extract().path("name");
        assertThat(names).filteredOn(name::equals).hasSize(1);
    }
}
