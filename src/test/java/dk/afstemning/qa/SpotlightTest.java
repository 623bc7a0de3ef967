package dk.afstemning.qa;

import static dk.afstemning.qa.QaTalks.asked;
import static dk.afstemning.qa.QaTalks.moderate;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;

import jakarta.inject.Inject;

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
import dk.afstemning.testkit.TalkFixture;

/**
 * One question on the audience screen: only a question the room may see goes there, and hiding it (or sending it back
 * to moderation) takes it off the screen at once.
 */
@QuarkusTest
class SpotlightTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    private static ValidatableResponse spotlight(Talk talk, Object questionId) {
        return given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body("{\"questionId\":" + questionId + "}").put("/api/talks/{c}/show/question", talk.joinCode).then();
    }

    @Test
    void aShownQuestionGoesOnTheScreenAndHidingItTakesItOff() throws Exception {
        Talk talk = QaTalks.create(importer, "moderated");
        String token = TestTalks.join(talk.joinCode);
        long waiting = asked(talk.joinCode, token, "Hvorfor?");
        long approved = asked(talk.joinCode, token, "Hvordan?");
        moderate(talk, approved, "{\"approved\":true}").statusCode(200);

        spotlight(talk, waiting).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:question-not-shown"))
                .body("detail", equalTo("Question " + waiting + " is waiting for approval; only questions the room "
                        + "sees can go on the screen"));
        spotlight(talk, 999_999_999).statusCode(404);
        given().header("X-Presenter-Key", "wrong").contentType(ContentType.JSON).body("{\"questionId\":" + approved + "}")
                .put("/api/talks/{c}/show/question", talk.joinCode).then().statusCode(403);
        given().get("/api/talks/{c}/show", talk.joinCode).then().body("questionId", nullValue());

        try (SocketClient screen = TalkFixture.of(talk, base).screen()) {
            screen.next("slide");
            spotlight(talk, approved).statusCode(200).body("overlay", equalTo("qa"))
                    .body("questionId", equalTo((int) approved));
            JsonNode on = screen.next(n -> "slide".equals(n.path("type").asText()) && !n.path("questionId").isNull());
            assertThat(on.path("questionId").asLong()).isEqualTo(approved);
            assertThat(on.path("overlay").asText()).isEqualTo("qa");

            moderate(talk, approved, "{\"hidden\":true}").statusCode(200);
            JsonNode off = screen.next(n -> "slide".equals(n.path("type").asText()) && n.path("questionId").isNull());
            assertThat(off.path("overlay").asText()).isEqualTo("qa");
            assertThat(off.path("version").asLong()).isGreaterThan(on.path("version").asLong());
        }
        spotlight(talk, approved).statusCode(409)
                .body("detail", equalTo("Question " + approved + " is hidden; only questions the room sees can go on "
                        + "the screen"));
    }

    @Test
    void takingTheQuestionOffKeepsTheWall() {
        Talk talk = QaTalks.create(importer, "on");
        long question = asked(talk.joinCode, TestTalks.join(talk.joinCode), "Hvad nu?");
        spotlight(talk, question).statusCode(200).body("questionId", equalTo((int) question));
        spotlight(talk, "null").statusCode(200).body("questionId", nullValue()).body("overlay", equalTo("qa"));
    }
}
