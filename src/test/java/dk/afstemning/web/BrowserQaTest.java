package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Q&A in real browsers: two phones ask questions on the Q&A tab, one upvotes the other's question, and the projector's
 * Q&A overlay (opened with Q) reorders live without a reload. A question that looks like HTML and Markdown is shown
 * as typed on both.
 */
@QuarkusTest
class BrowserQaTest {

    private static final String DECK = """
            ---
            title: Browsertest af spørgsmål
            lang: da
            qa: on
            ---

            # Velkommen
            """;

    private static final String HOSTILE = "<img src=x onerror=alert(1)> **fed** ${7*7}";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserQaTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void anUpvoteFromOnePhoneReordersTheProjectorsQuestions() {
        Talk talk = importer.importDeck("browser-qa-" + UUID.randomUUID() + ".md", DECK);
        WebDriver projector = projector(talk, "qa-projector");
        WebDriver phone1 = phone(talk, "qa-phone-1");
        WebDriver phone2 = phone(talk, "qa-phone-2");

        ask(phone1, HOSTILE, "");
        ask(phone2, "Hvordan måler I tillid?", "Bo");

        new Actions(projector).sendKeys("q").perform();
        Chromium.await(projector, Chromium.TIMEOUT, "Q&A wall", b -> b.findElement(By.cssSelector(".qa-overlay"))
                .isDisplayed(), true);
        Chromium.await(projector, Chromium.TIMEOUT, "projector questions", BrowserQaTest::texts,
                List.of(HOSTILE, "Hvordan måler I tillid?"));
        // qa.js redraws the list on every change: read it by locator, never through held items.
        assertThat(Chromium.stableTexts(projector, By.cssSelector(".qa-overlay .qa-list .qa-nickname")))
                .containsExactly("Anonym", "Bo");
        Chromium.js(projector).executeScript("window.__noReloadMarker = 'still here';");

        // Phone 1 cannot upvote its own question, and upvotes phone 2's.
        Chromium.await(phone1, Chromium.TIMEOUT, "phone 1 list", BrowserQaTest::texts,
                List.of(HOSTILE, "Hvordan måler I tillid?"));
        Chromium.await(phone1, Chromium.TIMEOUT, "own question's upvote enabled",
                redrawn(b -> upvoteButton(b, HOSTILE).isEnabled()), false);
        new WebDriverWait(phone1, Chromium.TIMEOUT).ignoring(StaleElementReferenceException.class).until(b -> {
            upvoteButton(b, "Hvordan måler I tillid?").click();
            return true;
        });

        Chromium.await(projector, Chromium.TIMEOUT, "projector order after the upvote", BrowserQaTest::texts,
                List.of("Hvordan måler I tillid?", HOSTILE));
        assertThat(Chromium.stableTexts(projector, By.cssSelector(".qa-overlay .qa-list .qa-upvotes")))
                .containsExactly("1", "0");
        assertThat(Chromium.js(projector).executeScript("return window.__noReloadMarker")).isEqualTo("still here");
        Chromium.await(phone1, Chromium.TIMEOUT, "phone 1 upvoted", redrawn(b -> upvoteButton(b, "Hvordan måler I tillid?")
                .getAttribute("aria-pressed")), "true");
        Chromium.await(phone1, Chromium.TIMEOUT, "upvoted question's button enabled",
                redrawn(b -> upvoteButton(b, "Hvordan måler I tillid?").isEnabled()), false);
        Chromium.await(phone2, Chromium.TIMEOUT, "phone 2 sees the count",
                redrawn(b -> upvoteButton(b, "Hvordan måler I tillid?").findElement(By.cssSelector(".qa-upvotes"))
                        .getText()), "1");

        for (WebDriver browser : List.of(phone1, phone2, projector)) {
            assertThat(browser.findElements(By.cssSelector(".qa-list img, .qa-list strong"))).isEmpty();
        }
        // Q closes the overlay again.
        new Actions(projector).sendKeys(Keys.chord("q")).perform();
        Chromium.await(projector, Chromium.TIMEOUT, "Q&A wall", b -> b.findElement(By.cssSelector(".qa-overlay"))
                .isDisplayed(), false);
    }

