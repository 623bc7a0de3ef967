package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * The seed deck's poll slides whose results can grow without bound still fit a projector at 1280×720 and 1920×1080:
 * the quiz's leaderboard of 12, 45 shown open answers (of 69: the 24 waiting ones never reach the audience screen,
 * whose moderation lives in the speaker console), and a word cloud of long Danish words that fills most of the slide,
 * with its table of whole words for screen readers. A list the room reads shows its first rows that fit and
 * "og N mere" (the shown rows and N add up to the whole list). Screenshots: {@code presenter-fit-<state>-<size>.png}.
 */
@QuarkusTest
class PresenterFitTest {

    private static final String QUIZ = "quiz-kommuner";
    private static final String OPEN = "fri-spoergsmaal";
    private static final String CLOUD = "ordsky-ledelse";
    /** Long ordinary Danish words, as in the user trial (at most 25 characters, the seed poll's max-chars). */
    private static final List<String> WORDS = List.of("Medarbejderinddragelse", "Kommunalbestyrelsen", "Dialog",
            "Tillid", "Samarbejde", "Borgerinddragelse");

    /**
     * The cloud's drawn words whose box is not wholly inside the cloud's box ("word: box" for each), how many words are
     * drawn, the word cells of the table whose text takes more than one line (its text's line boxes), the cell texts,
     * and how far the table is wider than the column it scrolls in.
     */
    private static final String CLOUD_GEOMETRY = """
            const poll = document.querySelector(arguments[0]);
            const cloud = poll.querySelector('.cloud').getBoundingClientRect();
            const words = Array.from(poll.querySelectorAll('.cloud .cloud-word'));
            const outside = words.filter((w) => { const r = w.getBoundingClientRect();
                return r.left < cloud.left - 0.5 || r.top < cloud.top - 0.5 || r.right > cloud.right + 0.5
                  || r.bottom > cloud.bottom + 0.5; })
              .map((w) => { const r = w.getBoundingClientRect();
                return w.textContent + ': ' + [r.left, r.top, r.right, r.bottom].map(Math.round) + ' in '
                  + [cloud.left, cloud.top, cloud.right, cloud.bottom].map(Math.round); });
            const cells = Array.from(poll.querySelectorAll('.cloud-table tbody th.word'));
            const broken = cells.filter((th) => {
                const range = document.createRange();
                range.selectNodeContents(th);
                const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
                return lines.size !== 1; })
              .map((th) => th.textContent + ': ' + Math.round(th.getBoundingClientRect().width) + ' px wide');
            // The slide is Marp's (issue 18, the poll in its island): the room is its canvas inside the theme's padding.
            const section = poll.closest('.marp-island').closest('section');
            const slide = section.getBoundingClientRect();
            const scale = slide.width / section.offsetWidth;
            const style = getComputedStyle(section);
            const pad = (a, b) => (parseFloat(style[a]) + parseFloat(style[b])) * scale;
            return { outside, placed: words.length, broken, cells: cells.map((th) => th.textContent),
              share: (cloud.width * cloud.height) / ((slide.width - pad('paddingLeft', 'paddingRight'))
                * (slide.height - pad('paddingTop', 'paddingBottom'))) };""";

    /** The deck's overflow, down and sideways (both ≤ 0 when the slide is wholly seen). */
    private static final String GEOMETRY = """
            const deck = document.querySelector('main.deck');
            return { overflow: deck.scrollHeight - deck.clientHeight,
              sideways: document.documentElement.scrollWidth - innerWidth };""";

    /** The rows of a list shown now, and the N of its "og N mere" line (0 when it is not shown). */
    private static final String ROWS = """
            const list = document.querySelector(arguments[0]);
            const more = list.querySelector(':scope > .fit-more');
            const shown = Array.from(list.children).filter((li) => !li.hidden && !li.classList.contains('fit-more'));
            return { shown: shown.length, more: more && !more.hidden ? Number(more.textContent.match(/\\d+/)[0]) : 0,
              text: more && !more.hidden ? more.textContent : '' };""";

    @TestHTTPResource("/")
    URL baseUrl;

