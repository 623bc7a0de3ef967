package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * The README's reveal.js deck, as it stands, with reveal.js from the npm registry (fetched by the build into
 * {@code target/reveal.js}), served by another site on 127.0.0.1 that {@code afstemning.frame-ancestors} names
 * ({@link EmbedHosts}), in headless Chromium with a real participant socket: reveal.js's moves drive the phones (the
 * poll's section to the poll, which opens on arrival; any other section to the talk's first slide), and a phone's vote
 * shows in the poll's frame. Screenshot in {@code target/screenshots/reveal-deck.png}.
 */
@QuarkusTest
@TestProfile(EmbedHosts.class)
class BrowserRevealTest {

    private static final Path REVEAL = Path.of("target", "reveal.js", "package");
    private static final Pattern CDN = Pattern.compile("https://cdn\\.jsdelivr\\.net/npm/reveal\\.js@([0-9.]+)/dist/");

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;
    private HostSite site;

    @BeforeEach
    void start() {
        chromium = new Chromium("BrowserRevealTest", baseUrl);
        chromium.require();
        site = new HostSite(EmbedHosts.ALLOWED_PORT, REVEAL.resolve("dist"));
    }

    @AfterEach
    void stop() {
        chromium.quitAll();
        site.close();
    }

    @Test
    void theReadmeDeckMovesThePhonesAndShowsTheirVotes() throws Exception {
        Talk talk = importer.importDeck("browser-reveal-" + UUID.randomUUID() + ".md", BrowserEmbedTest.DECK);
        TestTalks.presenter(talk, "put", "/show", "{\"slide\":3}");
        String token = TestTalks.join(talk.joinCode);
        try (SocketClient phone = SocketClient.participant(URI.create(baseUrl.toString()), talk.joinCode, token)) {
            assertThat(phone.next("state").path("show").path("slide").asInt()).isEqualTo(3);

            WebDriver browser = chromium.projector("reveal-deck");
            browser.get(site.page("/deck.html", readmeDeck(talk)));
            // The title section has no poll: the phones go to the talk's first slide, where they wait.
            assertThat(phone.next("slide").path("slide").asInt()).isEqualTo(1);

            js(browser).executeScript("Reveal.slide(2)");
            BrowserEmbedTest.assertPhoneAtTheOpenedPoll(phone);

            int option = TestTalks.optionIds(talk.joinCode).get(1);
            BrowserEmbedTest.voteOnPhone(phone, option);
            new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                    By.cssSelector("section[data-afstemning-poll='afstemning'] iframe.afstemning-poll")));
            awaitText(browser, By.cssSelector(".bar-row[data-option-id='" + option + "'] .count"), "1");
            assertThat(browser.findElement(By.cssSelector(".question")).getText())
                    .isEqualTo("Hvad får du mest værdi ud af?");
            browser.switchTo().defaultContent();
            screenshot(browser, "reveal-deck");

            // A click on the poll leaves the keys with reveal.js: → goes on to the last section, the phones wait.
            new Actions(browser).moveToElement(browser.findElement(By.cssSelector("iframe.afstemning-poll"))).click()
                    .sendKeys(Keys.ARROW_RIGHT).perform();
            assertThat(phone.next("slide").path("slide").asInt()).isEqualTo(1);
            assertThat(js(browser).executeScript("return Reveal.getIndices().h")).isEqualTo(3L);
            // Back to the poll: the phones show it again; it stays open (it opens on the first arrival only).
            js(browser).executeScript("Reveal.slide(2)");
            assertThat(phone.next("slide").path("slide").asInt()).isEqualTo(2);
        }
    }

    @Test
    void withoutTheKeyTheDeckShowsLiveResultsAndMovesNothing() throws Exception {
        Talk talk = importer.importDeck("browser-reveal-" + UUID.randomUUID() + ".md", BrowserEmbedTest.DECK);
        TestTalks.presenter(talk, "put", "/show", "{\"slide\":3}");
        TestTalks.open(talk, "afstemning");
        WebDriver browser = chromium.projector("reveal-deck-read-only");
        browser.get(site.page("/deck.html", readmeDeck(talk).replace(", key: '" + talk.presenterKey + "'", "")));
        js(browser).executeScript("Reveal.slide(2)");
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(
                By.cssSelector("section[data-afstemning-poll='afstemning'] iframe.afstemning-poll")));
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-key")).isNull();
        int option = TestTalks.optionIds(talk.joinCode).get(0);
        BrowserEmbedTest.vote(talk, TestTalks.join(talk.joinCode), option);
        awaitText(browser, By.cssSelector(".bar-row[data-option-id='" + option + "'] .count"), "1");
        // The frame heard reveal.js's moves (title section, then the poll) and stayed read-only.
        assertThat(BrowserEmbedTest.showSlide(talk)).isEqualTo(3);
    }

    /** The README's example deck with this app's address, the talk's code and key, and reveal.js from the build. */
    private String readmeDeck(Talk talk) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```html\n(<!doctype html>.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("README's reveal.js deck").isTrue();
        String deck = block.group(1);
        Matcher cdn = CDN.matcher(deck);
        assertThat(cdn.find()).isTrue();
        // The deck names the reveal.js version the build tests it with.
        assertThat(Files.readString(REVEAL.resolve("package.json"))).contains("\"version\": \"" + cdn.group(1) + "\"");
        String app = baseUrl.toString().replaceAll("/$", "");
        return CDN.matcher(deck).replaceAll("/files/").replace("http://192.168.1.20:8080", app)
                .replace("'HTPDDW'", "'" + talk.joinCode + "'").replace("'PRESENTER-KEY'", "'" + talk.presenterKey + "'");
    }
}
