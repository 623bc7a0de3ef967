package dk.afstemning.polltype.quiz;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 13: while a quiz question is open nobody learns who answered right: not the leaderboard REST API,
 * not the results, not the phone's own state, not the screen. Once it closes each learns it; opened again, the
 * question's points are secret again until it closes.
 */
@QuarkusTest
class QuizSecrecyTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void pointsAndCorrectnessStaySecretToEveryoneUntilTheQuestionCloses() throws Exception {
        Talk imported = importer.importDeck("secrecy-" + UUID.randomUUID() + ".md", """
                # Quiz

                ```poll
                id: quiz
                type: quiz
                question: Hvor mange?
                correct: '9'
                options: ['5', '9']
                ```
                """);
        TalkFixture talk = TalkFixture.of(imported, base);
        talk.open("quiz");
        List<Integer> options = talk.options();
        String anne = talk.join();
        given().cookie("afstemning_pid", anne).contentType(ContentType.JSON).body(Map.of("nickname", "Anne"))
                .put("/api/talks/{c}/nickname", talk.code).then().statusCode(200);
        try (SocketClient screen = talk.screen(); SocketClient phone = talk.phone(anne)) {
            phone.next("state");
            given().cookie("afstemning_pid", anne).contentType(ContentType.JSON)
                    .body(Map.of("optionId", options.get(1), "requestId", "right-1"))
                    .post("/api/talks/{c}/polls/quiz/votes", talk.code).then().statusCode(200);
            assertOpenAndSecret(talk, screen);
            try (SocketClient again = talk.phone(anne)) {
                JsonNode poll = again.next("state").path("polls").get(0);
                assertThat(poll.path("myResult").isMissingNode() || poll.path("myResult").isNull())
                        .as("the phone's own result while open: %s", poll).isTrue();
            }

            talk.close("quiz");
            given().get("/api/talks/{c}/leaderboard", talk.code).then().statusCode(200)
                    .body("rows.nickname", contains("Anne")).body("rows[0].correct", org.hamcrest.Matchers.equalTo(1));
            assertThat(phone.next("quiz-result").path("correct").asBoolean()).isTrue();

            // Opened again: the question's points are secret again until it closes.
            talk.open("quiz");
            assertOpenAndSecret(talk, screen);
        }
    }

    private static void assertOpenAndSecret(TalkFixture talk, SocketClient screen) throws InterruptedException {
        given().get("/api/talks/{c}/leaderboard", talk.code).then().statusCode(200).body("rows", hasSize(0));
        given().get("/api/talks/{c}/polls/quiz/results", talk.code).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1)).body("details", nullValue())
                .body("counts.count", contains(nullValue(), nullValue()));
        JsonNode shown = screen.next(m -> m.path("type").asText().equals("results")
                && m.path("status").asText().equals("OPEN") && m.path("total").asInt() == 1);
        assertThat(shown.path("details").isNull()).as("screen details while open: %s", shown).isTrue();
        assertThat(shown.path("counts").findValues("count")).allSatisfy(c -> assertThat(c.isNull()).isTrue());
    }
}