    @TestHTTPResource("/")
    java.net.URI base;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("PresenterFitTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void leaderboardAndOpenAnswersFitOn720pAnd1080pAndWaitingAnswersNeverShow() throws IOException, InterruptedException {
        Talk talk = importer.importDeck("fit-" + UUID.randomUUID() + ".md",
                Files.readString(PresenterLayoutTest.SEED_DECK));
        quizWithTwelvePlayers(talk);
        TestTalks.open(talk, OPEN);
        List<String> shown = answers(talk, "Vist", 15);
        answers(talk, "Venter", 8);
        showAnswers(talk, shown);
        int quizSlide = slide(talk, QUIZ);
        int openSlide = slide(talk, OPEN);
        for (int[] size : new int[][] { { 1280, 720 }, { 1920, 1080 } }) {
            String label = size[0] + "x" + size[1];
            WebDriver projector = chromium.screen("fit-" + label, size[0], size[1]);

            open(projector, talk, quizSlide);
            By leaders = By.cssSelector(".poll[data-poll-id='" + QUIZ + "'] .leaderboard .leader");
            Chromium.await(projector, Chromium.TIMEOUT, "leaderboard rows", b -> b.findElements(leaders).size(), 12);
            checkFits(projector, "leaderboard-" + label);
            checkRows(projector, ".poll[data-poll-id='" + QUIZ + "'] .leaderboard", 12, 3, "leaderboard " + label);

            open(projector, talk, openSlide);
            By answers = By.cssSelector(".poll[data-poll-id='" + OPEN + "'] .open-answers .open-answer");
            Chromium.await(projector, Chromium.TIMEOUT, "open answers", b -> b.findElements(answers).size(), 45);
            checkFits(projector, "open-" + label);
            checkRows(projector, ".poll[data-poll-id='" + OPEN + "'] .open-answers", 45, 3, "open answers " + label);
            assertThat(projector.findElements(By.cssSelector(".moderation"))).isEmpty();
            assertThat((String) Chromium.js(projector).executeScript("return document.body.textContent"))
                    .doesNotContain("Venter ");
        }
    }

