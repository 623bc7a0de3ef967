package dk.afstemning.web;

import static dk.afstemning.web.Chromium.await;
import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
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

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.reaction.ReactionRoom;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Reactions and the phone between questions in headless Chromium: 200 reactions from 50 phones float up on the
 * audience screen (1280×720) within the cap and end in the right counts; with reduced motion nothing floats; the phone's
 * waiting screen (390×844, light and dark) shows the talk's and the slide's title, the reaction bar and the way to ask,
 * every button styled. Screenshots: {@code target/screenshots/reactions-*.png} and {@code phone-waiting-*.png}.
 */
@QuarkusTest
class BrowserReactionsTest {

    private static final List<String> KINDS = ReactionRoom.KINDS;

    private static final String DECK = """
            ---
            title: Reaktioner i salen
            lang: da
            qa: on
            ---

            # Velkommen til workshoppen

            Hej

            ---

            ## Hvad tænker I?

            ```poll
            id: raad
            type: ranking
            question: Sæt rådene i rækkefølge.
            options:
              - Først
              - Så
            ```

            ---

            ## Quiz

            ```poll
            id: quiz
            type: quiz
            question: Hvor mange?
            correct: '9'
            options:
              - '5'
              - '9'
            ```
            """;

    /** Counts the floating emoji after every change of the overlay, keeping the most seen at once. */
    private static final String SAMPLER = """
            window.__maxFloating = 0;
            const layer = document.querySelector('.reaction-floats');
            new MutationObserver(() => {
              window.__maxFloating = Math.max(window.__maxFloating, layer.childElementCount);
            }).observe(layer, { childList: true });
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserReactionsTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    private Talk importDeck() {
        return importer.importDeck("reactions-browser-" + UUID.randomUUID() + ".md", DECK);
    }

    private WebDriver phone(String name, int width, int height, boolean dark) {
        ChromeDriver phone = (ChromeDriver) chromium.browser(name, options -> {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "da"));
        });
        if (dark) {
            phone.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        }
        return phone;
    }

    @Test
    void twoHundredReactionsFloatUpWithinTheCapAndEndInTheRightCounts() throws Exception {
        Talk talk = importDeck();
        TalkFixture fixture = TalkFixture.of(talk, baseUrl.toURI());
        WebDriver screen = chromium.projector("reactions-screen-counts");
        screen.get(chromium.url("/present/" + talk.joinCode));
        awaitLive(screen);
        js(screen).executeScript(SAMPLER);
        ChromeDriver still = (ChromeDriver) chromium.projector("reactions-screen-reduced-motion-end");
        still.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
        still.get(chromium.url("/present/" + talk.joinCode));
        awaitLive(still);
        js(still).executeScript(SAMPLER);
        assertThat(screen.findElement(By.cssSelector(".reaction-overlay")).isDisplayed()).isFalse();

        List<SocketClient> phones = new ArrayList<>();
        try {
            phones = ReactionRoom.phones(fixture, 50);
            ReactionRoom.tapFourEach(phones);
            screenshot(screen, "reactions-screen-burst");
        } finally {
            phones.forEach(SocketClient::close);
        }

        await(screen, Duration.ofSeconds(5), "the total", b -> js(b).executeScript(
                "return document.querySelector('.reaction-total').textContent"), "200");
        for (String kind : KINDS) {
            assertThat(screen.findElement(By.cssSelector(".reaction-count[data-reaction='" + kind + "'] .n"))
                    .getText()).as(kind).isEqualTo("40");
        }
        assertThat(screen.findElement(By.cssSelector(".reaction-overlay")).isDisplayed()).isTrue();
        long most = ((Number) js(screen).executeScript("return window.__maxFloating")).longValue();
        assertThat(most).as("most floating emoji at once").isBetween(8L, 24L);
        // They land and are gone: no wall of emoji stays on the slide.
        await(screen, Duration.ofSeconds(6), "floating emoji left", b -> ((Number) js(b).executeScript(
                "return document.querySelectorAll('.reaction-float').length")).longValue(), 0L);

        await(still, Duration.ofSeconds(5), "the total with reduced motion", b -> js(b).executeScript(
                "return document.querySelector('.reaction-total').textContent"), "200");
        assertThat(((Number) js(still).executeScript("return window.__maxFloating")).longValue()).isZero();
        screenshot(still, "reactions-screen-reduced-motion");
    }

    @Test
    void thePhoneBetweenQuestionsShowsTheTalkTheSlideReactionsAndTheWayToAskAllStyled() throws Exception {
        Talk talk = importDeck();
        TalkFixture fixture = TalkFixture.of(talk, baseUrl.toURI());
        for (boolean dark : List.of(false, true)) {
            String name = "phone-waiting-" + (dark ? "dark" : "light");
            WebDriver phone = phone(name + "-end", 390, 844, dark);
            phone.get(chromium.url("/t/" + talk.joinCode));
            awaitLive(phone);
            assertThat(phone.findElement(By.cssSelector(".talk-header h1")).getText()).isEqualTo("Reaktioner i salen");
            awaitText(phone, By.cssSelector("section.waiting .slide-title"), "Velkommen til workshoppen");
            assertThat(phone.findElement(By.cssSelector("section.waiting .qa-ask")).getText())
                    .isEqualTo("Stil et spørgsmål");
            List<WebElement> bar = phone.findElements(By.cssSelector(".reaction-bar button.reaction"));
            assertThat(bar).extracting(b -> b.getAttribute("data-reaction")).containsExactlyElementsOf(KINDS);
            assertThat(bar).allSatisfy(b -> assertThat(b.isDisplayed()).isTrue());
            assertStyled(phone);
            if (dark) {
                assertThat(phone.findElement(By.tagName("html")).getCssValue("background-color"))
                        .isEqualTo("rgba(18, 20, 24, 1)");
            }
            screenshot(phone, name);

            try (SocketClient screen = fixture.screen()) {
                screen.next("slide");
                bar.get(1).click();
                // A screen that connects after reactions gets the slide's totals first, with no new ones.
                JsonNode reactions = screen.next(m -> m.path("type").asText().equals("reactions")
                        && m.path("counts").path("heart").asLong() > 0);
                assertThat(reactions.path("counts").path("heart").asLong()).isEqualTo(1);
                assertThat(reactions.path("totals").path("heart").asLong()).isEqualTo(dark ? 2 : 1);
            }
            // The ask button opens the Q&A tab.
            phone.findElement(By.cssSelector("section.waiting .qa-ask")).click();
            assertThat(phone.findElement(By.id("qa")).isDisplayed()).isTrue();
            phone.findElement(By.cssSelector(".qa-back")).click();
        }

        // The slide's title follows the show; a poll slide shows its poll, the reaction bar stays.
        WebDriver phone = phone("phone-waiting-poll-end", 390, 844, false);
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body(Map.of("slide", 2))
                .when().put("/api/talks/{code}/show", talk.joinCode).then().statusCode(200);
        await(phone, Duration.ofSeconds(5), "the ranking shown", b -> b.findElement(
                By.cssSelector("section.poll[data-poll-id='raad']")).isDisplayed(), true);
        assertThat(phone.findElement(By.cssSelector(".slide-title")).getAttribute("textContent"))
                .isEqualTo("Hvad tænker I?");
        assertThat(phone.findElement(By.cssSelector(".reaction-bar")).isDisplayed()).isTrue();
        assertStyled(phone);
        screenshot(phone, "phone-waiting-poll-ranking");
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body(Map.of("slide", 3))
                .when().put("/api/talks/{code}/show", talk.joinCode).then().statusCode(200);
        await(phone, Duration.ofSeconds(5), "the quiz shown", b -> b.findElement(
                By.cssSelector("section.poll[data-poll-id='quiz']")).isDisplayed(), true);
        screenshot(phone, "phone-waiting-poll-quiz");
    }

    /**
     * Every button of the page, shown or not, has the phone's own look: not the browser's grey background or outset
     * border, and at least 44 px high.
     */
    @SuppressWarnings("unchecked")
    private static void assertStyled(WebDriver phone) {
        List<Map<String, Object>> buttons = (List<Map<String, Object>>) js(phone).executeScript("""
                return Array.from(document.querySelectorAll('button')).map((b) => {
                  const s = getComputedStyle(b);
                  return { name: b.className || b.textContent.trim(), background: s.backgroundColor,
                           border: s.borderTopStyle, minHeight: parseFloat(s.minHeight) || 0,
                           height: b.getBoundingClientRect().height, shown: b.offsetParent !== null };
                });
                """);
        assertThat(buttons).extracting(b -> b.get("name")).contains("qa-ask", "reaction", "up", "down", "qa-tab");
        assertThat(buttons).allSatisfy(b -> {
            assertThat(b.get("background")).as("background of %s", b.get("name")).isNotEqualTo("rgb(239, 239, 239)");
            assertThat(b.get("border")).as("border of %s", b.get("name")).isNotEqualTo("outset");
            assertThat(((Number) b.get("minHeight")).doubleValue()).as("min-height of %s", b.get("name"))
                    .isGreaterThanOrEqualTo(44);
        });
        assertThat(buttons).filteredOn(b -> Boolean.TRUE.equals(b.get("shown"))).allSatisfy(b -> assertThat(
                ((Number) b.get("height")).doubleValue()).as("height of %s", b.get("name")).isGreaterThanOrEqualTo(44));
    }
}
