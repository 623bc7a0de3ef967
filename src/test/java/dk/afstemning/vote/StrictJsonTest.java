package dk.afstemning.vote;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * REST bodies are read strictly ({@code StrictJson}): a value of the wrong JSON type or an unknown field is a 400
 * problem naming the field, never converted; text limits count user-visible characters. Nothing is stored.
 */
@QuarkusTest
class StrictJsonTest {

    @Inject
    DeckImporter importer;


    Talk talk;
    String code;
    String p1;
    int a;

    @BeforeEach
    void talk() {
        talk = TestTalks.create(importer);
        code = talk.joinCode;
        TestTalks.open(talk, "q");
        p1 = join(code);
        a = optionIds(code).get(0);
    }

    private ValidatableResponse post(String body) {
        return given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{c}/polls/q/votes", code).then();
    }

    private static void refused(ValidatableResponse response, String field, String fault) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:malformed-json"))
                .body("detail", equalTo("Field '" + field + "' " + fault))
                .body("errors", contains(field + ": " + fault));
    }

    @Test
    void aRequestIdThatIsNotTextIsRefused() {
        for (String requestId : List.of("1.5", "true", "42", "{\"x\":1}", "[\"r\"]")) {
            refused(post("{\"optionId\":" + a + ",\"requestId\":" + requestId + "}"), "requestId", "must be text");
        }
        assertThat(counts(code)).containsExactly(0, 0, 0);
    }

    @Test
    void anOptionIdThatIsNotAWholeNumberIsRefused() {
        for (String optionId : List.of("1.5", String.valueOf(a) + ".0", "true", "\"" + a + "\"", "\"\"", "{}")) {
            refused(post("{\"optionId\":" + optionId + ",\"requestId\":\"r\"}"), "optionId", "must be a whole number");
        }
        assertThat(counts(code)).containsExactly(0, 0, 0);
    }

    @Test
    void anUnknownFieldIsRefused() {
        refused(post("{\"optionId\":" + a + ",\"requestId\":\"r\",\"weight\":9}"), "weight", "is not known");
        refused(given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body("{\"slide\":2,\"version\":1}").put("/api/talks/{c}/show", code).then(), "version", "is not known");
        refused(given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body("{\"slide\":true}").put("/api/talks/{c}/show", code).then(), "slide", "must be a whole number");
        assertThat(counts(code)).containsExactly(0, 0, 0);
        given().get("/api/talks/{c}/show", code).then().body("slide", equalTo(1));
    }

    @Test
    void textLimitsCountUserVisibleCharacters() {
        String family = "👨‍👩‍👧‍👦"; // one user-visible character, 11 UTF-16 units
        ValidatableResponse tooLong = dk.afstemning.TestLogins.organiser().contentType(ContentType.JSON)
                .body("{\"venue\":\"" + "é".repeat(201) + "\"}").post("/api/decks/{id}/talks", talk.deck.id).then();
        tooLong.statusCode(400).body("type", equalTo("urn:afstemning:problem:invalid-request"))
                .body("errors", contains("venue: must be at most 200 characters"));
        // 200 combining sequences (e + U+0301, 400 units) and 80 families (880 units) are within 200 characters.
        for (String venue : List.of("e\u0301".repeat(200), family.repeat(80))) {
            String created = dk.afstemning.TestLogins.organiser().contentType(ContentType.JSON)
                    .body("{\"venue\":\"" + venue + "\"}").post("/api/decks/{id}/talks", talk.deck.id).then()
                    .statusCode(201).extract().path("code");
            given().get("/api/talks/{c}", created).then().body("venue", equalTo(venue));
        }
        refused(dk.afstemning.TestLogins.organiser().contentType(ContentType.JSON)
                .body("{\"venue\":7}").post("/api/decks/{id}/talks", talk.deck.id).then(), "venue", "must be text");
    }
    /**
     * Every body the JSON layer refuses is a 400 problem, never a 500: the fuzz seed 5287885108764 sent a REST vote
     * of three NULs, a zero-width space and {@code Z} (shown as spaces), which Jackson read as UTF-32.
     */
    @Test
    void everyBodyTheJsonLayerRefusesIsA400Problem() {
        java.util.Map<String, String> answers = new java.util.LinkedHashMap<>();
        for (String body : List.of("   \u200BZ", "\u200B", "Z", "   ", "\uFEFF{}", "{\"optionId\":1", "[", "\"x\"",
                "7", "null", "{\"optionId\":1}}", "\u0000", "{\"optionId\":\"\uD800\"}",
                // Three NULs first: Jackson takes the bytes for UTF-32 and fails outside its JSON exceptions.
                "\u0000\u0000\u0000\u200BZ", "\u0000\u0000\u0000{", "\u0000{}")) {
            var response = given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(body)
                    .post("/api/talks/{c}/polls/q/votes", code);
            answers.put(body.replaceAll("[^ -~]", "?"), response.statusCode() + " " + response.contentType());
        }
        assertThat(answers).allSatisfy((body, answer) -> assertThat(answer).as("answer to %s", body)
                .isEqualTo("400 application/problem+json"));
        assertThat(counts(code)).containsExactly(0, 0, 0);
    }
}
