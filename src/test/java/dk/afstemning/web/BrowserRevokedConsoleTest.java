package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Issue 21, item 7: a console whose access ends is closed by the server (1008) and says why, in the talk's language,
 * instead of going quiet. Shown here with a presenter key rotated under an open console (Danish talk).
 */
@QuarkusTest
class BrowserRevokedConsoleTest {

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserRevokedConsoleTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void aConsoleWhoseKeyWasRotatedSaysSo() {
        Talk talk = TestTalks.create(importer);
        WebDriver console = chromium.screen("revoked-console", 1280, 800);
        console.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey));
        awaitLive(console);
        assertThat(console.findElement(By.cssSelector(".revoked")).isDisplayed()).isFalse();

        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/talks/{id}/presenter-key", talk.id).then().statusCode(303);

        awaitText(console, By.cssSelector(".revoked"),
                "Oplægsholdernøglen er skiftet. Åbn konsollen med den nye nøgle, eller log ind.");
        assertThat(console.findElement(By.cssSelector(".revoked")).isDisplayed()).isTrue();
        assertThat(console.findElement(By.cssSelector(".offline")).isDisplayed()).isFalse();
    }
}
