package dk.afstemning.organiser;

import static dk.afstemning.deck.ThreeErrorDeck.DANISH;
import static dk.afstemning.deck.ThreeErrorDeck.ENGLISH;
import static dk.afstemning.deck.ThreeErrorDeck.THREE_ERRORS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestLogins;

/**
 * A refused deck over the REST API (issue 19, item 2): every fault at once in the problem's {@code errors}, each with
 * file, line, code and message, and the detail in the request's language ({@code Accept-Language}, the language
 * cookie, {@code ?lang=}); upload refusals (size, zip) in Danish too.
 */
@QuarkusTest
class DeckErrorsApiTest {

    private static ValidatableResponse upload(String language, String name, byte[] content) {
        return TestLogins.csrf(TestLogins.organiser()).header("Accept-Language", language)
                .multiPart("deck", name, content, "text/markdown").post("/api/decks").then();
    }

    @Test
    void aDeckWithThreeErrorsGetsAllThreeInEnglish() {
        upload("en", "tre.md", THREE_ERRORS.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:invalid-deck")).body("title", equalTo("Bad request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("The deck has 3 errors; the first: tre.md:3: " + ENGLISH.get(0)))
                .body("errors", hasSize(3))
                .body("errors.file", contains("tre.md", "tre.md", "tre.md"))
                .body("errors.line", contains(3, 10, 23))
                .body("errors.code", contains("front-accent", "poll-type-unknown", "time-limit"))
                .body("errors.message", equalTo(ENGLISH));
    }

    @Test
    void aDeckWithThreeErrorsGetsAllThreeInDanish() {
        upload("da-DK,da;q=0.9,en;q=0.5", "tre.md", THREE_ERRORS.getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:invalid-deck"))
                .body("detail", equalTo("Diassættet har 3 fejl; den første: tre.md:3: " + DANISH.get(0)))
                .body("errors.line", contains(3, 10, 23))
                .body("errors.code", contains("front-accent", "poll-type-unknown", "time-limit"))
                .body("errors.message", equalTo(DANISH));
    }

    @Test
    void theLanguageCookieAndLangParameterWinOverAcceptLanguage() {
        TestLogins.csrf(TestLogins.organiser()).header("Accept-Language", "en").cookie("lang", "da")
                .multiPart("deck", "tre.md", THREE_ERRORS.getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/api/decks").then().statusCode(400).body("errors.message", equalTo(DANISH));
        TestLogins.csrf(TestLogins.organiser()).header("Accept-Language", "da")
                .multiPart("deck", "tre.md", THREE_ERRORS.getBytes(StandardCharsets.UTF_8), "text/markdown")
                .post("/api/decks?lang=en").then().statusCode(400).body("errors.message", equalTo(ENGLISH));
    }

    @Test
    void moreThanFiftyErrorsAreCountedAfterTheFifty() {
        StringBuilder deck = new StringBuilder("# Mange\n");
        for (int i = 0; i < 60; i++) {
            deck.append("\n---\n\n```poll\nid: q").append(i).append("\nquestion: Q?\noptions: [A]\n```\n");
        }
        upload("en", "mange.md", deck.toString().getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("errors", hasSize(50))
                .body("detail", equalTo("The deck has 60 errors; the first: mange.md:8: a poll needs at least 2 options"))
                .body("errors[49].line", equalTo(8 + 49 * 8));
    }

    @Test
    void aDanishUploadTooLargeIsRefusedInDanish() {
        byte[] big = ("# Stor\n\n" + "x".repeat(600 * 1024)).getBytes(StandardCharsets.UTF_8);
        upload("da", "stor.md", big).statusCode(413).body("type", equalTo("urn:afstemning:problem:deck-too-large"))
                .body("detail", equalTo("Et diassæt må højst fylde 524288 byte; dette fylder " + big.length))
                .body("errors.message", contains("Et diassæt må højst fylde 524288 byte; dette fylder " + big.length));
        upload("en", "stor.md", big).statusCode(413)
                .body("detail", equalTo("A deck may be at most 524288 bytes; this one is " + big.length));
    }

    @Test
    void aDanishZipRefusalIsDanish() {
        byte[] zip = dk.afstemning.deck.TestDeckZips.zip(java.util.Map.of("../ond.png",
                dk.afstemning.deck.TestDeckZips.png(0x112233), "tale.md", "# T\n".getBytes(StandardCharsets.UTF_8)));
        TestLogins.csrf(TestLogins.organiser()).header("Accept-Language", "da")
                .multiPart("deck", "ond.zip", zip, "application/zip").post("/api/decks").then().statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:deck-zip-refused"))
                .body("detail", equalTo("ond.zip: filen '../ond.png' har et usikkert navn (absolut, eller den klatrer "
                        + "ud med ..); en diassæt-zip må kun have almindelige relative navne"))
                .body("detail", not(containsString("entry")))
                .body("errors[0].code", equalTo("zip-unsafe-name"));
    }
}
