package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.live.ParticipantSocket;
import dk.afstemning.talk.Talk;

/**
 * Accessibility in a real browser beyond the axe audits: voting by keyboard alone with a visible focus, option
 * buttons of at least 44×44 px, what the live regions say (exact texts in both languages, throttled on the presenter),
 * voting on a Slow 3G connection, and a phone that sleeps while its socket is closed. Screenshots go to
 * {@code target/screenshots/}.
 */
@QuarkusTest
class BrowserAccessibilityTest {

    /** Records every text put in the page's live region, with the time, for the throttle check. */
    private static final String RECORD_ANNOUNCEMENTS = """
            window.__said = [];
            const region = document.querySelector('.announcer');
            new MutationObserver(() => window.__said.push([region.textContent, performance.now()]))
              .observe(region, { childList: true, characterData: true, subtree: true });
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    @Inject
    OpenConnections connections;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserAccessibilityTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void aParticipantVotesWithTheKeyboardAloneAndSeesWhereTheFocusIs() {
        Talk talk = TestTalks.create(importer);
        AuditedPages.openOnScreen(talk);
        WebDriver browser = chromium.projector("keyboard-participant-en-projector");
        browser.get(chromium.url("/t/" + talk.joinCode + "?lang=en"));
        Chromium.awaitLive(browser);

        WebElement first = tabTo(browser, "Forskningsmæssig viden");
        assertThat(first.getCssValue("outline-style")).isEqualTo("solid");
        assertThat(first.getCssValue("outline-width")).isEqualTo("3px");
        assertThat(first.getCssValue("outline-color")).isEqualTo("rgba(154, 74, 0, 1)");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        Chromium.awaitText(browser, By.cssSelector("section.poll .confirmation"), "Your vote was received");
        assertThat(pressed(browser)).containsExactly("true", "false", "false");

        tabTo(browser, "Praktiske erfaringer");
        new Actions(browser).sendKeys(Keys.SPACE).perform();
        Chromium.await(browser, Chromium.TIMEOUT, "chosen options", BrowserAccessibilityTest::pressed,
                List.of("false", "true", "false"));
        Chromium.awaitText(browser, By.cssSelector(".announcer"), "Your vote was received: Praktiske erfaringer");
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 1, 0);
        Chromium.screenshot(browser, "keyboard-participant-en-projector");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            en | New question: Hvad mener du? | Your vote was received: Forskningsmæssig viden | Your vote | Votes so far: | 67% | 33%
            da | Nyt spørgsmål: Hvad mener du? | Din stemme er modtaget: Forskningsmæssig viden | Din stemme | Stemmer indtil nu: | 67 % | 33 %
            """)
    void liveRegionsSayTheNewPollAndTheVoteAndThePresenterCountsAtMostEveryFiveSeconds(String lang, String newPoll,
            String voted, String yourVote, String votesSoFar, String twoThirds, String oneThird) {
        Talk talk = TestTalks.create(importer);
        WebDriver phone = chromium.phone("live-region-participant-" + lang + "-phone", lang);
        phone.get(chromium.url("/t/" + talk.joinCode + "?lang=" + lang));
        Chromium.awaitLive(phone);
        assertThat(phone.findElement(By.cssSelector(".announcer")).getAttribute("textContent")).isEmpty();

        AuditedPages.openOnScreen(talk);
        awaitAnnouncement(phone, newPoll);
        for (WebElement option : options(phone)) {
            Rectangle r = option.getRect();
            assertThat(r.getWidth()).as("width of %s", option.getText()).isGreaterThanOrEqualTo(44);
            assertThat(r.getHeight()).as("height of %s", option.getText()).isGreaterThanOrEqualTo(44);
        }
        options(phone).get(0).click();
        awaitAnnouncement(phone, voted);
        // The choice is shown in words, not by colour alone.
        assertThat(Chromium.js(phone).executeScript("return getComputedStyle(arguments[0], '::after').content",
                options(phone).get(0))).isEqualTo("\"" + yourVote + "\" / \"\"");

        WebDriver projector = chromium.projector("live-region-presenter-" + lang + "-projector");
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey + "&lang=" + lang));
        Chromium.awaitLive(projector);
        Chromium.js(projector).executeScript(RECORD_ANNOUNCEMENTS);
        List<Integer> ids = TestTalks.optionIds(talk.joinCode);
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), ids.get(0), null).statusCode(200);
        awaitAnnouncement(projector, votesSoFar + " 2");
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), ids.get(1), null).statusCode(200);
        Chromium.awaitText(projector, By.cssSelector(".poll .total"), "3");
        awaitAnnouncement(projector, votesSoFar + " 3");
        @SuppressWarnings("unchecked")
        List<List<Object>> said = (List<List<Object>>) Chromium.js(projector).executeScript("return window.__said");
        assertThat(said).extracting(s -> s.get(0)).containsExactly(votesSoFar + " 2", votesSoFar + " 3");
        double gap = ((Number) said.get(1).get(1)).doubleValue() - ((Number) said.get(0).get(1)).doubleValue();
        assertThat(gap).as("milliseconds between two announcements").isGreaterThanOrEqualTo(4900);

        assertThat(projector.findElements(By.cssSelector(".bar-row .bar-line.now .percent"))).extracting(WebElement::getText)
                .containsExactly(twoThirds, oneThird, lang.equals("da") ? "0 %" : "0%");
        assertThat(projector.findElements(By.cssSelector(".results-table tbody tr")))
                .extracting(tr -> String.join(" | ", tr.findElements(By.cssSelector("th, td")).stream()
                        .map(cell -> cell.getAttribute("textContent").replace('\u00a0', ' ')).toList()))
                .containsExactly("Forskningsmæssig viden | 2 | " + twoThirds, "Praktiske erfaringer | 1 | " + oneThird,
                        "Ved ikke | 0 | " + (lang.equals("da") ? "0 %" : "0%"));
    }

    @Test
    void aPhoneOnSlow3gJoinsAndVotes() {
        Talk talk = TestTalks.create(importer);
        AuditedPages.openOnScreen(talk);
        WebDriver phone = chromium.phone("slow-3g-participant-da-phone", "da");
        Chromium.slow3g(phone);
        long start = System.nanoTime();
        phone.get(chromium.url("/t/" + talk.joinCode));
        Duration slow = Duration.ofSeconds(60);
        Chromium.await(phone, slow, "live socket", b -> b.findElement(By.tagName("body")).getAttribute("data-live"),
                "connected");
        System.out.printf("BrowserAccessibilityTest: participant page live on Slow 3G after %d ms%n",
                (System.nanoTime() - start) / 1_000_000);

        options(phone).get(2).click();

        Chromium.awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget", slow);
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 0, 1);
    }

    @Test
    void aPhoneThatSleptWhileItsSocketWasClosedCatchesUpWhenItWakes() {
        Talk talk = TestTalks.create(importer);
        WebDriver phone = chromium.phone("sleep-participant-da-phone", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        Chromium.awaitLive(phone);
        assertThat(phone.findElement(By.cssSelector(".waiting")).isDisplayed()).isTrue();
        ChromeDriver chrome = (ChromeDriver) phone;
        // A locked phone: the page is hidden and frozen (no timers run), and the server drops its socket.
        chrome.executeCdpCommand("Page.enable", Map.of());
        chrome.executeCdpCommand("Page.setWebLifecycleState", Map.of("state", "frozen"));
        closeParticipantSockets(talk);
        AuditedPages.openOnScreen(talk);

        chrome.executeCdpCommand("Page.setWebLifecycleState", Map.of("state", "active"));
        Chromium.js(phone).executeScript("document.dispatchEvent(new Event('visibilitychange'))");

        Chromium.awaitLive(phone);
        Chromium.await(phone, Chromium.TIMEOUT, "poll shown", b -> options(b).size(), 3);
        // A script's click: after a freeze, Chromium's input pipeline may stay paused for WebDriver's synthetic taps.
        Chromium.js(phone).executeScript("arguments[0].click()", options(phone).get(1));
        Chromium.awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 1, 0);
    }

    /** Presses Tab until the focused element is the option with this text (at most 20 times), and returns it. */
    private static WebElement tabTo(WebDriver browser, String text) {
        for (int i = 0; i < 20; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (focused.getText().equals(text) && "option".equals(focused.getAttribute("class"))) {
                return focused;
            }
        }
        throw new AssertionError("Tab never reached the option " + text);
    }

    private static List<String> pressed(WebDriver browser) {
        return options(browser).stream().map(b -> b.getAttribute("aria-pressed")).toList();
    }

    private static List<WebElement> options(WebDriver browser) {
        return browser.findElements(By.cssSelector("section.poll:not([hidden]) button.option"));
    }

    private static void awaitAnnouncement(WebDriver browser, String expected) {
        Chromium.await(browser, Chromium.TIMEOUT, "live region",
                b -> b.findElement(By.cssSelector(".announcer")).getAttribute("textContent"), expected);
    }

    private void closeParticipantSockets(Talk talk) {
        for (WebSocketConnection c : connections.findByEndpointId(ParticipantSocket.class.getName())) {
            if (talk.joinCode.equals(c.pathParam("code"))) {
                c.closeAndAwait();
            }
        }
    }
}
