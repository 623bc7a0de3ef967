package dk.afstemning.web;

import static dk.afstemning.web.Chromium.await;
import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Issue 21, item 12: what a participant has filled in but not sent (a ticked box beside a sent answer, a moved slider,
 * a typed word) survives a dropped connection: the state message of the reconnect leaves it alone.
 */
@QuarkusTest
class BrowserUnsentInputTest {

    private static final String DECK = """
            ---
            title: Ufærdige svar
            lang: da
            ---

            ## Flere

            ```poll
            id: m
            type: multiple
            question: Hvilke?
            options: [A, B, C]
            ```

            ---

            ## Glider

            ```poll
            id: s
            type: slider
            question: Hvor meget?
            low: Lidt
            high: Meget
            ```

            ---

            ## Ord

            ```poll
            id: w
            type: wordcloud
            question: Et ord?
            ```

            ---

            # Slut
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserUnsentInputTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void unsentInputSurvivesTheStateMessageOfAReconnect() {
        Talk talk = importer.importDeck("unsent-" + UUID.randomUUID() + ".md", DECK);
        for (String poll : List.of("m", "s", "w")) {
            given().header("X-Presenter-Key", talk.presenterKey)
                    .post("/api/talks/{c}/polls/{p}/open", talk.joinCode, poll).then().statusCode(200);
        }
        WebDriver phone = chromium.phone("unsent-phone", "da");
        goTo(talk, 1);
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);

        // Multiple choice: A is sent and confirmed, then B is ticked and not sent.
        By picks = By.cssSelector(".poll[data-poll-id='m'] button.pick");
        phone.findElements(picks).get(0).click();
        phone.findElement(By.cssSelector(".poll[data-poll-id='m'] button.submit")).click();
        awaitText(phone, By.cssSelector(".poll[data-poll-id='m'] .confirmation"), "Din stemme er modtaget");
        phone.findElements(picks).get(1).click();

        // Slider moved from 50 to 53, not sent.
        goTo(talk, 2);
        By slider = By.cssSelector(".poll[data-poll-id='s'] .slider-input");
        await(phone, Chromium.TIMEOUT, "slider shown", b -> b.findElement(slider).isDisplayed(), true);
        phone.findElement(slider).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);

        // A word typed, not sent.
        goTo(talk, 3);
        By entry = By.cssSelector(".poll[data-poll-id='w'] .entry-input");
        await(phone, Chromium.TIMEOUT, "word field shown", b -> b.findElement(entry).isDisplayed(), true);
        phone.findElement(entry).sendKeys("kaffe");
        assertThat(unsent(phone, picks, slider, entry)).isEqualTo(List.of("true", "true", "false", "53", "kaffe"));

        // A 1.5 s network blip: the page reconnects and gets a state message (with A as its stored answer).
        Chromium.network(phone, true, 0, -1);
        await(phone, Chromium.TIMEOUT, "live state of the page",
                b -> b.findElement(By.tagName("body")).getAttribute("data-live"), "offline");
        Chromium.network(phone, false, 0, -1);
        awaitLive(phone);
        // The slide message comes after the reconnect's state message on the same socket: once the page shows slide
        // 4, the state message has been applied.
        goTo(talk, 4);
        await(phone, Chromium.TIMEOUT, "slide shown on the phone",
                b -> b.findElement(By.tagName("body")).getAttribute("data-slide"), "4");

        assertThat(unsent(phone, picks, slider, entry)).isEqualTo(List.of("true", "true", "false", "53", "kaffe"));
        assertThat(given().get("/api/talks/{c}/polls/m/results", talk.joinCode).then().extract()
                .<List<Integer>>path("counts.count")).containsExactly(1, 0, 0);
    }

    private static List<String> unsent(WebDriver phone, By picks, By slider, By entry) {
        List<String> values = new java.util.ArrayList<>(phone.findElements(picks).stream()
                .map(p -> p.getAttribute("aria-pressed")).toList());
        values.add(phone.findElement(slider).getDomProperty("value"));
        values.add(phone.findElement(entry).getDomProperty("value"));
        return values;
    }

    private static void goTo(Talk talk, int slide) {
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body(Map.of("slide", slide)).put("/api/talks/{c}/show", talk.joinCode).then().statusCode(200);
    }
}
