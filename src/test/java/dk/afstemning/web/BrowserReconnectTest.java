package dk.afstemning.web;

import static dk.afstemning.web.Chromium.await;
import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Field case F2 in a real headless Chromium: the participant page loses its connection (the browser is put offline
 * through the DevTools protocol), shows that it is reconnecting, and a tap made meanwhile is delivered exactly once
 * when the network returns, and confirmed on the page. Screenshots go to {@code target/screenshots/reconnect-*.png}.
 */
@QuarkusTest
class BrowserReconnectTest {

    private static final String DECK = """
            ---
            title: Genforbindelse
            lang: da
            ---

            ## Afstemning

            ```poll
            id: f2
            question: Hvad får du mest værdi ud af?
            options:
              - Forskningsmæssig viden
              - Praktiske erfaringer
              - Ved ikke
            ```
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserReconnectTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void f2_aVoteTappedWhileOfflineIsDeliveredOnceWhenTheNetworkReturnsAndThePageConfirmsIt() {
        Talk talk = importer.importDeck("browser-reconnect-" + UUID.randomUUID() + ".md", DECK);
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/f2/open", talk.joinCode)
                .then().statusCode(200);
        WebDriver phone = chromium.phone("reconnect-phone", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        WebElement banner = phone.findElement(By.cssSelector(".offline"));
        assertThat(banner.isDisplayed()).isFalse();

        // The network goes away: the page notices and says it is reconnecting.
        network(phone, false);
        await(phone, Chromium.TIMEOUT, "live state of the page",
                b -> b.findElement(By.tagName("body")).getAttribute("data-live"), "offline");
        await(phone, Chromium.TIMEOUT, "reconnecting banner shown", b -> banner.isDisplayed(), true);
        assertThat(banner.getText()).isEqualTo("Forbindelsen er afbrudt – prøver igen …");

        // P1 taps B while offline: the page marks it, confirms nothing yet, and nothing reaches the server.
        List<WebElement> options = options(phone);
        String b = options.get(1).getAttribute("data-option-id");
        options.get(1).click();
        assertThat(options(phone)).extracting(o -> o.getAttribute("aria-pressed"))
                .containsExactly("false", "true", "false");
        sleep(Duration.ofMillis(1500));
        assertThat(confirmation(phone)).isEmpty();
        assertThat(banner.isDisplayed()).isTrue();
        assertThat(total(talk)).as("stored votes while the phone is offline").isZero();
        screenshot(phone, "reconnect-phone-offline");

        // The network returns: the page reconnects by itself, sends the queued vote and confirms it.
        network(phone, true);
        awaitLive(phone);
        awaitText(phone, By.cssSelector("section.poll .confirmation"), "Din stemme er modtaget");
        await(phone, Chromium.TIMEOUT, "reconnecting banner shown", x -> banner.isDisplayed(), false);
        assertThat(options(phone)).extracting(o -> o.getAttribute("aria-pressed"))
                .containsExactly("false", "true", "false");

        // Exactly once, and still once a moment later (no late resend counts again).
        assertThat(counts(talk)).containsExactly(0, 1, 0);
        sleep(Duration.ofSeconds(1));
        assertThat(counts(talk)).containsExactly(0, 1, 0);
        assertThat(total(talk)).isEqualTo(1);

        // A reload shows the same vote, from the server.
        phone.navigate().refresh();
        awaitLive(phone);
        assertThat(options(phone)).extracting(o -> o.getAttribute("data-option-id") + "=" + o.getAttribute("aria-pressed"))
                .contains(b + "=true");
        assertThat(confirmation(phone)).isEqualTo("Din stemme er modtaget");
    }

    /** Puts the browser offline or back online with Chrome's DevTools network emulation. */
    private static void network(WebDriver browser, boolean online) {
        Chromium.network(browser, !online, 0, -1);
    }

    private static List<WebElement> options(WebDriver phone) {
        return phone.findElements(By.cssSelector("section.poll:not([hidden]) button.option"));
    }

    private static String confirmation(WebDriver phone) {
        return phone.findElement(By.cssSelector("section.poll .confirmation")).getText();
    }

    private static List<Integer> counts(Talk talk) {
        return given().get("/api/talks/{c}/polls/f2/results", talk.joinCode).then().statusCode(200).extract()
                .path("counts.count");
    }

    private static int total(Talk talk) {
        return given().get("/api/talks/{c}/polls/f2/results", talk.joinCode).then().statusCode(200).extract()
                .path("total");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
