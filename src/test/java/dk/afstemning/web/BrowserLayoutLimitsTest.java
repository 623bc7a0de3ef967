package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Issue 21, item 17: the longest texts a deck allows, a 300-character word and a long URL as options, wrap on a
 * 360 × 640 phone (the page is never wider than the window), and a label the screen cuts carries its full text.
 */
@QuarkusTest
class BrowserLayoutLimitsTest {

    private static final String WORD = "Frikommuneforsøgsledelse".repeat(12) + "x".repeat(12);
    private static final String URL_OPTION = "https://example.org/" + "frikommune/forsoeg/".repeat(14) + "slut";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserLayoutLimitsTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void aThreeHundredCharacterWordAndALongUrlWrapOnAPhoneAndCutLabelsKeepTheirText() {
        assertThat(WORD).hasSize(300);
        StringBuilder options = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            options.append("  - Mulighed nummer ").append(i).append(" med en lang forklaring om ledelse\n");
        }
        Talk talk = importer.importDeck("limits-" + UUID.randomUUID() + ".md", """
                ---
                title: Grænser
                lang: da
                ---

                ## Lange svar

                ```poll
                id: v
                question: Hvilket?
                options:
                  - %s
                  - %s
                %s```

                ---

                ## Flere

                ```poll
                id: m
                type: multiple
                question: Hvilke?
                options:
                  - %s
                  - %s
                  - Kort
                ```
                """.formatted(WORD, URL_OPTION, options, WORD, URL_OPTION));
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/v/open", talk.joinCode)
                .then().statusCode(200);
        WebDriver phone = chromium.phone("limits-phone", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        assertThat(phone.findElements(By.cssSelector("section.poll:not([hidden]) button.option"))).hasSize(12);
        assertThat(scrollWidth(phone)).as("page width at 360 px, choice").isLessThanOrEqualTo(360);
        screenshot(phone, "limits-phone-choice");

        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body(Map.of("slide", 2))
                .put("/api/talks/{c}/show", talk.joinCode).then().statusCode(200);
        Chromium.await(phone, Chromium.TIMEOUT, "slide on the phone",
                b -> b.findElement(By.tagName("body")).getAttribute("data-slide"), "2");
        assertThat(scrollWidth(phone)).as("page width at 360 px, multiple").isLessThanOrEqualTo(360);

        // On the screen, 12 options make the bars compact and cut labels with "…": each keeps its full text.
        WebDriver screen = chromium.projector("limits-screen");
        screen.get(chromium.url("/present/" + talk.joinCode));
        awaitLive(screen);
        List<WebElement> labels = screen.findElements(By.cssSelector(".poll[data-poll-id='v'] .bars .label"));
        assertThat(labels).hasSize(12);
        assertThat(labels.get(0).getAttribute("title")).isEqualTo(WORD);
        assertThat(labels.get(1).getAttribute("title")).isEqualTo(URL_OPTION);
    }

    private static long scrollWidth(WebDriver browser) {
        return ((Number) js(browser).executeScript("return document.documentElement.scrollWidth")).longValue();
    }
}
