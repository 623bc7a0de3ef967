package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;

/**
 * The embed view in headless Chromium, framed by pages of other sites on 127.0.0.1: the one named by
 * {@code afstemning.frame-ancestors} ({@link EmbedHosts}) shows it live, another gets a blocked frame; without the key
 * the view moves nothing, with it the phones follow to the poll when the frame comes into view, and it opens the poll.
 * Screenshots in {@code target/screenshots/embed-*.png}.
 */
@QuarkusTest
@TestProfile(EmbedHosts.class)
class BrowserEmbedTest {

    /** A title slide, the poll, a last slide: the phones wait on slide 1 and vote on slide 2. */
    static final String DECK = """
            ---
            title: Ledelse i en frisat kommune
            lang: da
            ---

            # Ledelse i en frisat kommune

            ---

            ## Afstemning

            ```poll
            id: afstemning
            question: Hvad får du mest værdi ud af?
            options:
              - Den forskningsmæssige viden
              - De praktiske erfaringer
            ```

            ---

            ## Tak for i dag
            """;

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self' http://127.0.0.1:";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;
    private HostSite allowed;
    private HostSite other;

    @BeforeEach
    void start() {
        chromium = new Chromium("BrowserEmbedTest", baseUrl);
        chromium.require();
        allowed = new HostSite(EmbedHosts.ALLOWED_PORT, null);
        other = new HostSite(0, null);
    }

    @AfterEach
    void stop() {
        chromium.quitAll();
        allowed.close();
        other.close();
    }

    @Test
    void theAllowedSiteShowsTheLiveResultsAndWithoutTheKeyNothingMoves() throws Exception {
        Talk talk = importDeck();
        TestTalks.open(talk, "afstemning");
        assertThat(given().get("/embed/{code}/afstemning", talk.joinCode).getHeaders()
                .getValues("Content-Security-Policy")).containsExactly(POLICY + EmbedHosts.ALLOWED_PORT);
        assertThat(given().get("/present/{code}", talk.joinCode).getHeader("Content-Security-Policy"))
                .endsWith("form-action 'self'; frame-ancestors 'self'");

        WebDriver browser = chromium.projector("embed-read-only");
        browser.get(allowed.page("/deck.html", framing(embedUrl(talk, ""), "")));
        enterFrame(browser);
        awaitLive(browser);
        ready(browser);
        assertThat(browser.findElement(By.cssSelector(".question")).getText()).isEqualTo("Hvad får du mest værdi ud af?");
        assertThat(browser.findElement(By.cssSelector(".badge .join-code")).getText()).isEqualTo(talk.joinCode);
        assertThat(browser.findElement(By.cssSelector(".join-qr svg.qr")).isDisplayed()).isTrue();
        assertThat(Chromium.visibleControls(browser)).isEmpty();

        List<Integer> options = TestTalks.optionIds(talk.joinCode);
        vote(talk, TestTalks.join(talk.joinCode), options.get(1));
        awaitText(browser, By.cssSelector(".bar-row[data-option-id='" + options.get(1) + "'] .count"), "1");
        awaitText(browser, By.cssSelector(".totals .total"), "1");
        screenshot(browser, "embed-allowed-site");
        // Shown, live, and read-only: the show stays on its first slide.
        assertThat(showSlide(talk)).isEqualTo(1);
    }

    @Test
    void withTheKeyThePhonesFollowWhenTheFrameComesIntoViewAndThePollOpens() throws Exception {
        Talk talk = importDeck();
        String token = TestTalks.join(talk.joinCode);
        try (SocketClient phone = SocketClient.participant(URI.create(baseUrl.toString()), talk.joinCode, token)) {
            assertThat(phone.next("state").path("show").path("slide").asInt()).isEqualTo(1);
            WebDriver browser = chromium.projector("embed-with-key");
            // The frame starts below the fold, as a later slide of a host page would.
            browser.get(allowed.page("/deck.html", framing(embedUrl(talk, "?key=" + talk.presenterKey
                    + "&open=arrival"), "<div style=\"height: 3000px\">Slide 1</div>")));
            enterFrame(browser);
            awaitLive(browser);
            ready(browser);
            browser.switchTo().defaultContent();
            assertThat(showSlide(talk)).isEqualTo(1);
            assertThat(pollStatus(talk)).isEqualTo("DRAFT");

            js(browser).executeScript("document.getElementById('poll').scrollIntoView()");
            assertPhoneAtTheOpenedPoll(phone);

            int option = TestTalks.optionIds(talk.joinCode).get(0);
            voteOnPhone(phone, option);
            enterFrame(browser);
            awaitText(browser, By.cssSelector(".bar-row[data-option-id='" + option + "'] .count"), "1");
            awaitText(browser, By.cssSelector(".status"), "Åben for stemmer");
            screenshot(browser, "embed-key-in-view");
        }
    }

