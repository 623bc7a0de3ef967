package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

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

    /** Selenium has no DevTools bindings for Debian's Chromium and warns once per browser; these tests need none. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.OFF);
    }

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private final Map<String, WebDriver> browsers = new LinkedHashMap<>();
    private final List<Path> profiles = new ArrayList<>();

    @BeforeEach
    void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + "; install them with: sudo apt-get install -y chromium chromium-driver";
        System.err.println("BrowserVoteTest: " + message);
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.assumeTrue(false, message);
    }

    @AfterEach
    void quitBrowsers() {
        // Every screenshot first: quitting the phone would change the participant count on the projector.
        browsers.forEach((name, browser) -> {
            try {
                screenshot(browser, name);
            } catch (RuntimeException e) {
                System.err.println("BrowserVoteTest: no screenshot of " + name + ": " + e);
            }
        });
        browsers.forEach((name, browser) -> {
            try {
                browser.quit();
            } catch (RuntimeException e) {
                System.err.println("BrowserVoteTest: could not quit " + name + ": " + e);
            }
        });
        browsers.clear();
        profiles.forEach(BrowserVoteTest::deleteRecursively);
        profiles.clear();
    }

    @Test
    void voteFromPhoneShowsLiveOnProjectorWithoutReload() {
        Talk talk = importDeck(DANISH_DECK);
        showSlide(talk, 2);
        openPoll(talk, "favorit");
        WebDriver projector = projector("presenter-projector");
        projector.get(url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        awaitLive(projector);
        WebDriver phone = phone("participant-phone-da", "da");
        phone.get(url("/t/" + talk.joinCode));
        awaitLive(phone);
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");

        List<WebElement> options = phone.findElements(By.cssSelector("section.poll button.option"));
        assertThat(options).extracting(WebElement::getText).containsExactly("Rød", "Blå");
        String first = options.get(0).getAttribute("data-option-id");
        String second = options.get(1).getAttribute("data-option-id");
        assertThat(count(projector, first)).isEqualTo("0");
        assertThat(count(projector, second)).isEqualTo("0");
        assertThat(total(projector)).isEqualTo("0");
        js(projector).executeScript("window.__noReloadMarker = 'still here';");

        options.get(0).click();

        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        awaitText(projector, countLocator(first), "1");
        assertThat(count(projector, second)).isEqualTo("0");
        assertThat(total(projector)).isEqualTo("1");
        assertThat(js(projector).executeScript("return window.__noReloadMarker")).isEqualTo("still here");

        phone.findElements(By.cssSelector("section.poll button.option")).get(1).click();

        awaitText(projector, countLocator(second), "1");
        awaitText(projector, countLocator(first), "0");
        assertThat(total(projector)).isEqualTo("1");
        assertThat(js(projector).executeScript("return window.__noReloadMarker")).isEqualTo("still here");
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");

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
        WebDriver phone = phone("participant-phone-en", "da");
        phone.get(url("/t/" + talk.joinCode + "?lang=en"));
        awaitLive(phone);
        assertThat(phone.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        phone.findElement(By.cssSelector("section.poll button.option")).click();

        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Your vote was received");
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

        WebDriver phone = phone("participant-phone-hostile", "da");
        recordDialogs(phone);
        phone.get(url("/t/" + talk.joinCode));
        awaitLive(phone);
        WebDriver projector = projector("presenter-projector-hostile");
        recordDialogs(projector);
        projector.get(url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        awaitLive(projector);

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
            assertThat((List<?>) js(browser).executeScript("return window.__dialogs")).isEmpty();
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

    /** A phone: 360×640 CSS pixels with touch, asking for {@code language} in Accept-Language. */
    private WebDriver phone(String name, String language) {
        return browser(name, options -> {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 360, "height", 640, "pixelRatio", 2.0, "touch", true)));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        });
    }

    /** A projector: a 1280×720 window. */
    private WebDriver projector(String name) {
        return browser(name, options -> options.addArguments("--window-size=1280,720"));
    }

    /** A headless Chromium with a fresh profile, kept under {@code name} for its screenshot and quit. */
    private WebDriver browser(String name, Consumer<ChromeOptions> device) {
        Path profile;
        try {
            profile = Files.createTempDirectory("afstemning-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile);
        device.accept(options);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        browsers.put(name, driver);
        return driver;
    }

    /** Makes every later page of {@code browser} record dialogs in {@code window.__dialogs} instead of showing them. */
    private static void recordDialogs(WebDriver browser) {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", DIALOG_RECORDER));
    }

    private String url(String path) {
        try {
            return baseUrl.toURI().resolve(path).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the page's live socket is open ({@code live.js} sets {@code body[data-live=connected]}). */
    private static void awaitLive(WebDriver browser) {
        new WebDriverWait(browser, TIMEOUT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("body[data-live=connected]")));
    }

    /** Waits until the element's text is {@code expected}, then asserts it, so a timeout reports the text it saw. */
    private static void awaitText(WebDriver browser, By locator, String expected) {
        try {
            new WebDriverWait(browser, TIMEOUT).until(ExpectedConditions.textToBe(locator, expected));
        } catch (TimeoutException e) {
            // the assertion below fails with the actual text
        }
        assertThat(browser.findElement(locator).getText()).as("text of %s", locator).isEqualTo(expected);
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

    private static JavascriptExecutor js(WebDriver browser) {
        return (JavascriptExecutor) browser;
    }

    /** A YAML single-quoted scalar: inner single quotes are doubled, nothing else is special. */
    private static String yamlQuoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: a browser that is still shutting down may hold on to a file of its profile. */
    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("BrowserVoteTest: could not delete " + folder + ": " + e);
        }
    }
}
