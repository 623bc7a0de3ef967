package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URL;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.web.AuditedPages.AuditedPage;
import dk.afstemning.web.Chromium.Size;

/**
 * axe-core audits of every page in {@link AuditedPages}, in Danish and English, on a phone (360×640) and a projector
 * (1280×720): no serious or critical WCAG 2.2 A/AA violation, the page speaks the chosen language, and nothing
 * scrolls sideways ({@code document.documentElement.scrollWidth <= innerWidth}). Saves a screenshot of each as
 * {@code target/screenshots/<page>-<lang>-<size>.png}.
 */
@QuarkusTest
class AccessibilityAuditTest {

    static final List<String> LANGUAGES = List.of("en", "da");

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("AccessibilityAuditTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @TestFactory
    Stream<DynamicTest> everyPagePassesAxeInBothLanguagesOnPhoneAndProjector() {
        Map<Size, WebDriver> browsers = new EnumMap<>(Size.class);
        return AuditedPages.ALL.stream().flatMap(page -> LANGUAGES.stream().flatMap(lang -> Stream.of(Size.values())
                .map(size -> dynamicTest(page.name() + "-" + lang + "-" + size.label(), () -> audit(page, lang,
                        browsers.computeIfAbsent(size, s -> chromium.of(s, "audit-browser-" + s.label())), size)))));
    }

    private void audit(AuditedPage page, String lang, WebDriver browser, Size size) {
        Talk talk = TestTalks.create(importer);
        if (page.organiser()) {
            logIn(browser);
        }
        browser.get(chromium.url(AuditedPages.withLang(page.prepare().apply(talk), lang)));
        page.ready().accept(browser);
        check(browser, page.name(), lang, size);
    }

    /** Logs the browser in as the test organiser with the login form (again, if it already is). */
    private void logIn(WebDriver browser) {
        browser.get(chromium.url("/login"));
        browser.findElement(By.id("j_username")).sendKeys(TestLogins.ADMIN);
        browser.findElement(By.id("j_password")).sendKeys(TestLogins.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        // Wait for the landing page itself: the form posts to /j_security_check, whose URL is no longer /login while
        // its redirect is still under way, and a navigation started then would abort the next page's screenshot.
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> b.getCurrentUrl().endsWith("/organiser")
                && "complete".equals(Chromium.js(b).executeScript("return document.readyState")));
    }

    /**
     * Checks the page the browser shows: saves its screenshot as {@code <page>-<lang>-<size>.png}, then asserts its
     * language, that it does not scroll sideways, and that axe-core finds no serious or critical violation.
     */
    static void check(WebDriver browser, String page, String lang, Size size) {
        String name = page + "-" + lang + "-" + size.label();
        Chromium.screenshot(browser, name);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as("language of " + name)
                .isEqualTo(lang);
        // No page scrolls sideways, at either size: not the participant's on a 360 px phone, and not the presenter's
        // on a projector or a phone (a table or badge wider than the screen once made both scroll).
        assertThat(Chromium.sidewaysOverflow(browser)).as("page width beyond the window of " + name)
                .isLessThanOrEqualTo(0);
        Axe.assertNoSeriousViolations(browser, name);
    }
}
