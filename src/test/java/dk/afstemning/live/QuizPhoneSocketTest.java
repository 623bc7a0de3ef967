package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * A quiz on the screens and phones with real sockets: while it is open no feed carries counts or details, only how
 * many answered; on close each phone gets its own result (right or wrong, points, total, rank among the players),
 * also after a reload; and the leaderboard keeps everyone tied with the 10th.
 */
@QuarkusTest
class QuizPhoneSocketTest {

    static final String DECK = """
            ---
            title: Quiz
            lang: en
            ---

            # Intro

            ---

            ```poll
            id: quiz
            type: quiz
            question: How many?
            options: ['5', '9', '44']
            correct: '9'
            ```
            """;

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    dk.afstemning.participant.ParticipantTokens tokens;

    Talk talk;
    String code;
    List<Integer> options;

    @BeforeEach
    void newTalk() {
        talk = importer.importDeck("quiz-phones-" + UUID.randomUUID() + ".md", DECK);
        code = talk.joinCode;
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body("{\"slide\":2}")
                .put("/api/talks/{code}/show", code).then().statusCode(200);
        TestTalks.open(talk, "quiz");
        options = given().get("/api/talks/{code}", code).then().statusCode(200).extract().path("polls[0].options.id");
    }

    private String player(String nickname) {
        String token = TestTalks.join(code);
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(Map.of("nickname", nickname))
                .put("/api/talks/{code}/nickname", code).then().statusCode(200);
        return token;
    }

    private static void vote(SocketClient phone, int optionId) throws InterruptedException {
        String requestId = "q-" + UUID.randomUUID();
        phone.send("{\"type\":\"vote\",\"pollId\":\"quiz\",\"optionId\":" + optionId + ",\"requestId\":\"" + requestId
                + "\"}");
        phone.next(m -> m.path("type").asText().equals("ack") && m.path("requestId").asText().equals(requestId));
    }

    /** Sets the stored points of a participant's quiz answer, so that ranks and ties are exact. */
    private void setPoints(String token, int points) {
        QuarkusTransaction.requiringNew().run(() -> Talk.getEntityManager().createNativeQuery(
                "update vote set points = ?1 where participant_id = (select id from participant where token_hash = ?2)")
                .setParameter(1, points).setParameter(2, tokens.hash(talk.id, token)).executeUpdate());
    }

    private static final Predicate<JsonNode> QUIZ_RESULTS = m -> m.path("type").asText().equals("results")
            && m.path("pollId").asText().equals("quiz");

    private static void assertSealed(JsonNode m) {
        assertThat(m.path("status").asText()).isEqualTo("OPEN");
        assertThat(m.path("resultsVisible").asBoolean()).isFalse();
        assertThat(m.path("details").isNull()).as("details of %s", m).isTrue();
        assertThat(m.path("counts").findValues("count")).allMatch(JsonNode::isNull);
        assertThat(m.path("counts").findValues("percent")).allMatch(JsonNode::isNull);
    }

