package dk.afstemning.web;

import static dk.afstemning.web.Chromium.await;
import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.net.URL;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * The show in real headless Chromium browsers: the presenter moves through the deck by keyboard and the server, the
 * phones, a second presenter window and the speaker notes window follow; polls run from the API (open with a countdown,
 * new round, hidden results) show on the audience screen, which has no poll controls of its own. Each test imports its own deck. Screenshots of every browser
 * go to {@code target/screenshots/show-*.png}.
 */
@QuarkusTest
class BrowserShowTest {

    /** Within this time a follower must show the presenter's move. */
    private static final Duration FOLLOW = Duration.ofSeconds(5);

    /** Five slides; the third has the poll. Notes on most slides. */
    private static final String DECK = """
            ---
            title: Showtest – følg med
            lang: da
            ---

            # Velkommen

            <!-- Sig goddag og præsentér dig. -->

            ---

            ## Dagsorden

            - Baggrund
            - Afstemning

            <!-- Husk at nævne pausen. -->

            ---

            ## Spørgsmål

            ```poll
            id: dag
            question: Hvilken ugedag er bedst til møder?
            options:
              - Mandag
              - Fredag
            ```

            <!-- Åbn afstemningen, og giv salen et minut. -->

            ---

            ## Pause

            Kaffe i foyeren.

            ---

            ## Tak for i dag
            """;