    @Test
    void waitingAndHiddenQuestionsNeverReachTheAudienceScreenAndBothScreensCountThePublicQuestions() {
        Talk talk = importer.importDeck("browser-qa-moderated-" + UUID.randomUUID() + ".md",
                DECK.replace("qa: on", "qa: moderated"));
        WebDriver projector = projector(talk, "qa-queue-projector");
        WebDriver phone = phone(talk, "qa-queue-phone");
        ask(phone, "Offentligt spørgsmål", "", MODERATED);
        ask(phone, "Skjult spørgsmål", "", MODERATED);
        new Actions(projector).sendKeys("q").perform();
        Chromium.await(projector, Chromium.TIMEOUT, "Q&A wall", b -> b.findElement(By.cssSelector(".qa-overlay"))
                .isDisplayed(), true);
        long shown = questionId(talk, "Offentligt spørgsmål");
        long hidden = questionId(talk, "Skjult spørgsmål");
        moderate(talk, shown, "{\"approved\":true}");
        moderate(talk, hidden, "{\"approved\":true,\"hidden\":true}");
        ask(phone, "Venter i køen", "", MODERATED);

        // The audience screen gets the public feed: a waiting or hidden question is nowhere in its page.
        Chromium.await(projector, Chromium.TIMEOUT, "the wall", BrowserQaTest::texts, List.of("Offentligt spørgsmål"));
        assertThat((String) Chromium.js(projector).executeScript("return document.body.textContent"))
                .doesNotContain("Venter i køen", "Skjult spørgsmål");
        assertThat(projector.findElements(By.cssSelector(".qa-queue, .qa-actions, .qa-moderated"))).isEmpty();

        // Both count the questions the room sees: approved and not hidden.
        Chromium.await(projector, Chromium.TIMEOUT, "the bar's count", b -> b.findElement(By.cssSelector(
                ".qa-toggle .qa-count")).getAttribute("textContent"), "1");
        Chromium.awaitText(phone, By.cssSelector(".qa-tab .qa-count"), "(1)");

        // Approved in the console, it joins the wall.
        moderate(talk, questionId(talk, "Venter i køen"), "{\"approved\":true}");
        Chromium.await(projector, Chromium.TIMEOUT, "approved from the queue", BrowserQaTest::texts,
                List.of("Offentligt spørgsmål", "Venter i køen"));
        Chromium.await(projector, Chromium.TIMEOUT, "the bar's count", b -> b.findElement(By.cssSelector(
                ".qa-toggle .qa-count")).getAttribute("textContent"), "2");
        Chromium.awaitText(phone, By.cssSelector(".qa-tab .qa-count"), "(2)");
        assertThat((String) Chromium.js(projector).executeScript("return document.body.textContent"))
                .doesNotContain("Skjult spørgsmål");
    }

    /** The presenter view with the key, live. */
    private WebDriver projector(Talk talk, String name) {
        WebDriver projector = chromium.projector(name);
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);
        return projector;
    }

    /** A Danish phone on the talk's page, live. */
    private WebDriver phone(Talk talk, String name) {
        WebDriver phone = chromium.phone(name, "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        Chromium.awaitLive(phone);
        return phone;
    }

    private static final String MODERATED = "Dit spørgsmål er modtaget; det vises, når taleren har godkendt det";

    private static long questionId(Talk talk, String text) {
        List<Number> ids = io.restassured.RestAssured.given().header("X-Presenter-Key", talk.presenterKey).when()
                .get("/api/talks/{code}/questions", talk.joinCode).then().statusCode(200).extract()
                .path("questions.findAll { it.text == '" + text + "' }.id");
        return ids.get(0).longValue();
    }

    private static void moderate(Talk talk, long questionId, String json) {
        io.restassured.RestAssured.given().header("X-Presenter-Key", talk.presenterKey)
                .contentType(io.restassured.http.ContentType.JSON).body(json).when()
                .patch("/api/talks/{code}/questions/{id}", talk.joinCode, questionId).then().statusCode(200);
    }

    private static void ask(WebDriver phone, String text, String nickname) {
        ask(phone, text, nickname, "Dit spørgsmål er modtaget");
    }

    private static void ask(WebDriver phone, String text, String nickname, String status) {
        if (!phone.findElement(By.id("qa")).isDisplayed()) {
            phone.findElement(By.cssSelector(".qa-tab")).click();
        }
        phone.findElement(By.id("qa-text")).sendKeys(text);
        if (!nickname.isEmpty()) {
            phone.findElement(By.id("qa-nickname")).sendKeys(nickname);
        }
        phone.findElement(By.cssSelector(".qa-send")).click();
        Chromium.awaitText(phone, By.cssSelector(".qa-status"), status, Duration.ofSeconds(15));
        assertThat(phone.findElement(By.id("qa-text")).getAttribute("value")).isEmpty();
    }

    /** {@code read}, or null while the list is being redrawn under it (then the wait reads again). */
    private static <T> java.util.function.Function<WebDriver, T> redrawn(java.util.function.Function<WebDriver, T> read) {
        return b -> {
            try {
                return read.apply(b);
            } catch (org.openqa.selenium.StaleElementReferenceException | java.util.NoSuchElementException e) {
                return null;
            }
        };
    }

    private static List<String> texts(WebDriver browser) {
        return redrawn(BrowserQaTest::readTexts).apply(browser);
    }

    private static List<String> readTexts(WebDriver browser) {
        return browser.findElements(By.cssSelector(".qa-list .qa-item .qa-text")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList();
    }

    private static WebElement upvoteButton(WebDriver phone, String text) {
        return phone.findElements(By.cssSelector(".qa-list .qa-item")).stream()
                .filter(li -> li.findElement(By.cssSelector(".qa-text")).getText().equals(text)).findFirst()
                .orElseThrow().findElement(By.cssSelector(".qa-upvote"));
    }
}
