package dk.afstemning.web;

import static dk.afstemning.web.Chromium.js;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Issue 19 item 5: every organiser and presenter page at 1280×720 and on a 390×844 phone, in Danish and English,
 * scrolls nothing sideways ({@code scrollWidth <= innerWidth}) and cuts no element off (no element with hidden
 * overflow whose content is wider than it, unless it ellipsizes and carries its full text in a title). The charts'
 * option labels wrap into lines instead of being clipped left of the bars. Full-page screenshots go to
 * {@code target/screenshots/layout-*.png}.
 */
@QuarkusTest
class BrowserOrganiserLayoutTest {

    /** A label longer than a chart's axis can hold on one line. */
    private static final String LONG = "Forskningsbaseret viden fra kommunernes frikommuneforsøg med tillidsbaseret "
            + "ledelse og afbureaukratisering";

    /**
     * The elements that cut their content: hidden overflow and content wider than the box, except screen-reader-only
     * text and ellipsized text with a title. Each as "tag.class: scrollWidth > clientWidth".
     */
    private static final String CUT_OFF = """
            const cut = [];
            for (const el of document.querySelectorAll('body *')) {
              const cs = getComputedStyle(el);
              if (cs.display === 'none' || el.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')) continue;
              if (cs.overflowX !== 'hidden' && cs.overflowX !== 'clip') continue;
              if (el.clientWidth <= 1 || el.scrollWidth <= el.clientWidth + 1) continue;
              if (cs.textOverflow === 'ellipsis' && el.title) continue;
              cut.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).trim().replace(/\\s+/g, '.') : '')
                + ': ' + el.scrollWidth + ' > ' + el.clientWidth);
            }
            return cut;
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    @Inject
    AccountService accounts;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserOrganiserLayoutTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void everyOrganiserAndPresenterPageFitsAProjectorAndAPhoneInBothLanguages() {
        Talk talk = importer.importDeck("layout-" + UUID.randomUUID() + ".md", """
                ---
                title: Tillid og ledelse i en frisat kommune – erfaringer fra tre års forsøg med afbureaukratisering
                speaker: Mette Frederiksen-Kristensen
                date: 2023-03-14
                venue: Aarhus Kommune, Rådhuset, Byrådssalen
                lang: da
                qa: on
                ---

                # Velkommen

                ---

