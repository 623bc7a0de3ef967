package dk.afstemning.qa;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Talks with Q&A for tests, and the Q&A calls over REST. */
public final class QaTalks {

    /** The hostile strings of field case F7. */
    static final String[] F7 = { "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
            "**fed** _kursiv_", ":)", "{\"type\":\"results\",\"counts\":{\"A\":999}}", "${7*7}", "{msg:title}",
            "[link](javascript:alert(3))" };

    private QaTalks() {
    }

    /** A fresh talk whose deck says {@code qa: <setting>} (on, off or moderated). */
    public static Talk create(DeckImporter importer, String setting) {
        String deck = TestTalks.deck("Q&A-test", java.util.List.of("A", "B"))
                .replace("lang: da\n", "lang: da\nqa: " + setting + "\n");
        return importer.importDeck("qa-" + UUID.randomUUID() + ".md", deck);
    }

    public static ValidatableResponse ask(String code, String token, String text, String nickname, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        if (nickname != null) {
            body.put("nickname", nickname);
        }
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body).when()
                .post("/api/talks/{code}/questions", code).then();
    }

    /** Asks and returns the new question's id. */
    static long asked(String code, String token, String text) {
        return ask(code, token, text, null, null).statusCode(200).extract().<Number>path("question.id").longValue();
    }

    public static ValidatableResponse upvote(String code, String token, long questionId, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body).when()
                .post("/api/talks/{code}/questions/{id}/upvotes", code, questionId).then();
    }

    public static ValidatableResponse moderate(Talk talk, long questionId, String json) {
        return given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body(json).when()
                .patch("/api/talks/{code}/questions/{id}", talk.joinCode, questionId).then();
    }

    /** The questions as everyone sees them. */
    static ValidatableResponse publicList(String code) {
        return given().when().get("/api/talks/{code}/questions", code).then().statusCode(200);
    }

    /** Every question, as the presenter sees them. */
    static ValidatableResponse presenterList(Talk talk) {
        return given().header("X-Presenter-Key", talk.presenterKey).when()
                .get("/api/talks/{code}/questions", talk.joinCode).then().statusCode(200);
    }
}
