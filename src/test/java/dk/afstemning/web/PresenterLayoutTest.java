package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * The presenter view of the seed deck ({@code slides/ledelse-i-en-frisat-kommune.md}, imported afresh as its own talk)
 * laid out on a phone (360×640), a 720p projector (1280×720) and a full-HD one (1920×1080): on every slide the join
 * badge stays off the slide's headings and nothing scrolls sideways, and on a projector every slide fits between badge
 * and footer without scrolling; a ranking's bars keep the row's width beside its Borda points and average rank. Screenshots: {@code target/screenshots/presenter-seed-<size>-<slide>.png} and
 * {@code presenter-ranking-1280x720.png}.
 */
@QuarkusTest
class PresenterLayoutTest {

    static final Path SEED_DECK = Path.of("slides", "ledelse-i-en-frisat-kommune.md");

    /** The h1/h2 of the shown slide whose boxes overlap the join badge's box, by text. */
    private static final String HEADINGS_UNDER_BADGE = """
            const badge = document.querySelector('.badge').getBoundingClientRect();
            const slide = document.querySelector('section.slide:not([hidden])');
            return Array.from(slide.querySelectorAll('h1, h2')).filter((h) => {
              const r = h.getBoundingClientRect();
              return r.width > 0 && r.left < badge.right && r.right > badge.left && r.top < badge.bottom
                  && r.bottom > badge.top;
            }).map((h) => h.textContent.trim());""";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("PresenterLayoutTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void everySeedSlideKeepsTheJoinBadgeOffItsHeadingsAndDoesNotScrollSidewaysOnPhoneAnd720pAnd1080p()
            throws IOException {
        Talk talk = seedTalk();
        check(talk, chromium.phone("seed-phone", "da"), "360x640");
        check(talk, chromium.screen("seed-720p", 1280, 720), "1280x720");
        check(talk, chromium.screen("seed-1080p", 1920, 1080), "1920x1080");
    }

    /** Walks the presenter through every slide with the arrow key, checking and screenshotting each. */
    private void check(Talk talk, WebDriver presenter, String size) {
        presenter.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey + "&lang=da&slide=1"));
        Chromium.awaitLive(presenter);
        int slides = presenter.findElements(By.cssSelector("section.slide")).size();
        assertThat(slides).as("slides of the seed deck").isGreaterThanOrEqualTo(10);
        for (int slide = 1; slide <= slides; slide++) {
            if (slide > 1) {
                new Actions(presenter).sendKeys(Keys.ARROW_RIGHT).perform();
            }
            String number = String.valueOf(slide);
            Chromium.await(presenter, Chromium.TIMEOUT, "slide shown", b -> b.findElement(By.tagName("body"))
                    .getAttribute("data-slide"), number);
            String name = "presenter-seed-" + size + "-" + (slide < 10 ? "0" : "") + slide;
            Chromium.screenshot(presenter, name);
            assertThat(presenter.findElement(By.cssSelector("section.slide:not([hidden]) :is(h1, h2)")).isDisplayed())
                    .as("heading shown on " + name).isTrue();
            assertThat((List<?>) Chromium.js(presenter).executeScript(HEADINGS_UNDER_BADGE))
                    .as("headings under the join badge on " + name).isEmpty();
            assertThat(Chromium.sidewaysOverflow(presenter)).as("page width beyond the window on " + name)
                    .isLessThanOrEqualTo(0);
            if (!size.equals("360x640")) {
                // On a projector the whole slide is seen at once: the deck between badge and footer does not scroll.
                assertThat(((Number) Chromium.js(presenter).executeScript("const d = document.querySelector("
                        + "'main.deck'); return d.scrollHeight - d.clientHeight")).intValue())
                        .as("slide height beyond the deck on " + name).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void rankingBarsKeepTheRowsWidthWithTheirNumbersOnALineOfTheirOwn() throws IOException {
        Talk talk = seedTalk();
        given().header("X-Presenter-Key", talk.presenterKey).when()
                .post("/api/talks/{code}/polls/raad/open", talk.joinCode).then().statusCode(200);
        List<Integer> ids = given().when().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract()
                .path("polls.find { it.id == 'raad' }.options.id");
        rank(talk, List.of(ids.get(0), ids.get(1), ids.get(2)));
        rank(talk, List.of(ids.get(0), ids.get(2), ids.get(1)));
        rank(talk, List.of(ids.get(1), ids.get(0), ids.get(2)));

        WebDriver projector = chromium.projector("ranking-projector");
        int slide = given().when().get("/api/talks/{code}", talk.joinCode).then().extract()
                .path("polls.find { it.id == 'raad' }.slide");
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey + "&lang=da&slide="
                + slide));
        Chromium.awaitLive(projector);
        By rows = By.cssSelector(".poll[data-poll-id='raad'] .ranking-results .bar-row");
        Chromium.await(projector, Chromium.TIMEOUT, "ranking rows", b -> b.findElements(rows).size(), 3);
        Chromium.screenshot(projector, "presenter-ranking-1280x720");
        List<WebElement> shown = projector.findElements(rows);
        // Borda points 2+2+1 = 5, 1+0+2 = 3, 0+1+0 = 1: the first option leads.
        assertThat(shown).extracting(r -> r.findElement(By.cssSelector(".numbers")).getText()).containsExactly(
                "5 Borda-point · Gennemsnitlig placering 1,3", "3 Borda-point · Gennemsnitlig placering 2",
                "1 Borda-point · Gennemsnitlig placering 2,7");
        for (WebElement row : shown) {
            Map<?, ?> box = (Map<?, ?>) Chromium.js(projector).executeScript("""
                    const row = arguments[0].getBoundingClientRect();
                    const track = arguments[0].querySelector('.bar-track').getBoundingClientRect();
                    const numbers = arguments[0].querySelector('.numbers').getBoundingClientRect();
                    return { row: row.width, track: track.width, trackBottom: track.bottom, numbersTop: numbers.top };""",
                    row);
            assertThat(((Number) box.get("track")).doubleValue()).as("bar track width")
                    .isEqualTo(((Number) box.get("row")).doubleValue());
            assertThat(((Number) box.get("numbersTop")).doubleValue()).as("numbers under the bar")
                    .isGreaterThanOrEqualTo(((Number) box.get("trackBottom")).doubleValue());
        }
    }

    /** A fresh talk of the seed deck, so that this test's show and votes touch no other test's talk. */
    private Talk seedTalk() throws IOException {
        return importer.importDeck("seed-layout-" + UUID.randomUUID() + ".md", Files.readString(SEED_DECK));
    }

    private static void rank(Talk talk, List<Integer> optionIds) {
        given().cookie("afstemning_pid", TestTalks.join(talk.joinCode)).contentType(ContentType.JSON)
                .body(Map.of("optionIds", optionIds, "requestId", UUID.randomUUID().toString())).when()
                .post("/api/talks/{code}/polls/raad/votes", talk.joinCode).then().statusCode(200);
    }
}
