package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitCount;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static dk.afstemning.web.Chromium.screenshot;
import static dk.afstemning.web.Chromium.stableText;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.TestLogins;
import dk.afstemning.talk.Talk;

/**
 * The organiser dashboard in headless Chromium: the login form (refused when wrong), the decks with their talks, a new
 * talk from the seed deck, uploads of a broken and a valid deck, and a talk's results table. Screenshots go
 * to {@code target/screenshots/organiser-*.png}.
 */
@QuarkusTest
class BrowserOrganiserTest {

    private static final String SEED_FILE = "ledelse-i-en-frisat-kommune.md";
    private static final String CODE = "[2-9A-HJKMNP-TW-Z]{6}";
    private static final String SEED_CARD = "li.deck-card[data-file='" + SEED_FILE + "']";

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    dk.afstemning.deck.DeckImporter importer;

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
    void aWrongPasswordIsRefusedAndTheRightLoginListsTheSeedDeck() {
        WebDriver desktop = chromium.projector("organiser-desktop");
        desktop.get(chromium.url("/organiser?lang=en"));
        // Without a login the dashboard sends the browser to the login form.
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(ExpectedConditions.urlContains("/login"));
        assertThat(desktop.findElement(By.tagName("h1")).getText()).isEqualTo("Log in"); // organisers and presenter accounts alike

        logIn(desktop, TestLogins.ADMIN, "not-the-password");
        awaitText(desktop, By.cssSelector(".feedback.error"), "Wrong user name or password.");
        screenshot(desktop, "organiser-wrong-password");

        logIn(desktop, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        WebElement seed = seedCard(desktop);
        assertThat(stableText(desktop, By.tagName("h1"))).isEqualTo("Organiser");
        assertThat(seed.findElement(By.cssSelector(".deck-title")).getText())
                .isEqualTo("Ledelse i en frisat kommune – Perspektiver og erfaringer");
        assertThat(seed.findElement(By.cssSelector(".deck-file")).getText()).isEqualTo(SEED_FILE + " · slides folder");
        String seedCode = seedTalk().joinCode;
        // The script replaces the card's talk list on every refresh: read the seed talk's row by locator.
        String row = SEED_CARD + " li:has(.talk-code[href='/t/" + seedCode + "']) ";
        assertThat(stableText(desktop, By.cssSelector(row + ".talk-code"))).isEqualTo(seedCode);
        assertThat(stableText(desktop, By.cssSelector(row + ".talk-title")))
                .isEqualTo("Ledelse i en frisat kommune – Perspektiver og erfaringer");
        assertThat(Chromium.stableAttribute(desktop, By.cssSelector(row + ".talk-date"), "datetime"))
                .isEqualTo("2022-11-02");
        assertThat(stableText(desktop, By.cssSelector(row + ".talk-date"))).isEqualTo("2 November 2022");
        assertThat(desktop.findElement(By.cssSelector("section.upload")).isDisplayed()).isTrue();
        screenshot(desktop, "organiser-decks");

        // The session cookie is HttpOnly: page scripts cannot read it.
        assertThat((String) js(desktop).executeScript("return document.cookie")).doesNotContain("afstemning_session");
        assertThat(desktop.manage().getCookieNamed("afstemning_session").isHttpOnly()).isTrue();

        // A reload stays logged in; logging out asks for the login again.
        desktop.navigate().refresh();
        seedCard(desktop);
        desktop.findElement(By.cssSelector(".userbar button[type=submit]")).click();
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(ExpectedConditions.urlContains("/login"));
        desktop.get(chromium.url("/organiser?lang=en"));
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void aLoggedInOrganiserOpensATalkAndReadsItsResultsTable() {
        Talk talk = TestTalks.create(importer, "Browserresultater", List.of("Ja", "Nej"));
        TestTalks.open(talk, "q");
        List<Integer> options = TestTalks.optionIds(talk.joinCode);
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), options.get(0), "r-1").statusCode(200);
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), options.get(0), "r-2").statusCode(200);
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), options.get(1), "r-3").statusCode(200);
        TestTalks.join(talk.joinCode);

        WebDriver desktop = chromium.projector("organiser-talk");
        // An organiser in Tokyo: the page's times are in the browser's zone, named (issue 21, item 15).
        ((org.openqa.selenium.chrome.ChromeDriver) desktop).executeCdpCommand("Emulation.setTimezoneOverride",
                java.util.Map.of("timezoneId", "Asia/Tokyo"));
        desktop.get(chromium.url("/organiser?lang=en&q=" + talk.joinCode));
        logIn(desktop, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        WebElement link = new WebDriverWait(desktop, Chromium.TIMEOUT).until(
                ExpectedConditions.elementToBeClickable(By.cssSelector("a.talk-link")));
        assertThat(desktop.findElements(By.cssSelector("a.talk-link"))).hasSize(1);
        assertThat(link.getText()).isEqualTo("Browserresultater");
        link.click();

        WebElement table = new WebDriverWait(desktop, Chromium.TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#poll-q table.results-table")));
        assertThat(table.findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .containsExactly("Ja 2 (67%)\n95% CI:\n20.8–93.9%",
                "Nej 1 (33%)\n95% CI:\n6.1–79.2%");
        assertThat(table.findElement(By.cssSelector("tfoot")).getText()).isEqualTo("Answered (n) 3");
        WebElement time = desktop.findElement(By.cssSelector("#poll-q .timeline-table time"));
        java.time.Instant at = java.time.Instant.parse(time.getAttribute("datetime").replaceFirst("T(\\d\\d:\\d\\d)Z$",
                "T$1:00Z"));
        String tokyo = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT)
                .format(at.atZone(java.time.ZoneId.of("Asia/Tokyo")));
        Chromium.await(desktop, Chromium.TIMEOUT, "zone named in the timeline",
                b -> time.getDomProperty("textContent").endsWith("GMT+9"), true);
        assertThat(time.getDomProperty("textContent")).contains(tokyo);
        assertThat(time.getAttribute("title")).endsWith(" UTC");
        assertThat(desktop.findElement(By.cssSelector(".response-rate")).getText())
                .isEqualTo("3 of 4 participants voted (75%)");
        // Chart.js drew the chart (the webjar loaded and the canvas has a chart).
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(b -> Boolean.TRUE.equals(js(b).executeScript(
                "return !!(window.Chart && Chart.getChart(document.querySelector('#poll-q canvas.results-chart')))")));
        screenshot(desktop, "organiser-talk-results");

        // A form post from the page (Origin and CSRF token as a browser sends them) makes a share link that shows
        // the same table without a login.
        WebElement share = desktop.findElement(By.cssSelector("#sharing form:last-of-type button[type=submit]"));
        scrollTo(desktop, share);
        share.click();
        WebElement shareLink = new WebDriverWait(desktop, Chromium.TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("a.share-link")));
        String shareUrl = shareLink.getAttribute("href");
        assertThat(shareUrl).matches(".*/share/[A-Za-z0-9_-]{43}");
        desktop.manage().deleteAllCookies();
        desktop.get(shareUrl + "?lang=da");
        assertThat(new WebDriverWait(desktop, Chromium.TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#poll-q table.results-table tbody"))).getText()).isEqualTo("Ja 2 (67 %)\n95 %-KI:\n20,8–93,9 %\nNej 1 (33 %)\n95 %-KI:\n6,1–79,2 %");
        assertThat(desktop.findElement(By.tagName("body")).getText()).doesNotContain(talk.joinCode);
    }

    @Test
    void aNewTalkFromTheSeedDeckHasItsOwnCodeAndNoVotes() {
        WebDriver phone = chromium.phone("organiser-phone", "da");
        phone.get(chromium.url("/organiser"));
        logIn(phone, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        assertThat(stableText(phone, By.tagName("h1"))).isEqualTo("Arrangør");
        WebElement seed = seedCard(phone);
        String seedCode = seedTalk().joinCode;
        // The card stays, but the script replaces its talk list on every refresh: read the list by locator.
        By talks = By.cssSelector(SEED_CARD + " .talk");
        int talksBefore = phone.findElements(talks).size();
        screenshot(phone, "organiser-phone-decks");

        WebElement summary = seed.findElement(By.cssSelector(".new-talk summary"));
        assertThat(summary.getText()).isEqualTo("Nyt oplæg");
        js(phone).executeScript("arguments[0].scrollIntoView({block: 'center'})", summary);
        summary.click();
        new WebDriverWait(phone, Chromium.TIMEOUT).until(ExpectedConditions.visibilityOf(
                seed.findElement(By.cssSelector(".new-talk-form .venue")))).sendKeys("Aarhus Kommune");
        seed.findElement(By.cssSelector(".new-talk-form button[type=submit]")).click();

        new WebDriverWait(phone, Chromium.TIMEOUT).ignoring(StaleElementReferenceException.class).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(SEED_CARD + " .created .created-code")));
        String newCode = stableText(phone, By.cssSelector(SEED_CARD + " .created .created-code"));
        assertThat(newCode).matches(CODE).isNotEqualTo(seedCode);
        awaitText(phone, By.cssSelector(SEED_CARD + " .feedback"),
                "Oplægget er oprettet med deltagerkoden " + newCode + ".");
        assertThat(stableText(phone, By.cssSelector(SEED_CARD + " .created .participant-link")))
                .endsWith("/t/" + newCode);
        assertThat(stableText(phone, By.cssSelector(SEED_CARD + " .created .presenter-link")))
                .contains("/present/" + newCode + "?key=").doesNotEndWith("?key=");
        assertThat(stableText(phone, By.cssSelector(SEED_CARD + " .created .private-note")))
                .startsWith("Hold præsentationslinket for dig selv");
        // The list shows the new talk, marked as new.
        awaitCount(phone, talks, talksBefore + 1);
        awaitText(phone, By.cssSelector(SEED_CARD + " .talk.is-new .talk-code"), newCode);
        awaitText(phone, By.cssSelector(SEED_CARD + " .talk.is-new .talk-venue"), "Aarhus Kommune");
        js(phone).executeScript("arguments[0].scrollIntoView({block: 'center'})",
                phone.findElement(By.cssSelector(SEED_CARD + " .created")));
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
        logIn(desktop, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        seedCard(desktop);
        int decksBefore = desktop.findElements(By.cssSelector("li.deck-card")).size();

        upload(desktop, broken);
        By feedback = By.cssSelector("section.upload .feedback");
        awaitText(desktop, feedback, "broken.md:7: unknown key 'colour' in poll block; allowed keys are correct, high, id, low, max, max-chars, max-entries, min, moderation, options, phone-results, profanity-filter, "
                + "question, results, time-limit, type, vote-changes");
        assertThat(desktop.findElement(feedback).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(desktop.findElement(feedback).getAttribute("class")).contains("error");
        assertThat(desktop.findElements(By.cssSelector("section.upload .created"))).isEmpty();
        scrollTo(desktop, desktop.findElement(feedback));
        screenshot(desktop, "organiser-upload-broken");

        upload(desktop, valid);
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.upload .created-code")));
        String newCode = stableText(desktop, By.cssSelector("section.upload .created-code"));
        assertThat(newCode).matches(CODE);
        awaitText(desktop, feedback, "Talk created with the join code " + newCode + ".");
        assertThat(desktop.findElement(By.cssSelector("section.upload .presenter-link")).getText())
                .contains("/present/" + newCode + "?key=");
        given().get("/api/talks/{c}", newCode).then().statusCode(200).body("title", equalTo(title));

        // The new deck is listed with its talk.
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(b -> b.findElements(By.cssSelector("li.deck-card")).size()
                == decksBefore + 1);
        String card = "li.deck-card:has(.talk.is-new)";
        assertThat(stableText(desktop, By.cssSelector(card + " .deck-title"))).isEqualTo(title);
        assertThat(stableText(desktop, By.cssSelector(card + " .deck-file"))).isEqualTo("min-tale.md · uploaded");
        assertThat(stableText(desktop, By.cssSelector(card + " .talk-code"))).isEqualTo(newCode);
        scrollTo(desktop, desktop.findElement(By.cssSelector("section.upload .created")));
        screenshot(desktop, "organiser-upload-valid");
    }

    @Test
    void aPdfIsRefusedInDanishWhenItNeedsAPasswordAndOtherwiseItsPagesAreTheSlides() throws IOException {
        Path secret = Files.write(folder.resolve("hemmelig.pdf"), dk.afstemning.deck.TestPdfs.encrypted("kode"));
        Path deck = Files.write(folder.resolve("foredrag.pdf"), dk.afstemning.deck.TestPdfs.deck(3));

        WebDriver desktop = danishDashboard("organiser-upload-pdf");
        By feedback = By.cssSelector("section.upload .feedback");
        upload(desktop, secret);
        awaitText(desktop, feedback,
                "PDF-filen er beskyttet med en adgangskode. Gem den uden adgangskode, og upload den igen.");

        upload(desktop, deck);
        String code = new WebDriverWait(desktop, Chromium.TIMEOUT).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("section.upload .created-code"))).getText();
        String presenter = desktop.findElement(By.cssSelector("section.upload .presenter-link")).getText();
        String key = presenter.substring(presenter.indexOf("key=") + 4);
        // The deck speaks the dashboard's language, whatever the browser's.
        given().get("/api/talks/{c}", code).then().body("language", equalTo("da"));
        given().contentType("application/json").header("X-Presenter-Key", key).body("{\"slide\":2}")
                .put("/api/talks/{c}/show", code).then().statusCode(200);

        WebDriver screen = chromium.projector("pdf-audience-screen");
        screen.get(presenter);
        // The second page, drawn at full size and shown whole on the 16:9 screen.
        String shown = "return [...document.querySelectorAll('img.pdf-page')].filter(i => i.offsetParent !== null"
                + " && i.complete && i.naturalWidth === 1920).map(i => i.alt).join('|')";
        new WebDriverWait(screen, Chromium.TIMEOUT).until(b -> !String.valueOf(js(b).executeScript(shown)).isEmpty());
        assertThat(js(screen).executeScript(shown)).isEqualTo("Slide 2 Point for slide 2");
        screenshot(screen, "pdf-audience-screen");

        // The speaker console shows the current page and the next one.
        WebDriver console = chromium.projector("pdf-console");
        console.get(presenter.replace("?key=", "/console?key="));
        new WebDriverWait(console, Chromium.TIMEOUT).until(b -> String.valueOf(js(b).executeScript(shown))
                .contains("|"));
        assertThat(js(console).executeScript(shown)).isEqualTo("Slide 2 Point for slide 2|Slide 3 Point for slide 3");
        screenshot(console, "pdf-console");
    }

    @Test
    void aPowerPointFileIsRefusedInDanishWhenOldAndWithItsPdfItsSlidesKeepTheirNotes() throws IOException {
        Path old = Files.write(folder.resolve("gammel.ppt"), dk.afstemning.deck.TestPptx.legacyPpt());
        Path pptx = Files.write(folder.resolve("foredrag.pptx"), dk.afstemning.deck.TestPptx.deck(3));
        Path pdf = Files.write(folder.resolve("foredrag.pdf"), dk.afstemning.deck.TestPdfs.deck(3));

        WebDriver desktop = danishDashboard("organiser-upload-pptx");
        By feedback = By.cssSelector("section.upload .feedback");
        upload(desktop, old);
        awaitText(desktop, feedback, "Filen er en PowerPoint 97-2003-fil (.ppt). Gem den som PowerPoint-præsentation "
                + "(.pptx), eller eksportér den som PDF, og upload den.");

        upload(desktop, pptx, pdf);
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("section.upload .created-code")));
        String presenter = desktop.findElement(By.cssSelector("section.upload .presenter-link")).getText();
        screenshot(desktop, "organiser-upload-pptx");

        // The speaker console shows the slide's title and its notes from the presentation.
        WebDriver console = chromium.projector("pptx-console");
        console.get(presenter.replace("?key=", "/console?key="));
        WebElement note = new WebDriverWait(console, Chromium.TIMEOUT).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("section.note:not([hidden]) .note-text")));
        assertThat(note.getText()).isEqualTo(dk.afstemning.deck.TestPptx.notes(1));
        assertThat(console.findElement(By.cssSelector("section.note:not([hidden]) .note-title")).getText())
                .isEqualTo(dk.afstemning.deck.TestPptx.title(1));
        screenshot(console, "pptx-console");
    }

    // ---- helpers ----

    @Test
    void aSlidevDeckIsNamedInDanishAndAZipWithImagesBecomesATalkWithItsWarnings() throws IOException {
        Path slidev = Files.writeString(folder.resolve("slidev.md"), "---\ntheme: seriph\n---\n# Hej\n");
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("tale/tale.md", "---\nsubtitle: Et forsøg\n---\n# Kort\n\n![kort](img/kort.png)\n\n---\n\n# B\n"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("tale/img/kort.png", dk.afstemning.deck.TestDeckZips.png(0x336699));
        Path zip = Files.write(folder.resolve("tale.zip"), dk.afstemning.deck.TestDeckZips.zip(entries));

        WebDriver desktop = danishDashboard("organiser-upload-formats");
        By feedback = By.cssSelector("section.upload .feedback");
        upload(desktop, slidev);
        // Only Danish: the refusal names file, line and the mark, all in the page's language (issue 19, item 2).
        awaitText(desktop, feedback, "slidev.md:2: det ligner et Slidev-diassæt (theme: seriph); Afstemning læser "
                + "Marp-diassæt: eksportér det fra Slidev som PDF (slidev export), og upload PDF'en, eller skriv det om "
                + "til Marp");

        upload(desktop, zip);
        new WebDriverWait(desktop, Chromium.TIMEOUT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.upload .created-code")));
        awaitText(desktop, By.cssSelector("section.upload .deck-warnings h4"), "Advarsler om dette diassæt");
        awaitText(desktop, By.cssSelector("section.upload .deck-warnings li"), "Linje 2: nøglen 'subtitle' i "
                + "front matter (indstillingerne øverst i filen) kender hverken Afstemning eller Marp; den ignoreres.");
        String code = stableText(desktop, By.cssSelector("section.upload .created-code"));
        String html = QuarkusTransaction.requiringNew().call(() -> dk.afstemning.talk.Slide
                .listByTalk(Talk.findByJoinCode(code).orElseThrow()).get(0).html);
        assertThat(html).contains("<img src=\"/deck-images/");
        scrollTo(desktop, desktop.findElement(By.cssSelector("section.upload .deck-warnings")));
        screenshot(desktop, "organiser-upload-zip-warnings");
    }

    @Test
    void aDeckWithThreeErrorsIsListedWholeInEachLanguageAndDanishRefusalsAreDanish() throws IOException {
        Path three = Files.writeString(folder.resolve("tre.md"), dk.afstemning.deck.ThreeErrorDeck.THREE_ERRORS);
        By feedback = By.cssSelector("section.upload .feedback");
        By errors = By.cssSelector("section.upload ul.deck-errors li");
        for (String lang : List.of("en", "da")) {
            WebDriver desktop = chromium.projector("organiser-deck-errors-" + lang);
            desktop.get(chromium.url("/organiser?lang=" + lang));
            logIn(desktop, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
            seedCard(desktop);
            upload(desktop, three);
            List<String> messages = lang.equals("en") ? dk.afstemning.deck.ThreeErrorDeck.ENGLISH
                    : dk.afstemning.deck.ThreeErrorDeck.DANISH;
            awaitText(desktop, feedback, (lang.equals("en") ? "The deck has 3 errors; the first: "
                    : "Diassættet har 3 fejl; den første: ") + "tre.md:3: " + messages.get(0));
            awaitCount(desktop, errors, 3);
            assertThat(desktop.findElements(errors)).extracting(WebElement::getText).containsExactly(
                    "tre.md:3: " + messages.get(0), "tre.md:10: " + messages.get(1), "tre.md:23: " + messages.get(2));
            scrollTo(desktop, desktop.findElement(feedback));
            screenshot(desktop, "organiser-deck-errors-" + lang);
        }

        // A Danish upload of a file of the wrong type, or one too large, is refused in Danish only.
        WebDriver desktop = danishDashboard("organiser-refusals-da");
        Path image = Files.write(folder.resolve("billede.png"), dk.afstemning.deck.TestDeckZips.png(0x336699));
        upload(desktop, image);
        awaitText(desktop, feedback, "Filen er ikke et diassæt. Upload en Markdown-fil (.md), en PDF eller en "
                + "PowerPoint-præsentation (.pptx).");
        Path big = Files.writeString(folder.resolve("stor.md"), "# Stor\n\n" + "x".repeat(600 * 1024));
        upload(desktop, big);
        awaitText(desktop, feedback, "Filen er for stor: et Markdown-diassæt må fylde 512 KB, en PDF eller en "
                + "præsentation 25 MB.");
    }

    private static void logIn(WebDriver browser, String user, String password) {
        new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.urlContains("/login"));
        WebElement name = browser.findElement(By.id("j_username"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("j_password")).sendKeys(password);
        browser.findElement(By.cssSelector(".login-form button[type=submit]")).click();
        // Wait until the post and its redirect have landed (back on /login?error=true, or on the landing page), so the
        // next look at the page does not read the login form just before it goes away.
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> !b.getCurrentUrl().contains("j_security_check")
                && (b.getCurrentUrl().contains("error=true") || !b.getCurrentUrl().contains("/login"))
                && "complete".equals(Chromium.js(b).executeScript("return document.readyState")));
    }

    /** A projector-sized browser logged in on the Danish dashboard, with its decks shown. */
    private WebDriver danishDashboard(String name) {
        WebDriver desktop = chromium.projector(name);
        desktop.get(chromium.url("/organiser?lang=da"));
        logIn(desktop, TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        seedCard(desktop);
        return desktop;
    }

    /** Waits for the card of the seed deck. */
    private static WebElement seedCard(WebDriver browser) {
        return new WebDriverWait(browser, Chromium.TIMEOUT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.deck-card[data-file='" + SEED_FILE + "']")));
    }

    /** Chooses the files (one, or a .pptx and its PDF) in place of any chosen before, and uploads them. */
    private static void upload(WebDriver browser, Path... files) {
        WebElement input = browser.findElement(By.id("deck-file"));
        // The input takes several files, and ChromeDriver adds to the files already chosen.
        input.clear();
        input.sendKeys(String.join("\n", Stream.of(files).map(f -> f.toAbsolutePath().toString()).toList()));
        browser.findElement(By.cssSelector(".upload-form button[type=submit]")).click();
    }

    private static void scrollTo(WebDriver browser, WebElement element) {
        js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static Talk seedTalk() {
        return QuarkusTransaction.requiringNew().call(() -> Talk.findFirstByFolderFile(SEED_FILE).orElseThrow());
    }
}
