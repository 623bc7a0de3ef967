package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static dk.afstemning.web.Chromium.sidewaysOverflow;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.qa.QaService;
import dk.afstemning.qa.QuestionView;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.Talk;

/**
 * The speaker console in real browsers, run as a remote from a phone-sized window (390×844) through the seed talk: the
 * join screen, the Afstemning poll (open, a phone votes, hide and reveal, a new round confirmed, an earlier round beside
 * it), Q&A moderation (approve, put on the screen, hide). After each step the audience screen and the server follow
 * within 1 s; a second console (a laptop) stays in step and a reload restores everything. Screenshots go to
 * {@code target/screenshots/console-*.png} (phone, tablet 768×1024 and laptop 1280×800).
 */
@QuarkusTest
class BrowserConsoleTest {

    /** The room must see a step from the console within this time. */
    private static final Duration ROOM = Duration.ofSeconds(1);

    /** The seed talk's Afstemning slide. */
    private static final int AFSTEMNING = 7;

    private static final String FIRST_OPTION = "Jeg får mest værdi ud af den forskningsmæssige viden.";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    // The server's state is read from its services: the public look-ups are rate-limited per client.
    @Inject
    ShowService show;

    @Inject
    ResultsService results;

    @Inject
    QaService qa;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserConsoleTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void aPhoneRunsTheSeedTalkAndTheRoomFollows() throws IOException {
        Talk talk = importer.importDeck("console-" + UUID.randomUUID() + ".md",
                Files.readString(Path.of("slides", "ledelse-i-en-frisat-kommune.md")));
        WebDriver audience = chromium.projector("console-audience");
        audience.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        awaitLive(audience);
        WebDriver console = phoneConsole("console-phone-final");
        console.get(consoleUrl(talk));
        awaitLive(console);
        WebDriver laptop = chromium.screen("console-laptop-final", 1280, 800);
        laptop.get(consoleUrl(talk));
        awaitLive(laptop);

        // Every talk begins with the join screen; the console says so.
        assertThat(overlayPressed(console)).isEqualTo("join");
        assertNote(console, 1, "Ledelse i en frisat kommune – Perspektiver og erfaringer", "Intro");
        assertThat(console.findElement(By.cssSelector(".console-poll .no-poll")).getText())
                .isEqualTo("Ingen afstemning på dette dias.");
        screenshots(console, laptop, "join");

        tap(console, ".overlay-button[data-overlay='none']");
        awaitShow(talk, ShowState::overlay, null);
        awaitPressed(laptop, "none");
        tap(console, ".overlay-button[data-overlay='join']");
        awaitShow(talk, ShowState::overlay, "join");
        awaitPressed(console, "join");
        awaitPressed(laptop, "join");

        // To the Afstemning slide with the big Next button; the move takes the join screen away.
        for (int i = 1; i < AFSTEMNING; i++) {
            tap(console, ".console-footer .next");
        }
        assertNote(console, AFSTEMNING, "Afstemning", "Erfaringer fra frikommuner – tre gode råd");
        assertThat(visibleText(console, "section.note .note-text"))
                .isEqualTo("Spørg salen, og vis resultatet live, før vi går videre til de tre gode råd.");
        awaitShow(talk, ShowState::slide, AFSTEMNING);
        awaitShow(talk, ShowState::overlay, null);
        awaitRoom(() -> visibleSlides(audience), List.of(String.valueOf(AFSTEMNING)));
        awaitPressed(console, "none");
        awaitNote(laptop, AFSTEMNING);
        By poll = By.cssSelector(".console-poll .poll[data-poll-id='afstemning']");
        assertThat(console.findElement(poll).isDisplayed()).isTrue();
        assertThat(console.findElement(poll).findElement(By.cssSelector(".question")).getText())
                .isEqualTo("Hvad får du mest værdi ud af?");
        assertThat(figures(console)).containsExactly("0", "0", "0", "–");
        screenshots(console, laptop, "poll-draft");

        // Open: the room's screen says so, the phones can vote.
        tap(console, ".poll[data-poll-id='afstemning'] .open-poll");
        awaitRoom(() -> audience.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .status")).getText(),
                "Åben for stemmer");
        awaitText(console, By.cssSelector(".poll[data-poll-id='afstemning'] .status"), "Åben for stemmer");
        awaitText(laptop, By.cssSelector(".poll[data-poll-id='afstemning'] .status"), "Åben for stemmer");

        WebDriver phone = chromium.phone("console-voter", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        String first = phone.findElement(By.cssSelector("section.poll[data-poll-id='afstemning'] button.option"))
                .getAttribute("data-option-id");
        phone.findElement(By.cssSelector("section.poll[data-poll-id='afstemning'] button.option")).click();
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        By firstCount = By.cssSelector(".poll[data-poll-id='afstemning'] .bar-row[data-option-id='" + first + "'] .count");
        awaitRoom(() -> audience.findElement(firstCount).getText(), "1");
        awaitText(console, firstCount, "1");
        // One vote of one connected participant: 100 %.
        Chromium.await(console, Chromium.TIMEOUT, "figures", BrowserConsoleTest::figures, List.of("1", "1", "1", "100 %"));
        Chromium.await(laptop, Chromium.TIMEOUT, "figures", BrowserConsoleTest::figures, List.of("1", "1", "1", "100 %"));
        assertThat(console.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .bar-row .label")).getText())
                .isEqualTo(FIRST_OPTION);
        screenshots(console, laptop, "poll-open");

        // Hide the results from the room, then reveal them.
        tap(console, ".poll[data-poll-id='afstemning'] .hide-results");
        awaitRoom(() -> audience.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .results-hidden"))
                .isDisplayed(), true);
        awaitText(console, By.cssSelector(".poll[data-poll-id='afstemning'] .results-hidden"), "Resultaterne er skjult");
        screenshots(console, laptop, "results-hidden");
        tap(console, ".poll[data-poll-id='afstemning'] .reveal-results");
        awaitRoom(() -> audience.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .bars")).isDisplayed(),
                true);
        awaitRoom(() -> audience.findElement(firstCount).getText(), "1");
        assertThat(pollResults(talk).resultsVisible()).isTrue();

        // A new round takes a second tap: the first only asks.
        tap(console, ".poll[data-poll-id='afstemning'] .reset-poll");
        WebElement confirm = console.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .confirm-reset"));
        assertThat(confirm.isDisplayed()).isTrue();
        assertThat(confirm.getText()).isEqualTo("Bekræft ny runde");
        assertThat(console.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .reset-poll")).isDisplayed())
                .isFalse();
        screenshots(console, laptop, "confirm-round");
        assertThat(pollResults(talk).currentRound()).isEqualTo(1);
        confirm.click();
        awaitRoom(() -> audience.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .round")).getText(),
                "Runde 2");
        awaitRoom(() -> audience.findElement(firstCount).getText(), "0");
        awaitText(console, By.cssSelector(".poll[data-poll-id='afstemning'] .round"), "Runde 2");
        awaitText(laptop, By.cssSelector(".poll[data-poll-id='afstemning'] .round"), "Runde 2");
        assertThat(figures(console).get(0)).isEqualTo("0");

        // Round 1 beside round 2 on the screen.
        // console.js redraws the select's options on every state: read them by locator, then select afresh.
        By compareRound = By.cssSelector(".poll[data-poll-id='afstemning'] .compare-round");
        Chromium.awaitCount(console, By.cssSelector(".poll[data-poll-id='afstemning'] .compare-round option"), 2);
        assertThat(Chromium.stableTexts(console, By.cssSelector(".poll[data-poll-id='afstemning'] .compare-round option")))
                .containsExactly("Ingen tidligere runde", "Runde 1");
        new WebDriverWait(console, Chromium.TIMEOUT).ignoring(StaleElementReferenceException.class).until(b -> {
            new Select(b.findElement(compareRound)).selectByValue("1");
            return true;
        });
        awaitRoom(() -> pollResults(talk).compare() == null ? 0 : pollResults(talk).compare().round(), 1);
        Chromium.await(laptop, Chromium.TIMEOUT, "compared round", b -> b.findElement(
                By.cssSelector(".poll[data-poll-id='afstemning'] .compare-round")).getAttribute("value"), "1");
        screenshots(console, laptop, "new-round");

        // Q&A: with moderation on, a phone's question waits in the console only.
        WebElement moderated = console.findElement(By.cssSelector(".qa-moderated"));
        if (!moderated.isSelected()) {
            tap(console, ".qa-moderated");
        }
        awaitRoom(() -> qa.settings(talk.joinCode).moderated(), true);
        phone.findElement(By.cssSelector(".qa-tab")).click();
        phone.findElement(By.id("qa-text")).sendKeys("Hvordan måler I frisættelsen?");
        phone.findElement(By.cssSelector(".qa-send")).click();
        awaitText(phone, By.cssSelector(".qa-status"), "Dit spørgsmål er modtaget; det vises, når taleren har godkendt det");
        long id = questions(talk).get(0).id();
        By item = By.cssSelector(".console-question[data-question-id='" + id + "']");
        awaitText(console, By.cssSelector(".console-question[data-question-id='" + id + "'] .qa-text"),
                "Hvordan måler I frisættelsen?");
        assertThat(console.findElement(item).getAttribute("class")).contains("pending");
        assertThat(console.findElements(By.cssSelector(".console-question[data-question-id='" + id + "'] .qa-spotlight")))
                .isEmpty();
        screenshots(console, laptop, "qa-waiting");

        tap(console, ".console-question[data-question-id='" + id + "'] .qa-approve");
        awaitRoom(() -> questions(talk).get(0).approved(), true);
        awaitRoom(() -> roomQuestions(talk), List.of("Hvordan måler I frisættelsen?"));
        tap(console, ".console-question[data-question-id='" + id + "'] .qa-spotlight");
        awaitShow(talk, ShowState::questionId, id);
        awaitShow(talk, ShowState::overlay, "qa");
        awaitText(console, By.cssSelector(".console-question[data-question-id='" + id + "'] .qa-on-screen"), "På skærmen");
        awaitPressed(console, "qa");
        awaitPressed(laptop, "qa");
        awaitText(laptop, By.cssSelector(".console-question[data-question-id='" + id + "'] .qa-on-screen"), "På skærmen");
        screenshots(console, laptop, "qa-on-screen");

        tap(console, ".console-question[data-question-id='" + id + "'] .qa-hide");
        awaitShow(talk, ShowState::questionId, null);
        awaitRoom(() -> roomQuestions(talk), List.<String>of());
        Chromium.await(console, Chromium.TIMEOUT, "hidden question", b -> b.findElement(item).getAttribute("class")
                .contains("is-hidden"), true);
        assertThat(console.findElements(By.cssSelector(".console-question[data-question-id='" + id + "'] .qa-on-screen")))
                .isEmpty();
        assertThat(sidewaysOverflow(console)).as("sideways scroll of the phone console").isLessThanOrEqualTo(0);

        // The laptop's arrow key moves the show as well; the phone console follows it.
        new Actions(laptop).sendKeys(Keys.ARROW_RIGHT).perform();
        awaitShow(talk, ShowState::slide, AFSTEMNING + 1);
        awaitNote(console, AFSTEMNING + 1);
        new Actions(laptop).sendKeys(Keys.ARROW_LEFT).perform();
        awaitNote(console, AFSTEMNING);
        awaitShow(talk, ShowState::slide, AFSTEMNING);
        // A move takes the Q&A wall away; the phone shows it again.
        awaitPressed(console, "none");
        tap(console, ".overlay-button[data-overlay='qa']");
        awaitShow(talk, ShowState::overlay, "qa");
        awaitPressed(laptop, "qa");

        // A reload restores everything from the server.
        console.navigate().refresh();
        awaitLive(console);
        assertNote(console, AFSTEMNING, "Afstemning", "Erfaringer fra frikommuner – tre gode råd");
        awaitPressed(console, "qa");
        awaitText(console, By.cssSelector(".poll[data-poll-id='afstemning'] .round"), "Runde 2");
        assertThat(console.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .status")).getText())
                .isEqualTo("Åben for stemmer");
        assertThat(console.findElement(By.cssSelector(".poll[data-poll-id='afstemning'] .compare-round"))
                .getAttribute("value")).isEqualTo("1");
        Chromium.await(console, Chromium.TIMEOUT, "hidden question after reload",
                b -> b.findElements(item).size() == 1 && b.findElement(item).getAttribute("class").contains("is-hidden"),
                true);
        Chromium.await(console, Chromium.TIMEOUT, "figures after reload", BrowserConsoleTest::figures,
                List.of("0", "1", "1", "0 %"));
        assertThat(sidewaysOverflow(console)).as("sideways scroll of the phone console").isLessThanOrEqualTo(0);
        screenshots(console, laptop, "reloaded");
    }

    @Test
    void theNotesAddressLeadsToTheConsoleAndTheConsoleNeedsTheKey() throws IOException {
        Talk talk = importer.importDeck("console-" + UUID.randomUUID() + ".md",
                Files.readString(Path.of("slides", "ledelse-i-en-frisat-kommune.md")));
        given().redirects().follow(false).queryParam("key", talk.presenterKey).queryParam("lang", "en")
                .get("/present/{c}/notes", talk.joinCode).then().statusCode(303)
                .header("Location", containsString("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey
                        + "&lang=en"));
        given().queryParam("key", talk.presenterKey).get("/present/{c}/notes", talk.joinCode).then().statusCode(200)
                .body(containsString("class=\"page-console\""));
        given().get("/present/{c}/console", talk.joinCode).then().statusCode(403)
                .body(containsString("Kræver præsentationsnøglen"));
        given().queryParam("key", "wrong").get("/present/{c}/console", talk.joinCode).then().statusCode(403);
        given().queryParam("key", "wrong").get("/present/{c}/notes", talk.joinCode).then().statusCode(403);
    }

    // ---- helpers ----

    /**
     * Issue 21, item 7: a console whose access ends is closed by the server (1008) and says why, in the talk's
     * language, instead of going quiet. Shown with the presenter key rotated under an open console (a Danish talk).
     */
    @Test
    void aConsoleWhoseKeyWasRotatedSaysSo() {
        Talk talk = TestTalks.create(importer);
        WebDriver console = chromium.screen("console-revoked", 1280, 800);
        console.get(consoleUrl(talk));
        awaitLive(console);
        assertThat(console.findElement(By.cssSelector(".revoked")).isDisplayed()).isFalse();

        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/talks/{id}/presenter-key", talk.id).then().statusCode(303);

        awaitText(console, By.cssSelector(".revoked"),
                "Oplægsholdernøglen er skiftet. Åbn konsollen med den nye nøgle, eller log ind.");
        assertThat(console.findElement(By.cssSelector(".revoked")).isDisplayed()).isTrue();
        assertThat(console.findElement(By.cssSelector(".offline")).isDisplayed()).isFalse();
    }

    /**
     * Trial of #21: once the key no longer runs the show, a presenter screen that kept moving locally showed a slide the
     * show was not on. Its first refused move now puts it back on the server's slide, withdraws every control and says
     * why, in the page's language.
     */
    @Test
    void aPresenterScreenWhoseKeyWasRotatedGoesBackToTheShowAndStopsMoving() {
        Talk talk = TestTalks.create(importer);
        WebDriver screen = chromium.screen("presenter-revoked", 1280, 720);
        screen.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        awaitLive(screen);
        new Actions(screen).sendKeys(Keys.ARROW_RIGHT).perform(); // the join screen goes, slide 1 stays
        Chromium.await(screen, Duration.ofSeconds(10), "server slide 1", b -> given().get("/api/talks/{c}/show",
                talk.joinCode).then().extract().<Integer>path("slide"), 1);

        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/talks/{id}/presenter-key", talk.id).then().statusCode(303);

        new Actions(screen).sendKeys(Keys.ARROW_RIGHT).perform();
        awaitText(screen, By.cssSelector(".revoked"),
                "Oplægsholdernøglen er skiftet. Åbn konsollen med den nye nøgle, eller log ind.");
        Chromium.await(screen, Duration.ofSeconds(10), "back on the show's slide", b -> js(b).executeScript(
                "return [...document.querySelectorAll('section.slide')].filter(s => s.offsetParent !== null)"
                        + ".map(s => s.dataset.slide).join()"), "1");
        assertThat(js(screen).executeScript("return document.body.dataset.withdrawn")).isEqualTo("true");
        assertThat(js(screen).executeScript("return [...document.querySelectorAll('.control-bar button')]"
                + ".filter(b => !b.disabled && !b.matches('.theme-toggle, .fullscreen-toggle')).length")).isEqualTo(0L);
        new Actions(screen).sendKeys(Keys.ARROW_RIGHT).perform();
        assertThat(given().get("/api/talks/{c}/show", talk.joinCode).then().extract().<Integer>path("slide"))
                .isEqualTo(1);
        screenshot(screen, "presenter-revoked");
    }

    private String consoleUrl(Talk talk) {
        return chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey);
    }

    /** A phone as the speaker's remote: 390×844 CSS pixels with touch. */
    private WebDriver phoneConsole(String name) {
        return chromium.browser(name, options -> options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true))));
    }