    @Test
    void aSiteNotAllowedGetsABlockedFrameAndTheAllowedOneNoOtherPage() {
        Talk talk = importDeck();
        WebDriver browser = chromium.projector("embed-refused");
        browser.get(other.page("/deck.html", framing(embedUrl(talk, ""), "")));
        assertBlocked(browser);
        browser.get(allowed.page("/screen.html", framing(chromium.url("/present/" + talk.joinCode), "")));
        assertBlocked(browser);
    }

    /** The frame loaded (the host page saw its load event), and it is not the app's page: Chromium blocked it. */
    private static void assertBlocked(WebDriver browser) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("iframe#poll[data-loaded='true']")));
        browser.switchTo().frame("poll");
        assertThat(js(browser).executeScript("return document.querySelector('.question, main') === null")).isEqualTo(true);
        assertThat((String) js(browser).executeScript("return location.href")).doesNotStartWith("http://localhost");
        browser.switchTo().defaultContent();
    }

    /** A page of the host site holding one frame, {@code #poll}, after {@code before} (markup of the host page). */
    private static String framing(String src, String before) {
        return """
                <!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body>%s
                <iframe id="poll" name="poll" src="%s" style="width: 960px; height: 540px; border: 0"
                  onload="this.dataset.loaded = 'true'"></iframe></body></html>
                """.formatted(before, src);
    }

    private String embedUrl(Talk talk, String query) {
        return chromium.url("/embed/" + talk.joinCode + "/afstemning" + query);
    }

    private static void enterFrame(WebDriver browser) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("poll"));
    }

    /** Waits until embed.js has set up its feed and its watch of the frame's visibility. */
    private static void ready(WebDriver browser) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions
                .presenceOfElementLocated(By.cssSelector("body[data-ready='true']")));
    }

    private Talk importDeck() {
        return importer.importDeck("browser-embed-" + UUID.randomUUID() + ".md", DECK);
    }

    /**
     * The phone moved to the poll's slide and the poll opened; the move and the opening are two requests of the frame,
     * so their messages come in either order.
     */
    static void assertPhoneAtTheOpenedPoll(SocketClient phone) throws InterruptedException {
        Map<String, JsonNode> arrived = phone.nextOfEach(m -> m.path("type").asText().equals("slide"),
                m -> m.path("type").asText().equals("poll"));
        assertThat(arrived.get("slide").path("slide").asInt()).isEqualTo(2);
        assertThat(arrived.get("slide").path("pollId").asText()).isEqualTo("afstemning");
        assertThat(arrived.get("poll").path("status").asText()).isEqualTo("OPEN");
    }

    /** A vote for {@code option} from the phone's socket, acknowledged. */
    static void voteOnPhone(SocketClient phone, int option) throws InterruptedException {
        String requestId = "r-" + UUID.randomUUID();
        phone.send("{\"type\":\"vote\",\"pollId\":\"afstemning\",\"optionId\":" + option + ",\"requestId\":\""
                + requestId + "\"}");
        assertThat(phone.next("ack").path("requestId").asText()).isEqualTo(requestId);
    }

    /** A vote of participant {@code token} over REST (expects 200). */
    static void vote(Talk talk, String token, int optionId) {
        given().cookie("afstemning_pid", token).contentType("application/json")
                .body("{\"optionId\":" + optionId + ",\"requestId\":\"r-" + UUID.randomUUID() + "\"}")
                .post("/api/talks/{code}/polls/afstemning/votes", talk.joinCode).then().statusCode(200);
    }

    static int showSlide(Talk talk) {
        return given().get("/api/talks/{code}/show", talk.joinCode).then().statusCode(200).extract().path("slide");
    }

    private static String pollStatus(Talk talk) {
        return given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract().path("polls[0].status");
    }
}