    /**
     * The user trial's word cloud: 20 participants each send 3 long ordinary Danish words. At 1280×720 the slide
     * scrolled (658 of 623 px), the presenter's buttons were cut off under the footer, "Kommunalbestyrelsen" was clipped
     * at the cloud's left edge and the word table was so narrow that words broke letter by letter ("Dialo/g"). Now the
     * cloud fills at least 60 % of the slide, and its table (whole words) is there for screen readers only.
     */
    @Test
    void wordCloudOfLongWordsFillsTheSlideWithWholeWordsOn720pAnd1080p() throws IOException {
        Talk talk = importer.importDeck("fit-cloud-" + UUID.randomUUID() + ".md",
                Files.readString(PresenterLayoutTest.SEED_DECK));
        TestTalks.open(talk, CLOUD);
        for (int p = 0; p < 20; p++) {
            String token = TestTalks.join(talk.joinCode);
            List<String> three = List.of(WORDS.get(p % WORDS.size()), WORDS.get((p + 1) % WORDS.size()),
                    WORDS.get((p + 3) % WORDS.size()));
            given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(Map.of("texts", three))
                    .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, CLOUD).then().statusCode(200);
        }
        int cloudSlide = slide(talk, CLOUD);
        By rows = By.cssSelector(".poll[data-poll-id='" + CLOUD + "'] .cloud-table tbody tr");
        for (int[] size : new int[][] { { 1280, 720 }, { 1920, 1080 } }) {
            String label = size[0] + "x" + size[1];
            WebDriver projector = chromium.screen("fit-cloud-" + label, size[0], size[1]);
            open(projector, talk, cloudSlide);
            Chromium.await(projector, Chromium.TIMEOUT, "word table rows", b -> b.findElements(rows).size(),
                    WORDS.size());
            checkFits(projector, "wordcloud-" + label);
            Map<?, ?> cloud = (Map<?, ?>) Chromium.js(projector).executeScript(CLOUD_GEOMETRY,
                    ".poll[data-poll-id='" + CLOUD + "']");
            assertThat((List<?>) cloud.get("outside")).as("cloud words outside the cloud on %s", label).isEmpty();
            assertThat(((Number) cloud.get("placed")).intValue()).as("cloud words drawn on %s", label)
                    .isEqualTo(WORDS.size());
            assertThat(((Number) cloud.get("share")).doubleValue()).as("the cloud's share of the slide on %s", label)
                    .isGreaterThanOrEqualTo(0.6);
            assertThat((List<?>) cloud.get("broken")).as("word cells taller than one line on %s", label).isEmpty();
            assertThat(((List<?>) cloud.get("cells")).stream().map(String::valueOf).toList()).as("word cells on %s", label)
                    .containsExactlyInAnyOrderElementsOf(WORDS);
        }
    }

    private static int slide(Talk talk, String poll) {
        return given().when().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract()
                .path("polls.find { it.id == '" + poll + "' }.slide");
    }

    private void open(WebDriver projector, Talk talk, int slide) {
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey + "&lang=da&slide=" + slide));
        Chromium.awaitLive(projector);
    }

    private static void checkFits(WebDriver projector, String name) {
        Chromium.screenshot(projector, "presenter-fit-" + name);
        Map<?, ?> g = (Map<?, ?>) Chromium.js(projector).executeScript(GEOMETRY);
        assertThat(((Number) g.get("overflow")).intValue()).as("slide height beyond the deck on %s", name)
                .isLessThanOrEqualTo(0);
        assertThat(((Number) g.get("sideways")).intValue()).as("page width beyond the window on %s", name)
                .isLessThanOrEqualTo(0);
    }

    private static void checkRows(WebDriver projector, String list, int total, int atLeast, String name) {
        Map<?, ?> rows = (Map<?, ?>) Chromium.js(projector).executeScript(ROWS, list);
        int shown = ((Number) rows.get("shown")).intValue();
        int more = ((Number) rows.get("more")).intValue();
        assertThat(shown + more).as("rows shown and counted as more on %s", name).isEqualTo(total);
        assertThat(shown).as("rows shown on %s", name).isGreaterThanOrEqualTo(atLeast);
        if (more > 0) {
            assertThat(rows.get("text")).as("the more line on %s", name).isEqualTo("og " + more + " mere");
        }
    }

    /** Twelve players with nicknames of up to 20 characters answer the quiz (7 right), which is then closed: a leaderboard of 12 (the top 10 and the two more tied with the 10th at 0 points). */
    private static void quizWithTwelvePlayers(Talk talk) {
        TestTalks.open(talk, QUIZ);
        List<Integer> options = given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract()
                .path("polls.find { it.id == '" + QUIZ + "' }.options.id");
        for (int i = 1; i <= 12; i++) {
            String token = TestTalks.join(talk.joinCode);
            given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                    .body(Map.of("nickname", "Deltager " + i + " i Viborg")).put("/api/talks/{code}/nickname",
                            talk.joinCode).then().statusCode(200);
            given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                    .body(Map.of("optionId", options.get(i <= 7 ? 1 : i % 4))).post("/api/talks/{code}/polls/{poll}/votes",
                            talk.joinCode, QUIZ).then().statusCode(200);
        }
        TestTalks.close(talk, QUIZ);
    }

    /** {@code participants} each send 3 answers of 40 to 170 characters, starting with {@code prefix}. */
    private static List<String> answers(Talk talk, String prefix, int participants) {
        String sentence = "Hvordan fik I politikerne med, og hvad gjorde I, da forsøget mødte modstand fra fagforeningerne "
                + "og de borgere, der ikke ville have ændringer i den kommunale service? ";
        List<String> texts = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            String token = TestTalks.join(talk.joinCode);
            for (int a = 0; a < 3; a++) {
                int n = texts.size();
                String text = prefix + " " + n + ": " + sentence.substring(0, 30 + (n * 37) % 130).strip();
                texts.add(text);
                given().cookie("afstemning_pid", token).contentType(ContentType.JSON)
                        .body(Map.of("texts", List.of(text))).post("/api/talks/{code}/polls/{poll}/votes",
                                talk.joinCode, OPEN).then().statusCode(200);
            }
        }
        return texts;
    }

    /** Shows these answers, with their ids read from the speaker console's feed (its moderation list). */
    private void showAnswers(Talk talk, List<String> texts) throws InterruptedException {
        try (SocketClient console = SocketClient.presenter(base, talk.joinCode, talk.presenterKey)) {
            JsonNode list = console.next(m -> m.path("type").asText().equals("moderation")
                    && m.path("pollId").asText().equals(OPEN) && m.path("answers").size() == 69);
            for (JsonNode answer : list.path("answers")) {
                if (texts.contains(answer.path("text").asText())) {
                    given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                            .body(Map.of("status", "shown")).put("/api/talks/{code}/polls/{poll}/answers/{id}/status",
                                    talk.joinCode, OPEN, answer.path("id").asLong()).then().statusCode(200);
                }
            }
        }
    }
}