                ```poll
                id: layout-vaerdi
                question: Hvor får du mest værdi fra, når du skal træffe beslutninger om ledelse i din egen organisation?
                options:
                  - %s
                  - Praktiske erfaringer
                  - Ved ikke
                ```
                """.formatted(TestTalks.yaml(LONG)));
        // The longest texts a deck allows, without a space, on the dashboard too (a full run found the table 4,500 px
        // wide from another test's talk of 300 × 👩🏽‍💻).
        importer.importDeck("layout-wide-" + UUID.randomUUID() + ".md", "---\ntitle: '" + "👩🏽‍💻".repeat(300)
                + "'\nspeaker: '" + "Ø".repeat(200) + "'\n---\n\n# " + "W".repeat(400) + "\n");
        TestTalks.open(talk, "layout-vaerdi");
        // Q&A questions as an audience writes them, so the talk page's Q&A table is checked too (a re-trial found it
        // wider than its card at 1280, cutting the time column).
        for (int i = 0; i < 3; i++) {
            dk.afstemning.qa.QaTalks.ask(talk.joinCode, TestTalks.join(talk.joinCode), "Hvordan har I konkret målt, om"
                    + " tilliden mellem ledelse og medarbejdere er vokset i forsøgsperioden, og hvad overraskede jer? "
                    + i, "Mette fra Aarhus", "layout-q" + i).statusCode(200);
        }
        List<Integer> options = given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract()
                .path("polls[0].options.id");
        for (int i = 0; i < 5; i++) {
            given().cookie("afstemning_pid", TestTalks.join(talk.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("optionId", options.get(i % 3))).post("/api/talks/{c}/polls/layout-vaerdi/votes",
                            talk.joinCode).then().statusCode(200);
        }
        String presenter = TestLogins.presenter(accounts, talk);

        List<String> organiserPages = List.of("/organiser", "/organiser/talks/" + talk.id,
                "/organiser/questions", "/organiser/questions/layout-vaerdi", "/organiser/accounts",
                "/organiser/talks/" + talk.joinCode + "/deck", "/account/password", "/organiser/talks/999999999");
        List<String> presenterPages = List.of("/my-talks", "/my-talks/" + talk.joinCode + "/results",
                "/my-talks/ZZZZZZ/results");
        List<String> faults = new ArrayList<>();
        for (String size : List.of("desktop", "phone")) {
            WebDriver organiser = browser("layout-organiser-" + size, size);
            logIn(organiser, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
            WebDriver own = browser("layout-presenter-" + size, size);
            logIn(own, presenter, "presenter-password");
            for (String lang : List.of("da", "en")) {
                for (String page : organiserPages) {
                    faults.addAll(check(organiser, page, lang, size));
                }
                for (String page : presenterPages) {
                    faults.addAll(check(own, page, lang, size));
                }
            }
        }
        assertThat(faults).as("pages that scroll sideways or cut an element off").isEmpty();
    }

    /** A 1280×720 desktop or a 390×844 phone. */
    private WebDriver browser(String name, String size) {
        if (size.equals("desktop")) {
            return chromium.screen(name, 1280, 720);
        }
        return chromium.browser(name, options -> options.setExperimentalOption("mobileEmulation", Map.of(
                "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true))));
    }

    /** Opens the page in the language, waits for it (and its charts), and gives what scrolls or is cut off. */
    private List<String> check(WebDriver browser, String path, String lang, String size) {
        browser.get(chromium.url(path + "?lang=" + lang));
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> Boolean.TRUE.equals(js(b).executeScript(
                "return document.readyState === 'complete' && !!document.querySelector('main, h1')")));
        if (!browser.findElements(By.cssSelector("canvas.results-chart, #question-chart")).isEmpty()) {
            new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> Boolean.TRUE.equals(js(b).executeScript(
                    "return [...document.querySelectorAll('canvas.results-chart, #question-chart')].every(c =>"
                            + " window.Chart && Chart.getChart(c))")));
        }
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(path).startsWith(lang);
        List<String> faults = new ArrayList<>();
        String where = size + " " + lang + " " + path + ": ";
        // Against the device's width as well as innerWidth: a phone zooms out to show a page wider than itself, and
        // then innerWidth grows with the page.
        int width = ((Number) js(browser).executeScript("return Math.min(window.innerWidth,"
                + " document.documentElement.clientWidth)")).intValue();
        int page = ((Number) js(browser).executeScript("return document.documentElement.scrollWidth")).intValue();
        int device = size.equals("phone") ? 390 : 1280;
        if (page > width || page > device) {
            faults.add(where + "scrolls sideways: " + page + " px wide in " + Math.min(width, device) + " px");
        }
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) js(browser).executeScript(CUT_OFF);
        cut.forEach(c -> faults.add(where + c));
        if (size.equals("desktop")) {
            // At 1280 px a table fits the page: its scroll box (kept for phones) has nothing to scroll.
            @SuppressWarnings("unchecked")
            List<String> scrolled = (List<String>) js(browser).executeScript("return [...document.querySelectorAll("
                    + "'.table-scroll')].filter(e => e.scrollWidth > e.clientWidth + 1)"
                    + ".map(e => 'table scrolls: ' + e.scrollWidth + ' > ' + e.clientWidth)");
            scrolled.forEach(c -> faults.add(where + c));
        }
        // A long option label is drawn on several lines of at most 32 characters, not clipped at the axis.
        @SuppressWarnings("unchecked")
        List<Object> labels = (List<Object>) js(browser).executeScript(
                "const c = document.querySelector('canvas.results-chart, #question-chart');"
                        + " return c && window.Chart ? Chart.getChart(c).data.labels : null;");
        if (labels != null) {
            for (Object label : labels) {
                List<?> lines = label instanceof List<?> l ? l : List.of(label);
                lines.forEach(line -> {
                    if (String.valueOf(line).length() > 32) {
                        faults.add(where + "chart label line longer than 32: " + line);
                    }
                });
            }
        }
        fullPage(browser, "layout-" + size + "-" + lang + path.replaceAll("[^A-Za-z0-9]+", "-"));
        return faults;
    }

    private void logIn(WebDriver browser, String user, String password) {
        browser.get(chromium.url("/login"));
        WebElement name = new WebDriverWait(browser, Chromium.TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
        name.sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> !b.getCurrentUrl().contains("j_security_check")
                && !b.getCurrentUrl().contains("/login"));
    }

    /**
     * The page as a PNG beyond the viewport, to look at, at most 6,000 px tall: in a full run the dashboard lists every
     * talk the suite made, and Chrome refuses a larger capture ("Page is too large").
     */
    private static void fullPage(WebDriver browser, String name) {
        Number width = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width.intValue(),
                "height", Math.min(height.intValue(), 6000), "scale", 1);
        Map<String, Object> shot = ((ChromeDriver) browser).executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(Chromium.SCREENSHOTS);
            Files.write(Chromium.SCREENSHOTS.resolve(name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
