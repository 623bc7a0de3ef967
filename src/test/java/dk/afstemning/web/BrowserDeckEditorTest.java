package dk.afstemning.web;

import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.TestPdfs;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * Issue 17's deck editor in headless Chromium at 1280×720, phone-free: a PDF made by the tests uploaded on the
 * dashboard, the seed's Afstemning poll added after page 7 and moved up, presented (the audience screen shows the poll
 * slide where the editor put it), the deck downloaded as its zip and uploaded again as a new talk with the same slides
 * and polls. Screenshots go to {@code target/screenshots/deck-editor-*.png}.
 */
@QuarkusTest
class BrowserDeckEditorTest {

    private static final String QUESTION = "Hvad får du mest værdi ud af?";
    private static final String OPTION_1 = "Jeg får mest værdi ud af den forskningsmæssige viden.";
    private static final String OPTION_2 = "Jeg får mest værdi ud af de praktisk baserede erfaringer fra frikommunerne.";

    @TestHTTPResource("/")
    URL baseUrl;

    private Chromium chromium;
    private Path folder;

    @BeforeEach
    void requireChromium() throws IOException {
        chromium = new Chromium("BrowserDeckEditorTest", baseUrl);
        chromium.require();
        folder = Files.createTempDirectory("afstemning-editor-");
    }

    @AfterEach
    void quitBrowsers() throws IOException {
        chromium.quitAll();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aSpeakerAddsTheAfstemningPollToAPdfPresentsItAndUploadsTheDownloadedDeckAgain() throws IOException {
        Path pdf = Files.write(folder.resolve("frikommuner.pdf"), TestPdfs.deck(8));
        WebDriver desktop = chromium.projector("deck-editor");
        desktop.get(chromium.url("/organiser?lang=en"));
        logIn(desktop);
        String code = upload(desktop, pdf);
        String presenter = desktop.findElement(By.cssSelector("section.upload .presenter-link")).getText();

        desktop.get(chromium.url("/organiser/talks/" + code + "/deck?lang=en"));
        assertThat(titles(desktop)).hasSize(8);
        click(desktop, By.cssSelector("#slide-7 a.add-poll"));
        WebElement form = visible(desktop, By.id("poll-form"));
        assertThat(form.findElement(By.tagName("h3")).getText()).isEqualTo("New poll after slide 7");
        // A choice poll shows options and no scale or quiz fields.
        assertThat(form.findElement(By.cssSelector("[data-key=options]")).isDisplayed()).isTrue();
        assertThat(form.findElement(By.cssSelector("[data-key=low]")).isDisplayed()).isFalse();
        form.findElement(By.name("id")).sendKeys("afstemning");
        form.findElement(By.name("question")).sendKeys(QUESTION);
        List<WebElement> options = form.findElements(By.name("option"));
        options.get(0).sendKeys(OPTION_1);
        options.get(1).sendKeys(OPTION_2);
        screenshot(desktop, "deck-editor-form");
        form.findElement(By.cssSelector("button.save-poll")).click();
        WebElement poll = visible(desktop, By.cssSelector("#slide-8.poll"));
        assertThat(poll.findElement(By.cssSelector(".editor-slide-title")).getText()).isEqualTo("8 " + QUESTION);

        click(desktop, By.cssSelector("#slide-8 button.move-up"));
        visible(desktop, By.cssSelector("#slide-7.poll"));
        List<String> expected = List.of(TestPdfs.title(1), TestPdfs.title(2), TestPdfs.title(3), TestPdfs.title(4),
                TestPdfs.title(5), TestPdfs.title(6), QUESTION, TestPdfs.title(7), TestPdfs.title(8));
        assertThat(titles(desktop)).containsExactlyElementsOf(expected.stream().map(t -> t).toList());
        screenshot(desktop, "deck-editor-slides");

        // Presented: the audience screen shows the poll on slide 7, with the seed's options.
        String key = presenter.substring(presenter.indexOf("key=") + 4);
        given().contentType("application/json").header("X-Presenter-Key", key).body("{\"slide\":7}")
                .put("/api/talks/{c}/show", code).then().statusCode(200);
        WebDriver screen = chromium.projector("deck-editor-screen");
        screen.get(presenter);
        new WebDriverWait(screen, Chromium.TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("section.slide.poll-slide[data-slide='7']:not([hidden]) .poll[data-poll-id]")));
        assertThat(js(screen).executeScript("return [...document.querySelectorAll('section.slide.poll-slide')]"
                + ".map(s => s.dataset.slide).join(',')")).isEqualTo("7");
        assertThat(js(screen).executeScript("return [...document.querySelectorAll("
                + "\"section.slide[data-slide='7'] .hidden-options li\")].map(l => l.textContent).join('|')"))
                .isEqualTo(OPTION_1 + "|" + OPTION_2);
        screenshot(screen, "deck-editor-screen");

        // The download, fetched by the page as the link would, and uploaded again on the dashboard.
        String zip = (String) js(desktop).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(document.querySelector('a.download-link').href).then(r => r.arrayBuffer()).then(b => {"
                + " let s = ''; new Uint8Array(b).forEach(c => s += String.fromCharCode(c)); done(btoa(s)); })");
        Path downloaded = Files.write(folder.resolve("frikommuner.zip"), Base64.getDecoder().decode(zip));
        desktop.get(chromium.url("/organiser?lang=en"));
        String again = upload(desktop, downloaded);
        assertThat(again).isNotEqualTo(code);
        assertThat(slides(again)).containsExactlyElementsOf(slides(code));
        desktop.get(chromium.url("/organiser/talks/" + again + "/deck?lang=en"));
        assertThat(titles(desktop)).containsExactlyElementsOf(expected);
        screenshot(desktop, "deck-editor-uploaded-again");
    }

    /** Each slide of a talk as "title | poll id | notes". */
    private static List<String> slides(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Slide.listByTalk(Talk.findByJoinCode(code).orElseThrow())
                .stream().map(s -> s.title + " | " + s.pollKey + " | " + s.notes).toList());
    }

    /** The editor's slide titles, without their numbers. */
    private static List<String> titles(WebDriver browser) {
        return browser.findElements(By.cssSelector(".editor-slide-title")).stream()
                .map(e -> e.getText().replaceFirst("^\\d+ ", "")).toList();
    }

    private static WebElement visible(WebDriver browser, By locator) {
        return new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static void click(WebDriver browser, By locator) {
        WebElement element = new WebDriverWait(browser, Chromium.TIMEOUT)
                .until(ExpectedConditions.presenceOfElementLocated(locator));
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    private static String upload(WebDriver browser, Path file) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("li.deck-card")));
        browser.findElement(By.id("deck-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector(".upload-form button[type=submit]")).click();
        return visible(browser, By.cssSelector("section.upload .created-code")).getText();
    }

    /** Logs in as the admin on the login page the browser was sent to (BrowserMarpTest too). */
    static void logIn(WebDriver browser) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys(TestLogins.ADMIN);
        browser.findElement(By.id("j_password")).sendKeys(TestLogins.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> !b.getCurrentUrl().contains("j_security_check")
                && !b.getCurrentUrl().contains("/login")
                && "complete".equals(js(b).executeScript("return document.readyState")));
    }
}
