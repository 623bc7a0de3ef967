package dk.afstemning.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;

/**
 * Issue 21, item 3: an uploaded deck with more polls than a deck may have is refused with a {@code deck-too-large}
 * problem naming file and line, and the dashboard carries the refusal's text in English and Danish.
 */
@QuarkusTest
class DeckSizeUploadTest {

    @Test
    void aDeckOf101PollsIsRefusedNamingFileAndLine() {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 101; n++) {
            lines.addAll(List.of(n == 1 ? "# Poll 1" : "---", "```poll", "id: p" + n, "question: Q" + n + "?",
                    "options:", "  - Yes", "  - No", "```"));
        }
        int line = lines.indexOf("id: p101");
        TestLogins.csrf(TestLogins.organiser())
                .multiPart("deck", "quizzes.md", String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                        "text/markdown")
                .post("/api/decks").then().statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:deck-too-large"))
                .body("detail", equalTo("quizzes.md:" + line + ": a deck may have at most 100 polls; this one has 101"));
    }

    @Test
    void theDashboardSaysWhatIsTooLargeInEnglishAndDanish() {
        String en = TestLogins.organiser().get("/organiser?lang=en").then().statusCode(200).extract().asString();
        String da = TestLogins.organiser().get("/organiser?lang=da").then().statusCode(200).extract().asString();
        assertThat(en).contains("data-msg-deck-too-large=\"%f, line %l: a deck may have at most 300 slides and 100"
                + " polls. Shorten it, or split it into two talks.\"");
        assertThat(da).contains("data-msg-deck-too-large=\"%f, linje %l: et diassæt må højst have 300 dias og 100"
                + " afstemninger. Gør det kortere, eller del det i to oplæg.\"");
    }
}