    /** Screenshots of the phone console and the laptop console, and of the laptop's console at tablet size. */
    private static void screenshots(WebDriver phone, WebDriver laptop, String state) {
        screenshot(phone, "console-phone-" + state);
        screenshot(laptop, "console-laptop-" + state);
        resize(laptop, 768, 1024);
        screenshot(laptop, "console-tablet-" + state);
        assertThat(sidewaysOverflow(laptop)).as("sideways scroll of the tablet console").isLessThanOrEqualTo(0);
        resize(laptop, 1280, 800);
    }

    private static void resize(WebDriver browser, int width, int height) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    private static void tap(WebDriver browser, String selector) {
        WebElement element = browser.findElement(By.cssSelector(selector));
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Waits at most {@link #ROOM} until {@code read} gives {@code expected}. */
    private static <T> void awaitRoom(Callable<T> read, T expected) {
        await().atMost(ROOM).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> Objects.equals(read.call(), expected));
    }

    /** Waits at most {@link #ROOM} until the server's show is as {@code read} expects. */
    private <T> void awaitShow(Talk talk, java.util.function.Function<ShowState, T> read, T expected) {
        awaitRoom(() -> read.apply(show.state(talk.joinCode)), expected);
    }

    private PollResults pollResults(Talk talk) {
        return results.results(talk.joinCode, "afstemning", null);
    }

    /** Every question of the talk, as the presenter sees them. */
    private List<QuestionView> questions(Talk talk) {
        return qa.questions(talk.joinCode, talk.presenterKey).questions();
    }

    /** What the room may see: the approved questions that are not hidden. */
    private List<String> roomQuestions(Talk talk) {
        return qa.questions(talk.joinCode, null).questions().stream().map(QuestionView::text).toList();
    }

    /** Which overlay button is pressed: none, join or qa. */
    private static String overlayPressed(WebDriver console) {
        return console.findElements(By.cssSelector(".overlay-button[aria-pressed='true']")).stream()
                .map(b -> b.getAttribute("data-overlay")).reduce((a, b) -> a + "," + b).orElse("");
    }

    private static void awaitPressed(WebDriver console, String overlay) {
        Chromium.await(console, Chromium.TIMEOUT, "pressed overlay button", BrowserConsoleTest::overlayPressed, overlay);
    }

    /** Votes, joined, connected and response rate as the console shows them (no-break spaces as spaces). */
    private static List<String> figures(WebDriver console) {
        return console.findElements(By.cssSelector(".figures dd")).stream()
                .map(e -> e.getText().replace('\u00a0', ' ').replace('\u202f', ' ')).toList();
    }

    private static String visibleText(WebDriver browser, String selector) {
        return browser.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).findFirst().orElse(null);
    }

    private static void awaitNote(WebDriver console, int n) {
        Chromium.await(console, Chromium.TIMEOUT, "console slide",
                b -> b.findElement(By.tagName("body")).getAttribute("data-slide"), String.valueOf(n));
    }

    /** The console shows slide {@code n} of 17 with this title and the next slide's. */
    private static void assertNote(WebDriver console, int n, String title, String next) {
        awaitNote(console, n);
        assertThat(visibleText(console, "section.note .note-counter")).isEqualTo("Dias " + n + " af 17");
        assertThat(visibleText(console, "section.note .note-title")).isEqualTo(title);
        assertThat(visibleText(console, "section.note .note-next")).isEqualTo("Næste dias: " + next);
        assertThat(console.findElement(By.cssSelector(".console-footer .counter")).getText()).isEqualTo(n + " / 17");
    }

    private static List<String> visibleSlides(WebDriver audience) {
        return audience.findElements(By.cssSelector("section.slide")).stream().filter(WebElement::isDisplayed)
                .map(s -> s.getAttribute("data-slide")).toList();
    }
}
