package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static io.restassured.RestAssured.given;

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

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Issue 21, item 16: screen readers hear a vote on a multiple choice and on a scale (the polite live region says what
 * was received), and hear a poll close, on the phone and on the audience screen.
 */
@QuarkusTest
class BrowserAnnouncementsTest {

    private static final String DECK = """
            ---
            title: Oplæsning
            lang: da
            ---

            ## Flere

            ```poll
            id: m
            type: multiple
            question: Hvilke bruger I?
            options: [Tillid, Tid, Tavlen]
            ```

            ---

            ## Skala

            ```poll
            id: s
            type: scale
            question: Hvor enig er du?
            ```
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserAnnouncementsTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void votesOnMultipleAndScaleAndClosingAreAnnouncedOnPhoneAndScreen() {
        Talk talk = importer.importDeck("announce-" + UUID.randomUUID() + ".md", DECK);
        for (String poll : List.of("m", "s")) {
            presenter(talk, "post", "/polls/" + poll + "/open", null);
        }
        presenter(talk, "put", "/show", Map.of("slide", 1));
        WebDriver phone = chromium.phone("announce-phone", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        By phoneRegion = By.cssSelector("p.announcer[role=status]");

        By picks = By.cssSelector(".poll[data-poll-id='m'] button.pick");
        phone.findElements(picks).get(0).click();
        phone.findElements(picks).get(2).click();
        phone.findElement(By.cssSelector(".poll[data-poll-id='m'] button.submit")).click();
        awaitText(phone, phoneRegion, "Din stemme er modtaget: Tillid, Tavlen");

        presenter(talk, "put", "/show", Map.of("slide", 2));
        By four = By.cssSelector(".poll[data-poll-id='s'] button.point[data-value='4']");
        Chromium.await(phone, Chromium.TIMEOUT, "point 4 shown", b -> b.findElement(four).isDisplayed(), true);
        phone.findElement(four).click();
        awaitText(phone, phoneRegion, "Din stemme er modtaget: 4");

        WebDriver screen = chromium.projector("announce-screen");
        screen.get(chromium.url("/present/" + talk.joinCode + "?lang=da"));
        awaitLive(screen);
        presenter(talk, "post", "/polls/s/close", null);
        awaitText(phone, phoneRegion, "Afstemningen er lukket: Hvor enig er du?");
        awaitText(screen, By.cssSelector("p.announcer-closed[role=status]"), "Afstemningen er lukket: Hvor enig er du?");
    }

    private static void presenter(Talk talk, String method, String path, Object body) {
        var request = given().header("X-Presenter-Key", talk.presenterKey);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.request(method, "/api/talks/{c}" + path, talk.joinCode).then().statusCode(200);
    }
}