    /** One poll slide whose results stay hidden until revealed and whose votes cannot be changed. */
    private static final String HIDDEN_DECK = """
            ---
            title: Skjulte resultater
            lang: da
            ---

            ## Gæt

            ```poll
            id: gaet
            question: Hvor mange deltager i dag?
            results: hidden
            vote-changes: false
            options:
              - Under 50
              - Over 50
            ```
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserShowTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void keyboardMovesThePresenterAndTheServerFollows() {
        Talk talk = importDeck(DECK);
        WebDriver presenter = chromium.projector("show-presenter-keyboard");
        presenter.get(presenterUrl(talk));
        awaitLive(presenter);
        js(presenter).executeScript("window.__noReloadMarker = 'still here';");
        assertSlide(presenter, 1);
        // The talk begins on the join screen: → takes it away and stays on the first slide.
        assertThat(presenter.findElement(By.cssSelector(".join-screen")).isDisplayed()).isTrue();
        press(presenter, Keys.ARROW_RIGHT);
        await(presenter, FOLLOW, "join screen", b -> b.findElement(By.cssSelector(".join-screen")).isDisplayed(), false);
        assertSlide(presenter, 1);
        awaitServerSlide(talk, 1);

        press(presenter, Keys.ARROW_RIGHT);
        assertSlide(presenter, 2);
        awaitServerSlide(talk, 2);

        press(presenter, Keys.ARROW_LEFT);
        assertSlide(presenter, 1);
        awaitServerSlide(talk, 1);

        press(presenter, Keys.END);
        assertSlide(presenter, 5);
        awaitServerSlide(talk, 5);

        press(presenter, Keys.HOME);
        assertSlide(presenter, 1);
        awaitServerSlide(talk, 1);

        new Actions(presenter).sendKeys("3").perform();
        assertThat(presenter.findElement(By.cssSelector(".control-bar .goto")).getText()).isEqualTo("Gå til dias 3");
        press(presenter, Keys.ENTER);
        assertSlide(presenter, 3);
        assertThat(presenter.findElement(By.cssSelector(".control-bar .goto")).isDisplayed()).isFalse();
        awaitServerSlide(talk, 3);

        // A number that is no slide changes nothing.
        new Actions(presenter).sendKeys("9").sendKeys(Keys.ENTER).perform();
        assertSlide(presenter, 3);

        press(presenter, Keys.SPACE);
        press(presenter, Keys.PAGE_DOWN);
        assertSlide(presenter, 5);
        press(presenter, Keys.PAGE_UP);
        assertSlide(presenter, 4);
        awaitServerSlide(talk, 4);

        clickInBar(presenter, ".prev");
        assertSlide(presenter, 3);
        awaitServerSlide(talk, 3);
        assertThat(js(presenter).executeScript("return window.__noReloadMarker")).isEqualTo("still here");
        assertThat(presenter.getCurrentUrl()).doesNotContain("slide=");

        // B blacks the screen out and back; the show stays where it is.
        press(presenter, "b");
        assertThat(presenter.findElement(By.cssSelector(".blackout")).isDisplayed()).isTrue();
        press(presenter, "b");
        assertThat(presenter.findElement(By.cssSelector(".blackout")).isDisplayed()).isFalse();
        assertSlide(presenter, 3);

        // A reload lands on the server's current slide; the badge keeps the join code on the screen.
        presenter.navigate().refresh();
        awaitLive(presenter);
        assertSlide(presenter, 3);
        assertThat(presenter.findElement(By.cssSelector("section.slide[data-slide='3'] .poll")).isDisplayed()).isTrue();
        assertThat(presenter.findElement(By.cssSelector(".badge .join-code")).getText()).isEqualTo(talk.joinCode);
    }

    @Test
    void thePhoneWaitsOnOtherSlidesAndFollowsThePresenterToThePoll() {
        Talk talk = importDeck(DECK);
        moveShow(talk, 2);
        WebDriver presenter = chromium.projector("show-presenter");
        presenter.get(presenterUrl(talk));
        awaitLive(presenter);
        assertSlide(presenter, 2);

        WebDriver phone = chromium.phone("show-phone-poll", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        assertThat(phone.findElement(By.cssSelector(".waiting")).isDisplayed()).isTrue();
        assertThat(phone.findElement(By.cssSelector(".talk-header h1")).getText()).isEqualTo("Showtest – følg med");
        assertThat(phone.findElement(By.cssSelector(".waiting-text")).getText()).isEqualTo("Venter på næste spørgsmål …");
        assertThat(visiblePolls(phone)).isEmpty();
        screenshot(phone, "show-phone-waiting");
        js(phone).executeScript("window.__noReloadMarker = 'still here';");

        press(presenter, Keys.ARROW_RIGHT);
        assertSlide(presenter, 3);

        // The poll is not open yet: the phone shows the question with disabled options.
        await(phone, FOLLOW, "visible polls on the phone", BrowserShowTest::visiblePolls, List.of("dag"));
        assertThat(phone.findElement(By.cssSelector(".waiting")).isDisplayed()).isFalse();
        assertThat(phone.findElement(By.cssSelector("section.poll h2")).getText())
                .isEqualTo("Hvilken ugedag er bedst til møder?");
        assertThat(phone.findElement(By.cssSelector("section.poll .draft-note")).getText())
                .isEqualTo("Spørgsmålet er ikke åbnet endnu.");
        assertThat(options(phone)).extracting(WebElement::isEnabled).containsExactly(false, false);
        screenshot(phone, "show-phone-draft");

        // Open with a countdown of two minutes (the console's countdown field sends the same).
        control(talk, "dag", "open?seconds=120");
        awaitText(presenter, By.cssSelector(".poll[data-poll-id='dag'] .status"), "Åben for stemmer");
        WebElement countdown = presenter.findElement(By.cssSelector(".poll[data-poll-id='dag'] .countdown"));
        assertThat(countdown.isDisplayed()).isTrue();
        assertThat(countdown.getText()).matches("0[12]:[0-5][0-9]");
        Number remaining = given().get("/api/talks/{c}/polls/dag/results", talk.joinCode).then().statusCode(200)
                .extract().path("remainingMs");
        assertThat(remaining.longValue()).isBetween(60_000L, 120_000L);

        new WebDriverWait(phone, FOLLOW).until(b -> options(b).stream().allMatch(WebElement::isEnabled));
        assertThat(phone.findElement(By.cssSelector("section.poll .draft-note")).isDisplayed()).isFalse();
        String first = options(phone).get(0).getAttribute("data-option-id");
        options(phone).get(0).click();
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        assertThat(options(phone)).extracting(b -> b.getAttribute("aria-pressed")).containsExactly("true", "false");
        awaitText(presenter, countLocator(first), "1");
        assertThat(js(phone).executeScript("return window.__noReloadMarker")).isEqualTo("still here");

        // Back to a slide without a poll: the phone waits again.
        press(presenter, Keys.ARROW_RIGHT);
        await(phone, FOLLOW, "visible polls on the phone", BrowserShowTest::visiblePolls, List.of());
        assertThat(phone.findElement(By.cssSelector(".waiting")).isDisplayed()).isTrue();
        press(presenter, Keys.ARROW_LEFT);
        await(phone, FOLLOW, "visible polls on the phone", BrowserShowTest::visiblePolls, List.of("dag"));
        assertThat(js(phone).executeScript("return window.__noReloadMarker")).isEqualTo("still here");
    }

    @Test
    void aSecondPresenterWindowAndTheNotesWindowFollowTheFirst() {
        Talk talk = importDeck(DECK);
        WebDriver laptop = chromium.projector("show-presenter-laptop");
        laptop.get(presenterUrl(talk));
        awaitLive(laptop);
        WebDriver screen = chromium.projector("show-presenter-second-screen");
        screen.get(chromium.url("/present/" + talk.joinCode));
        awaitLive(screen);
        assertThat(screen.findElements(By.cssSelector(".console-button, .prev, .next, .controls, [data-key]"))).isEmpty();
        assertSlide(screen, 1);
        // The laptop's console button opens the speaker console with the key and the screen's language.
        assertThat(laptop.findElement(By.cssSelector(".console-button")).getAttribute("data-href"))
                .isEqualTo("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey + "&lang=da");
        // The talk begins on the join screen: → takes it away on both screens.
        press(laptop, Keys.ARROW_RIGHT);
        await(screen, FOLLOW, "join screen", b -> b.findElement(By.cssSelector(".join-screen")).isDisplayed(), false);
        assertSlide(screen, 1);

        // The notes window, opened beside the presenter screen.
        String presenterWindow = laptop.getWindowHandle();
        laptop.switchTo().newWindow(org.openqa.selenium.WindowType.WINDOW);
        String notesWindow = laptop.getWindowHandle();
        laptop.get(chromium.url("/present/" + talk.joinCode + "/notes?key=" + talk.presenterKey + "&lang=da"));
        awaitLive(laptop);
        // The notes address leads to the speaker console, which keeps the notes window's parts.
        assertThat(laptop.getCurrentUrl()).contains("/present/" + talk.joinCode + "/console?key=");
        assertNote(laptop, 1, "Velkommen", "Sig goddag og præsentér dig.", "Næste dias: Dagsorden");
        laptop.switchTo().window(presenterWindow);

        press(laptop, Keys.ARROW_RIGHT);
        assertSlide(laptop, 2);
        awaitSlide(screen, 2);

        press(laptop, Keys.ARROW_RIGHT);
        awaitSlide(screen, 3);
        assertThat(screen.findElement(By.cssSelector(".poll[data-poll-id='dag'] .question")).isDisplayed()).isTrue();

        press(laptop, Keys.END);
        awaitSlide(screen, 5);
        press(laptop, Keys.HOME);
        awaitSlide(screen, 1);
        new Actions(laptop).sendKeys("3").sendKeys(Keys.ENTER).perform();
        awaitSlide(screen, 3);
        awaitServerSlide(talk, 3);

        laptop.switchTo().window(notesWindow);
        await(laptop, FOLLOW, "slide of the notes window", b -> b.findElement(By.tagName("body")).getAttribute("data-slide"),
                "3");
        assertNote(laptop, 3, "Spørgsmål", "Åbn afstemningen, og giv salen et minut.", "Næste dias: Pause");
        assertThat(laptop.findElement(By.cssSelector(".clock")).getText()).matches("\\d{2}[.:]\\d{2}");

        // The notes window moves the show too.
        press(laptop, Keys.ARROW_RIGHT);
        assertNote(laptop, 4, "Pause", null, "Næste dias: Tak for i dag");
        awaitSlide(screen, 4);
        press(laptop, Keys.END);
        assertNote(laptop, 5, "Tak for i dag", null, "Dette er det sidste dias.");
        awaitSlide(screen, 5);
        screenshot(laptop, "show-notes-window");
        laptop.switchTo().window(presenterWindow);
        awaitSlide(laptop, 5);

        // Without the key there are no notes.
        given().get("/present/{c}/notes", talk.joinCode).then().statusCode(403)
                .body(containsString("Kræver præsentationsnøglen"));
        given().queryParam("key", "wrong").get("/present/{c}/notes", talk.joinCode).then().statusCode(403);
    }

    @Test
    void aNewRoundClearsThePhoneAndKeepsTheOldVotes() {
        Talk talk = importDeck(DECK);
        moveShow(talk, 3);
        control(talk, "dag", "open");
        WebDriver presenter = chromium.projector("show-presenter-reset");
        presenter.get(presenterUrl(talk));
        awaitLive(presenter);
        WebDriver phone = chromium.phone("show-phone-reset", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        js(phone).executeScript("window.__noReloadMarker = 'still here';");
        assertThat(presenter.findElement(By.cssSelector(".poll[data-poll-id='dag'] .round")).getText())
                .isEqualTo("Runde 1");

        String first = options(phone).get(0).getAttribute("data-option-id");
        String second = options(phone).get(1).getAttribute("data-option-id");
        options(phone).get(0).click();
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        awaitText(presenter, countLocator(first), "1");
        awaitText(presenter, By.cssSelector(".poll .total"), "1");

        control(talk, "dag", "reset");

        awaitText(presenter, By.cssSelector(".poll[data-poll-id='dag'] .round"), "Runde 2");
        awaitText(presenter, By.cssSelector(".poll .total"), "0");
        assertThat(presenter.findElement(countLocator(first)).getText()).isEqualTo("0");
        assertThat(presenter.findElement(By.cssSelector(".poll[data-poll-id='dag'] .status")).getText())
                .isEqualTo("Åben for stemmer");
        await(phone, FOLLOW, "choice on the phone", b -> options(b).stream().map(o -> o.getAttribute("aria-pressed"))
                .toList(), List.of("false", "false"));
        assertThat(phone.findElement(By.cssSelector("section.poll .confirmation")).getText()).isEmpty();
        assertThat(options(phone)).extracting(WebElement::isEnabled).containsExactly(true, true);

        options(phone).get(1).click();
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        assertThat(options(phone)).extracting(b -> b.getAttribute("aria-pressed")).containsExactly("false", "true");
        awaitText(presenter, countLocator(second), "1");
        assertThat(presenter.findElement(countLocator(first)).getText()).isEqualTo("0");
        assertThat(js(phone).executeScript("return window.__noReloadMarker")).isEqualTo("still here");

        List<Integer> round1 = given().queryParam("round", 1).get("/api/talks/{c}/polls/dag/results", talk.joinCode)
                .then().statusCode(200).extract().path("counts.count");
        assertThat(round1).containsExactly(1, 0);
        List<Integer> round2 = given().get("/api/talks/{c}/polls/dag/results", talk.joinCode)
                .then().statusCode(200).extract().path("counts.count");
        assertThat(round2).containsExactly(0, 1);

        // A reload shows round 2's vote.
        phone.navigate().refresh();
        awaitLive(phone);
        assertThat(options(phone)).extracting(b -> b.getAttribute("aria-pressed")).containsExactly("false", "true");
    }

    @Test
    void hiddenResultsShowOnlyTheTotalUntilRevealedAndAFinalVoteIsRefused() {
        Talk talk = importDeck(HIDDEN_DECK);
        moveShow(talk, 1);
        control(talk, "gaet", "open");
        WebDriver presenter = chromium.projector("show-presenter-hidden");
        presenter.get(presenterUrl(talk));
        awaitLive(presenter);
        By hiddenText = By.cssSelector(".poll[data-poll-id='gaet'] .results-hidden-text");
        assertThat(presenter.findElement(hiddenText).getText()).isEqualTo("Resultaterne er skjult");
        assertThat(presenter.findElement(By.cssSelector(".poll[data-poll-id='gaet'] .bars")).isDisplayed()).isFalse();
        assertThat(presenter.findElements(By.cssSelector(".reveal-results, .hide-results"))).isEmpty();

        WebDriver phone = chromium.phone("show-phone-final", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        assertThat(phone.findElement(By.cssSelector("section.poll .final-hint")).getText())
                .isEqualTo("Din stemme kan ikke ændres, når du har afgivet den.");
        String first = options(phone).get(0).getAttribute("data-option-id");
        options(phone).get(0).click();
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        awaitText(presenter, By.cssSelector(".poll .total"), "1");
        assertThat(presenter.findElement(hiddenText).isDisplayed()).isTrue();
        assertThat(presenter.findElement(By.cssSelector(".poll[data-poll-id='gaet'] .bars")).isDisplayed()).isFalse();

        // Issue 19 item 7: the vote is final, so no option looks tappable any more; the chosen one stays marked.
        await(phone, FOLLOW, "locked poll", b -> b.findElement(By.cssSelector("section.poll")).getAttribute(
                "data-locked"), "true");
        assertThat(options(phone)).extracting(WebElement::isEnabled).containsExactly(false, false);
        assertThat(options(phone)).extracting(b -> b.getAttribute("aria-pressed")).containsExactly("true", "false");
        assertThat(options(phone).get(1).getCssValue("border-top-style")).isEqualTo("dashed");
        assertThat(options(phone).get(0).getCssValue("border-top-style")).isEqualTo("solid");
        assertThat(options(phone).get(0).getCssValue("opacity")).isEqualTo("1");
        phone.navigate().refresh();
        awaitLive(phone);
        await(phone, FOLLOW, "locked poll after reload", b -> b.findElement(By.cssSelector("section.poll"))
                .getAttribute("data-locked"), "true");
        assertThat(options(phone)).extracting(WebElement::isEnabled).containsExactly(false, false);

        control(talk, "gaet", "reveal");
        new WebDriverWait(presenter, FOLLOW).until(b -> b.findElement(
                By.cssSelector(".poll[data-poll-id='gaet'] .bars")).isDisplayed());
        awaitText(presenter, countLocator(first), "1");
        assertThat(presenter.findElement(hiddenText).isDisplayed()).isFalse();

        control(talk, "gaet", "hide");
        new WebDriverWait(presenter, FOLLOW).until(b -> b.findElement(hiddenText).isDisplayed());
        assertThat(presenter.findElement(By.cssSelector(".poll[data-poll-id='gaet'] .bars")).isDisplayed()).isFalse();
        assertThat(presenter.findElement(By.cssSelector(".poll .total")).getText()).isEqualTo("1");

        // A new round takes a new vote: the options are tappable again.
        control(talk, "gaet", "reset");
        await(phone, FOLLOW, "unlocked poll", b -> b.findElement(By.cssSelector("section.poll"))
                .getAttribute("data-locked"), "false");
        assertThat(options(phone)).extracting(WebElement::isEnabled).containsExactly(true, true);
        assertThat(options(phone)).extracting(b -> b.getAttribute("aria-pressed")).containsExactly("false", "false");
    }

    // ---- helpers ----

    private Talk importDeck(String markdown) {
        return importer.importDeck("browser-show-" + UUID.randomUUID() + ".md", markdown);
    }

    private String presenterUrl(Talk talk) {
        return chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey);
    }

    private static void moveShow(Talk talk, int slide) {
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body("{\"slide\":" + slide + "}").when().put("/api/talks/{c}/show", talk.joinCode)
                .then().statusCode(200);
    }

    private static void control(Talk talk, String pollId, String action) {
        given().header("X-Presenter-Key", talk.presenterKey)
                .when().post("/api/talks/{c}/polls/{p}/" + action, talk.joinCode, pollId).then().statusCode(200);
    }

    private static int serverSlide(Talk talk) {
        return given().get("/api/talks/{c}/show", talk.joinCode).then().statusCode(200).extract().path("slide");
    }

    /** Waits until {@code GET /api/talks/{code}/show} reports {@code slide}. */
    private static void awaitServerSlide(Talk talk, int slide) {
        long deadline = System.nanoTime() + FOLLOW.toNanos();
        while (serverSlide(talk) != slide && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(serverSlide(talk)).as("the server's current slide").isEqualTo(slide);
    }

    private static void press(WebDriver browser, CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    /** The data-slide of every presenter slide that is displayed. */
    private static List<String> visibleSlides(WebDriver browser) {
        return browser.findElements(By.cssSelector("section.slide")).stream().filter(WebElement::isDisplayed)
                .map(s -> s.getAttribute("data-slide")).toList();
    }

    /** Exactly slide {@code n} of 5 is displayed, and the counter says so. */
    private static void assertSlide(WebDriver presenter, int n) {
        assertThat(visibleSlides(presenter)).as("displayed slides").containsExactly(String.valueOf(n));
        assertThat(presenter.findElement(By.cssSelector(".control-bar .counter")).getAttribute("textContent"))
                .isEqualTo(n + " / 5");
    }

    /** Moves the pointer, which brings the audience screen's control bar back, and clicks a button in it. */
    private static void clickInBar(WebDriver browser, String css) {
        new Actions(browser).moveToLocation(20, 20).moveByOffset(5, 5).perform();
        browser.findElement(By.cssSelector(".control-bar " + css)).click();
    }

    /** Waits (a few seconds at most) until the presenter window shows slide {@code n}, then asserts it exactly. */
    private static void awaitSlide(WebDriver presenter, int n) {
        await(presenter, FOLLOW, "displayed slides", BrowserShowTest::visibleSlides, List.of(String.valueOf(n)));
        assertSlide(presenter, n);
    }

    private static void assertNote(WebDriver notes, int n, String title, String text, String next) {
        await(notes, FOLLOW, "slide of the notes window",
                b -> b.findElement(By.tagName("body")).getAttribute("data-slide"), String.valueOf(n));
        List<WebElement> shown = notes.findElements(By.cssSelector("section.note")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertThat(shown).hasSize(1);
        WebElement note = shown.get(0);
        assertThat(note.findElement(By.cssSelector(".note-counter")).getText()).isEqualTo("Dias " + n + " af 5");
        assertThat(note.findElement(By.cssSelector(".note-title")).getText()).isEqualTo(title);
        if (text == null) {
            assertThat(note.findElement(By.cssSelector(".note-empty")).getText()).isEqualTo("Ingen noter til dette dias.");
        } else {
            assertThat(note.findElement(By.cssSelector(".note-text")).getText()).isEqualTo(text);
        }
        assertThat(note.findElement(By.cssSelector(".note-next")).getText()).isEqualTo(next);
    }

    private static List<String> visiblePolls(WebDriver phone) {
        return phone.findElements(By.cssSelector("section.poll")).stream().filter(WebElement::isDisplayed)
                .map(s -> s.getAttribute("data-poll-id")).toList();
    }

    private static List<WebElement> options(WebDriver phone) {
        return phone.findElements(By.cssSelector("section.poll:not([hidden]) button.option"));
    }

    private static By countLocator(String optionId) {
        return By.cssSelector(".bar-row[data-option-id='" + optionId + "'] .count");
    }
}
