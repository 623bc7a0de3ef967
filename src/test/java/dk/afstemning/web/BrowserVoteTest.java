package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * End-to-end tests in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}): a phone votes
 * on the participant page and the projector's presenter screen updates live, and deck text that looks like HTML,
 * Markdown, JSON or template syntax is shown as plain text. Each test imports its own deck, so tests share no talk.
 * Screenshots of every browser go to {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserVoteTest {

    private static final String DANISH_DECK = """
            ---
            title: Browsertest af afstemning
            lang: da
            ---

            # Velkommen

            ---

            ## Afstemning

            ```poll
            id: favorit
            question: Hvilken farve foretrækker du?
            options:
              - Rød
              - Blå
            ```
            """;

    /** Option texts that would do harm if a page treated them as HTML, Markdown, JSON or a template. */
    private static final List<String> HOSTILE_OPTIONS = List.of(
            "<img src=x onerror=alert(1)>",
            "</script><script>alert(2)</script>",
            "**fed** _kursiv_",
            "{\"type\":\"results\",\"counts\":{\"A\":999}}",
            "${7*7}",
            "{msg:title}");

    private static final String HOSTILE_TITLE = "<img src=x onerror=alert(3)> {msg:app_name} ${7*7}";
    private static final String HOSTILE_QUESTION = "</script><script>alert(4)</script> **Hvad** {talk.presenterKey}?";

    /** Records alert, confirm and prompt calls instead of showing them; runs before any script of the page. */
    private static final String DIALOG_RECORDER = """
            window.__dialogs = [];
            for (const name of ['alert', 'confirm', 'prompt']) {
              window[name] = (message) => { window.__dialogs.push(name + ': ' + message); return null; };
            }
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserVoteTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        // Chromium#quitAll takes every screenshot first: quitting the phone would change the projector's count.
        chromium.quitAll();
    }

    @Test
    void voteFromPhoneShowsLiveOnProjectorWithoutReload() {
        Talk talk = importDeck(DANISH_DECK);
        showSlide(talk, 2);
        openPoll(talk, "favorit");
        WebDriver projector = chromium.projector("presenter-projector");
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);
        WebDriver phone = chromium.phone("participant-phone-da", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        Chromium.awaitLive(phone);
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");

        List<WebElement> options = phone.findElements(By.cssSelector("section.poll button.option"));
        assertThat(options).extracting(WebElement::getText).containsExactly("Rød", "Blå");
        String first = options.get(0).getAttribute("data-option-id");
        String second = options.get(1).getAttribute("data-option-id");
        assertThat(count(projector, first)).isEqualTo("0");
        assertThat(count(projector, second)).isEqualTo("0");
        assertThat(total(projector)).isEqualTo("0");
        Chromium.js(projector).executeScript("window.__noReloadMarker = 'still here';");

        options.get(0).click();

        Chromium.awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        Chromium.awaitText(projector, countLocator(first), "1");
        assertThat(count(projector, second)).isEqualTo("0");
        assertThat(total(projector)).isEqualTo("1");
        assertThat(Chromium.js(projector).executeScript("return window.__noReloadMarker")).isEqualTo("still here");

        phone.findElements(By.cssSelector("section.poll button.option")).get(1).click();

        Chromium.awaitText(projector, countLocator(second), "1");
        Chromium.awaitText(projector, countLocator(first), "0");
        assertThat(total(projector)).isEqualTo("1");
        assertThat(Chromium.js(projector).executeScript("return window.__noReloadMarker")).isEqualTo("still here");
        Chromium.awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");

        phone.navigate().refresh();

        List<WebElement> reloaded = phone.findElements(By.cssSelector("section.poll button.option"));
        assertThat(reloaded).extracting(b -> b.getAttribute("aria-pressed")).containsExactly("false", "true");
        assertThat(phone.findElement(By.cssSelector("section.poll .confirmation")).getText())
                .isEqualTo("Din stemme er modtaget");
    }

    @Test
    void langParameterOverridesBrowserAndDeckLanguage() {
        Talk talk = importDeck(DANISH_DECK);
        showSlide(talk, 2);
        openPoll(talk, "favorit");
        WebDriver phone = chromium.phone("participant-phone-en", "da");
        phone.get(chromium.url("/t/" + talk.joinCode + "?lang=en"));
        Chromium.awaitLive(phone);
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        phone.findElement(By.cssSelector("section.poll button.option")).click();

        Chromium.awaitText(phone, By.cssSelector("section.poll .confirmation"), "Your vote was received");
    }

    @Test
    void hostileDeckTextIsShownAsPlainText() {
        StringBuilder deck = new StringBuilder("---\ntitle: ").append(yamlQuoted(HOSTILE_TITLE))
                .append("\nlang: da\n---\n\n## Tekst er tekst\n\n```poll\nid: tekst\nquestion: ")
                .append(yamlQuoted(HOSTILE_QUESTION)).append("\noptions:\n");
        HOSTILE_OPTIONS.forEach(option -> deck.append("  - ").append(yamlQuoted(option)).append('\n'));
        deck.append("```\n");
        Talk talk = importDeck(deck.toString());
        openPoll(talk, "tekst");

        WebDriver phone = chromium.phone("participant-phone-hostile", "da");
        recordDialogs(phone);
        phone.get(chromium.url("/t/" + talk.joinCode));
        Chromium.awaitLive(phone);
        WebDriver projector = chromium.projector("presenter-projector-hostile");
        recordDialogs(projector);
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);

        assertThat(phone.findElement(By.cssSelector(".talk-header h1")).getText()).isEqualTo(HOSTILE_TITLE);
        assertThat(phone.findElement(By.cssSelector("section.poll h2")).getText()).isEqualTo(HOSTILE_QUESTION);
        assertThat(phone.findElements(By.cssSelector("section.poll button.option")))
                .extracting(WebElement::getText).containsExactlyElementsOf(HOSTILE_OPTIONS);
        assertThat(projector.getTitle()).isEqualTo(HOSTILE_TITLE + " – Afstemning");
        assertThat(projector.findElement(By.cssSelector(".poll h1.question")).getText()).isEqualTo(HOSTILE_QUESTION);
        assertThat(projector.findElements(By.cssSelector(".bar-row .label")))
                .extracting(WebElement::getText).containsExactlyElementsOf(HOSTILE_OPTIONS);

        for (WebDriver browser : List.of(phone, projector)) {
            assertThat(browser.findElements(By.cssSelector("main img, main script"))).isEmpty();
            assertThat((List<?>) Chromium.js(browser).executeScript("return window.__dialogs")).isEmpty();
            assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        }
    }

    private Talk importDeck(String markdown) {
        return importer.importDeck("browser-test-" + UUID.randomUUID() + ".md", markdown);
    }

    /** Moves the show to {@code slide}: phones show only the poll of the presenter's current slide. */
    private static void showSlide(Talk talk, int slide) {
        given().header("X-Presenter-Key", talk.presenterKey).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"slide\":" + slide + "}")
                .when().put("/api/talks/{code}/show", talk.joinCode)
                .then().statusCode(200);
    }

    private static void openPoll(Talk talk, String pollId) {
        given().header("X-Presenter-Key", talk.presenterKey)
                .when().post("/api/talks/{code}/polls/{pollId}/open", talk.joinCode, pollId)
                .then().statusCode(200);
    }

    /** Makes every later page of {@code browser} record dialogs in {@code window.__dialogs} instead of showing them. */
    private static void recordDialogs(WebDriver browser) {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", DIALOG_RECORDER));
    }

    private static By countLocator(String optionId) {
        return By.cssSelector(".bar-row[data-option-id='" + optionId + "'] .count");
    }

    private static String count(WebDriver projector, String optionId) {
        return projector.findElement(countLocator(optionId)).getText();
    }

    private static String total(WebDriver projector) {
        return projector.findElement(By.cssSelector(".poll .total")).getText();
    }

    /** A YAML single-quoted scalar: inner single quotes are doubled, nothing else is special. */
    private static String yamlQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

}