    @Test
    void anOpenQuizTellsNoFeedTheCountsAndEachPhoneGetsItsOwnResultOnClose() throws Exception {
        String anne = player("Anne");
        String bo = player("Bo");
        String cy = player("Cy");
        String dan = TestTalks.join(code);
        try (SocketClient presenter = SocketClient.presenter(base, code, talk.presenterKey);
                SocketClient screen = SocketClient.screen(base, code);
                SocketClient pa = SocketClient.participant(base, code, anne);
                SocketClient pb = SocketClient.participant(base, code, bo);
                SocketClient pc = SocketClient.participant(base, code, cy);
                SocketClient pd = SocketClient.participant(base, code, dan)) {
            for (SocketClient phone : List.of(pa, pb, pc, pd)) {
                phone.next("state");
            }
            vote(pa, options.get(1));
            vote(pb, options.get(1));
            vote(pc, options.get(2));
            presenter.next(m -> QUIZ_RESULTS.test(m) && m.path("total").asLong() == 3);
            screen.next(m -> QUIZ_RESULTS.test(m) && m.path("total").asLong() == 3);
            pa.next(m -> QUIZ_RESULTS.test(m) && m.path("total").asLong() == 3);
            // every results message while open, raw, on every feed: how many answered, nothing else
            for (SocketClient feed : List.of(presenter, screen, pa, pb, pc, pd)) {
                feed.received().stream().filter(QUIZ_RESULTS).forEach(QuizPhoneSocketTest::assertSealed);
            }
            given().get("/api/talks/{code}/polls/quiz/results", code).then().statusCode(200)
                    .body("total", equalTo(3)).body("counts.count", contains(null, null, null));

            setPoints(anne, 900);
            setPoints(bo, 900);
            // While the question is open the leaderboard counts none of its points: a player's total would tell
            // whether the answer was right.
            given().get("/api/talks/{code}/leaderboard", code).then().statusCode(200).body("rows", hasSize(0));
            TestTalks.close(talk, "quiz");
            given().get("/api/talks/{code}/leaderboard", code).then().statusCode(200)
                    .body("rows.points", contains(900, 900, 0));

            JsonNode closed = screen.next(m -> QUIZ_RESULTS.test(m) && m.path("status").asText().equals("CLOSED"));
            assertThat(closed.path("counts").findValues("count").stream().map(JsonNode::asLong).toList())
                    .containsExactly(0L, 2L, 1L);
            assertThat(closed.path("details").path("correctOptionIds").get(0).asInt()).isEqualTo(options.get(1));

            JsonNode a = pa.next("quiz-result");
            assertThat(a.path("pollId").asText()).isEqualTo("quiz");
            assertThat(a.path("answered").asBoolean()).isTrue();
            assertThat(a.path("correct").asBoolean()).isTrue();
            assertThat(a.path("points").asLong()).isEqualTo(900);
            assertThat(a.path("totalPoints").asLong()).isEqualTo(900);
            assertThat(a.path("rank").asInt()).isEqualTo(1);
            assertThat(a.path("players").asInt()).isEqualTo(3);
            JsonNode b = pb.next("quiz-result");
            assertThat(b.path("rank").asInt()).isEqualTo(1);
            assertThat(b.path("points").asLong()).isEqualTo(900);
            JsonNode c = pc.next("quiz-result");
            assertThat(c.path("answered").asBoolean()).isTrue();
            assertThat(c.path("correct").asBoolean()).isFalse();
            assertThat(c.path("points").asLong()).isZero();
            assertThat(c.path("totalPoints").asLong()).isZero();
            assertThat(c.path("rank").asInt()).isEqualTo(3);
            assertThat(c.path("players").asInt()).isEqualTo(3);
            JsonNode d = pd.next("quiz-result");
            assertThat(d.path("answered").asBoolean()).isFalse();
            assertThat(d.path("rank").isNull()).isTrue();
            assertThat(d.path("players").asInt()).isEqualTo(3);
            // a voter (phone-results after-vote) sees the closed results with the right answer
            JsonNode mine = pa.next(m -> QUIZ_RESULTS.test(m) && m.path("status").asText().equals("CLOSED"));
            assertThat(mine.path("details").path("correctVotes").asLong()).isEqualTo(2);

            // a reload restores the player's own result
            try (SocketClient again = SocketClient.participant(base, code, cy)) {
                JsonNode restored = again.next("state").path("polls").get(0).path("myResult");
                assertThat(restored.path("type").asText()).isEqualTo("quiz-result");
                assertThat(restored.path("correct").asBoolean()).isFalse();
                assertThat(restored.path("rank").asInt()).isEqualTo(3);
                assertThat(restored.path("players").asInt()).isEqualTo(3);
            }
        }
    }

    @Test
    void theLeaderboardRanksTiesAlikeAndKeepsEveryoneTiedWithTheTenth() {
        int[] points = { 900, 800, 800, 700, 600, 500, 400, 300, 200, 100, 100, 100, 50 };
        for (int i = 0; i < points.length; i++) {
            String token = player("P" + (char) ('a' + i));
            given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                    .body(Map.of("optionId", options.get(1))).post("/api/talks/{code}/polls/quiz/votes", code).then()
                    .statusCode(200);
            setPoints(token, points[i]);
        }
        TestTalks.close(talk, "quiz");
        given().get("/api/talks/{code}/leaderboard", code).then().statusCode(200)
                .body("rows.rank", contains(1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 10, 10))
                .body("rows.nickname", contains("Pa", "Pb", "Pc", "Pd", "Pe", "Pf", "Pg", "Ph", "Pi", "Pj", "Pk", "Pl"))
                .body("rows.points", contains(900, 800, 800, 700, 600, 500, 400, 300, 200, 100, 100, 100));
        given().get("/api/talks/{code}/polls/quiz/results", code).then().statusCode(200)
                .body("details.leaderboard.rows.rank", contains(1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 10, 10));
    }
}
