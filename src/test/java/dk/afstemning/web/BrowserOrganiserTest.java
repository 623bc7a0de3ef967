package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.organiser.OrganiserKey;
import dk.afstemning.talk.Talk;

/**
 * The organiser page in headless Chromium: the organiser key (refused when wrong, kept in sessionStorage when right),
 * the decks with their talks, a new talk from the seed deck, and uploads of a broken and a valid deck. Screenshots go
 * to {@code target/screenshots/organiser-*.png}.
 */
@QuarkusTest
class BrowserOrganiserTest {

    private static final String SEED_FILE = "ledelse-i-en-frisat-kommune.md";
    private static final String STORE = "afstemning.organiser-key";
    private static final String CODE = "[2-9A-HJKMNP-TW-Z]{6}";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    OrganiserKey organiser;

    private Chromium chromium;
    private Path folder;

    @BeforeEach
    void requireChromium() throws IOException {
        chromium = new Chromium("BrowserOrganiserTest", baseUrl);
        chromium.require();
        folder = Files.createTempDirectory("afstemning-organiser-");
    }

    @AfterEach
    void quitBrowsers() throws IOException {
        chromium.quitAll();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aWrongKeyIsRefusedAndTheRightKeyListsTheSeedDeck() {
        WebDriver desktop = chromium.projector("organiser-desktop");
        desktop.get(chromium.url("/organiser?lang=en"));
        assertThat(desktop.findElement(By.tagName("h1")).getText()).isEqualTo("Organiser");
        assertThat(desktop.findElement(By.cssSelector("section.decks")).isDisplayed()).isFalse();

        enterKey(desktop, "not-the-key");
        awaitText(desktop, By.id("key-feedback"), "A valid organiser key is required in X-Organiser-Key");
        assertThat(desktop.findElement(By.id("key-feedback")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(storedKey(desktop)).isNull();
        assertThat(desktop.findElement(By.cssSelector("section.decks")).isDisplayed()).isFalse();
        screenshot(desktop, "organiser-wrong-key");

        enterKey(desktop, organiser.key());
        WebElement seed = seedCard(desktop);
        assertThat(desktop.findElement(By.id("key-feedback")).getText()).isEmpty();
        assertThat(seed.findElement(By.cssSelector(".deck-title")).getText())
                .isEqualTo("Ledelse i en frisat kommune – Perspektiver og erfaringer");
        assertThat(seed.findElement(By.cssSelector(".deck-file")).getText()).isEqualTo(SEED_FILE + " · slides folder");
        String seedCode = seedTalk().joinCode;
        WebElement link = seed.findElement(By.cssSelector(".talk-code[href='/t/" + seedCode + "']"));
        assertThat(link.getText()).isEqualTo(seedCode);
        WebElement row = link.findElement(By.xpath("./ancestor::li[1]"));
        assertThat(row.findElement(By.cssSelector(".talk-title")).getText())
                .isEqualTo("Ledelse i en frisat kommune – Perspektiver og erfaringer");
        assertThat(row.findElement(By.cssSelector(".talk-date")).getAttribute("datetime")).isEqualTo("2022-11-02");
        assertThat(row.findElement(By.cssSelector(".talk-date")).getText()).isEqualTo("November 2, 2022");
        assertThat(desktop.findElement(By.cssSelector("section.upload")).isDisplayed()).isTrue();
        screenshot(desktop, "organiser-decks");

        // The key is in this tab's sessionStorage only: not in the URL, not in a cookie.
        assertThat(storedKey(desktop)).isEqualTo(organiser.key());
        assertThat(desktop.getCurrentUrl()).doesNotContain(organiser.key()).endsWith("/organiser?lang=en");
        assertThat(desktop.manage().getCookies()).extracting(Cookie::getValue).doesNotContain(organiser.key());
        assertThat(desktop.findElement(By.id("organiser-key")).getAttribute("value")).isEmpty();

        // A reload lists the decks again without asking; forgetting the key asks again.
        desktop.navigate().refresh();
        seedCard(desktop);
        assertThat(desktop.findElement(By.id("organiser-key")).isDisplayed()).isFalse();
        desktop.findElement(By.cssSelector(".forget-key")).click();
        assertThat(storedKey(desktop)).isNull();
        assertThat(desktop.findElement(By.id("organiser-key")).isDisplayed()).isTrue();
        assertThat(desktop.findElements(By.cssSelector("li.deck-card"))).isEmpty();
    }

    @Test
    void aNewTalkFromTheSeedDeckHasItsOwnCodeAndNoVotes() {
        WebDriver phone = chromium.phone("organiser-phone", "da");
        phone.get(chromium.url("/organiser"));
        assertThat(phone.findElement(By.tagName("h1")).getText()).isEqualTo("Arrangør");
        enterKey(phone, organiser.key());
        WebElement seed = seedCard(phone);
        String seedCode = seedTalk().joinCode;
        int talksBefore = seed.findElements(By.cssSelector(".talk")).size();
        screenshot(phone, "organiser-phone-decks");

        WebElement summary = seed.findElement(By.cssSelector(".new-talk summary"));
        assertThat(summary.getText()).isEqualTo("Nyt oplæg");
        js(phone).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        seed.findElement(By.cssSelector(".new-talk-form .venue")).sendKeys("Aarhus Kommune");
        seed.findElement(By.cssSelector(".new-talk-form button[type=submit]")).click();

        WebElement code = new WebDriverWait(phone, Chromium.TIMEOUT).until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(
                seed, By.cssSelector(".created .created-code"))).get(0);
        String newCode = code.getText();
        assertThat(newCode).matches(CODE).isNotEqualTo(seedCode);
        awaitText(phone, By.cssSelector("li.deck-card[data-file='" + SEED_FILE + "'] .feedback"),
                "Oplægget er oprettet med deltagerkoden " + newCode + ".");
        WebElement created = seed.findElement(By.cssSelector(".created"));
        assertThat(created.findElement(By.cssSelector(".participant-link")).getText()).endsWith("/t/" + newCode);
        assertThat(created.findElement(By.cssSelector(".presenter-link")).getText())
                .contains("/present/" + newCode + "?key=").doesNotEndWith("?key=");
        assertThat(created.findElement(By.cssSelector(".private-note")).getText())
                .startsWith("Hold præsentationslinket for dig selv");
        // The list shows the new talk, marked as new.
        new WebDriverWait(phone, Chromium.TIMEOUT).until(b -> seed.findElements(By.cssSelector(".talk")).size()
                == talksBefore + 1);
        assertThat(seed.findElement(By.cssSelector(".talk.is-new .talk-code")).getText()).isEqualTo(newCode);
        assertThat(seed.findElement(By.cssSelector(".talk.is-new .talk-venue")).getText()).isEqualTo("Aarhus Kommune");
        js(phone).executeScript("arguments[0].scrollIntoView({block: 'center'})", created);
        screenshot(phone, "organiser-new-talk");

        given().get("/api/talks/{c}", newCode).then().statusCode(200).body("venue", equalTo("Aarhus Kommune"));
        List<String> polls = given().get("/api/talks/{c}", newCode).then().extract().path("polls.id");
        assertThat(polls).contains("afstemning");
        for (String poll : polls) {
            given().get("/api/talks/{c}/polls/{p}/results", newCode, poll).then().statusCode(200)
                    .body("total", equalTo(0));
        }
    }

    @Test
    void aBrokenDeckIsRefusedWithFileAndLineAndAValidDeckBecomesATalk() throws IOException {
        Path broken = folder.resolve("broken.md");
        Files.writeString(broken, "# A\n\n```poll\nid: q\nquestion: Q?\noptions: [a, b]\ncolour: red\n```\n",
                StandardCharsets.UTF_8);
        String title = "Organiserprøve " + UUID.randomUUID();
        Path valid = folder.resolve("min-tale.md");
        Files.writeString(valid, TestTalks.deck(title, List.of("Ja", "Nej")), StandardCharsets.UTF_8);

        WebDriver desktop = chromium.projector("organiser-upload");
        desktop.get(chromium.url("/organiser?lang=en"));
        enterKey(desktop, organiser.key());
        seedCard(desktop);
        int decksBefore = desktop.findElements(By.cssSelector("li.deck-card")).size();

        upload(desktop, broken);
        By feedback = By.cssSelector("section.upload .feedback");
        awaitText(desktop, feedback, "broken.md:7: unknown key 'colour' in poll block; allowed keys are correct, high, id, low, max, min, options, "
                + "question, results, time-limit, type, vote-changes");
        assertThat(desktop.findElement(feedback).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(desktop.findElement(feedback).getAttribute("class")).contains("error");
        assertThat(desktop.findElements(By.cssSelector("section.upload .created"))).isEmpty();
        scrollTo(desktop, desktop.findElement(feedback));
        screenshot(desktop, "organiser-upload-broken");

        upload(desktop, valid);
        WebElement code = new WebDriverWait(desktop, Chromium.TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.upload .created-code")));
        String newCode = code.getText();
        assertThat(newCode).matches(CODE);
        awaitText(desktop, feedback, "Talk created with the join code " + newCode + ".");
        assertThat(desktop.findElement(By.cssSelector("section.upload .presenter-link")).getText())
                .contains("/present/" + newCode + "?key=");
        given().get("/api/talks/{c}", newCode).then().statusCode(200).body("title", equalTo(title));

        // The new deck is listed with its talk.
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(b -> b.findElements(By.cssSelector("li.deck-card")).size()
                == decksBefore + 1);
        WebElement card = desktop.findElement(By.cssSelector(".talk.is-new")).findElement(By.xpath(
                "./ancestor::li[contains(@class, 'deck-card')]"));
        assertThat(card.findElement(By.cssSelector(".deck-title")).getText()).isEqualTo(title);
        assertThat(card.findElement(By.cssSelector(".deck-file")).getText()).isEqualTo("min-tale.md · uploaded");
        assertThat(card.findElement(By.cssSelector(".talk-code")).getText()).isEqualTo(newCode);
        scrollTo(desktop, desktop.findElement(By.cssSelector("section.upload .created")));
        screenshot(desktop, "organiser-upload-valid");
    }

    // ---- helpers ----

    private static void enterKey(WebDriver browser, String key) {
        WebElement input = browser.findElement(By.id("organiser-key"));
        input.clear();
        input.sendKeys(key);
        browser.findElement(By.cssSelector(".key-form button[type=submit]")).click();
    }

    /** Waits for the card of the seed deck. */
    private static WebElement seedCard(WebDriver browser) {
        return new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.deck-card[data-file='" + SEED_FILE + "']")));
    }

    private static void upload(WebDriver browser, Path file) {
        browser.findElement(By.id("deck-file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector(".upload-form button[type=submit]")).click();
    }

    private static String storedKey(WebDriver browser) {
        return (String) js(browser).executeScript("return sessionStorage.getItem(arguments[0])", STORE);
    }

    private static void scrollTo(WebDriver browser, WebElement element) {
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static Talk seedTalk() {
        return QuarkusTransaction.requiringNew().call(() -> Talk.findFirstByFolderFile(SEED_FILE).orElseThrow());
    }
}
