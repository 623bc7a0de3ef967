package dk.afstemning.web;

import static dk.afstemning.TestTalks.join;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Word cloud and open text in a real headless Chromium, phones at 360 × 640: two phones send words and the projector
 * shows the cloud with the merged counts; open answers wait for the presenter, and only the shown ones reach the
 * public screen; and field case F7, hostile text shown exactly as typed on the phone, the presenter and the screen.
 */
@QuarkusTest
class BrowserTextAnswersTest {

    private static final String DECK = """
            ---
            title: Ord og svar
            lang: da
            ---

            # Velkommen

            ---

            ## Ordsky

            ```poll
            id: ord
            type: wordcloud
            question: Hvilket ord beskriver god ledelse?
            max-entries: 8
            max-chars: 50
            ```

            ---

            ## Spørgsmål

            ```poll
            id: fri
            type: open
            question: Hvad vil du spørge om?
            ```
            """;

    /** F7: each must show exactly as typed, as plain text. */
    static final List<String> F7 = List.of("<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
            "**fed** _kursiv_", ":)", "{\"type\":\"results\",\"counts\":{\"A\":999}}", "${7*7}", "{msg:title}",
            "[link](javascript:alert(3))");

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserTextAnswersTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    private Talk talkOnSlide(int slide, String poll) {
        Talk talk = importer.importDeck("browser-text-" + UUID.randomUUID() + ".md", DECK);
        presenter(talk, "put", "/show", "{\"slide\":" + slide + "}");
        presenter(talk, "post", "/polls/" + poll + "/open", null);
        return talk;
    }

    private WebDriver phone(Talk talk, String name) {
        WebDriver phone = chromium.phone(name, "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        Chromium.awaitLive(phone);
        return phone;
    }

    /** Fills the word-cloud fields (by script: the texts hold characters ChromeDriver types badly) and sends. */
    private static void sendWords(WebDriver phone, List<String> words) {
        List<WebElement> fields = phone.findElements(By.cssSelector(".poll[data-poll-id='ord'] .entry-input"));
        for (int i = 0; i < words.size(); i++) {
            Chromium.js(phone).executeScript("arguments[0].value = arguments[1]", fields.get(i), words.get(i));
        }
        phone.findElement(By.cssSelector(".poll[data-poll-id='ord'] button.submit")).click();
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='ord'] .confirmation"), "Din stemme er modtaget");
    }

    private static void sendOpen(WebDriver phone, String text, int answers) {
        Chromium.await(phone, Duration.ofSeconds(15), "open poll shown",
                p -> p.findElement(By.cssSelector(".poll[data-poll-id='fri']")).isDisplayed(), true);
        WebElement input = phone.findElement(By.cssSelector(".poll[data-poll-id='fri'] .open-input"));
        Chromium.js(phone).executeScript("arguments[0].value = arguments[1]", input, text);
        phone.findElement(By.cssSelector(".poll[data-poll-id='fri'] button.submit")).click();
        Chromium.await(phone, Duration.ofSeconds(15), "own answers",
                p -> p.findElements(By.cssSelector(".poll[data-poll-id='fri'] .my-answer")).size(), answers);
    }

    @Test
    void twoPhonesWordsShowAsACloudWithMergedCountsOnTheProjector() {
        Talk talk = talkOnSlide(2, "ord");
        WebDriver projector = chromium.projector("cloud-projector");
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);
        WebDriver anne = phone(talk, "cloud-phone-anne");
        assertThat(anne.findElement(By.cssSelector(".poll[data-poll-id='ord'] .hint")).getText())
                .isEqualTo("Skriv op til 8 ord eller korte udtryk på højst 50 tegn hver, og send.");
        WebDriver bo = phone(talk, "cloud-phone-bo");
        sendWords(anne, List.of("Ledelse", "Tillid"));
        sendWords(bo, List.of(" LEDELSE ", "Mod"));

        Chromium.awaitText(projector, By.cssSelector(".poll[data-poll-id='ord'] .total"), "2");
        // The table is for screen readers (not shown beside the cloud on the screen): read its text content.
        Chromium.await(projector, Duration.ofSeconds(15), "cloud table", p -> texts(p, ".cloud-table tbody th"),
                List.of("Ledelse", "Mod", "Tillid"));
        assertThat(texts(projector, ".cloud-table tbody td")).containsExactly("2", "1", "1");
        // wordcloud.js redraws the cloud on every result: read its words in one script, never through held elements.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> words = (List<Map<String, Object>>) Chromium.js(projector).executeScript("""
                return Array.from(document.querySelectorAll('.cloud .cloud-word'), (w) => ({ text: w.innerText,
                  count: w.dataset.count, height: w.getBoundingClientRect().height }));""");
        assertThat(words).extracting(w -> w.get("text")).containsExactly("Ledelse", "Mod", "Tillid");
        assertThat(words.get(0).get("count")).isEqualTo("2");
        // the most common word is the biggest
        assertThat(((Number) words.get(0).get("height")).doubleValue())
                .isGreaterThan(((Number) words.get(1).get("height")).doubleValue());
        // axe-core audits of both states (as AccessibilityAuditTest does for the other pages)
        AccessibilityAuditTest.check(projector, "presenter-wordcloud", "da", Chromium.Size.PROJECTOR);
        AccessibilityAuditTest.check(anne, "participant-wordcloud", "da", Chromium.Size.PHONE);
    }

    @Test
    void openAnswersAppearOnTheScreenOnlyOnceThePresenterShowsThem() {
        Talk talk = talkOnSlide(3, "fri");
        // The speaker moderates in the console; the room's screen never shows the queue.
        WebDriver projector = chromium.projector("open-console");
        projector.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);
        WebDriver screen = chromium.projector("open-screen");
        screen.get(chromium.url("/present/" + talk.joinCode));
        Chromium.awaitLive(screen);
        WebDriver phone = phone(talk, "open-phone");
        sendOpen(phone, "Hvordan måler I effekten?", 1);
        sendOpen(phone, "Skjul dette svar", 2);
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='fri'] .my-answer:nth-child(1) .my-answer-status"),
                "Venter på oplægsholderen");

        By waiting = By.cssSelector(".moderation .moderated.waiting");
        Chromium.awaitText(projector, By.cssSelector(".poll[data-poll-id='fri'] .moderation-waiting"), "2");
        Chromium.await(projector, Duration.ofSeconds(15), "answers to moderate",
                p -> p.findElements(waiting).size(), 2);
        tap(projector, projector.findElements(waiting).stream().filter(li -> li.getText().startsWith("Skjul dette svar"))
                .findFirst().orElseThrow().findElement(By.cssSelector(".hide-answer")));
        Chromium.await(projector, Duration.ofSeconds(15), "one waiting", p -> p.findElements(waiting).size(), 1);
        tap(projector, projector.findElement(waiting).findElement(By.cssSelector(".show-answer")));

        Chromium.await(screen, Duration.ofSeconds(15), "answers on the screen",
                p -> texts(p, ".open-answers .open-answer"), List.of("Hvordan måler I effekten?"));
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='fri'] .my-answer:nth-child(1) .my-answer-status"),
                "Vises på skærmen");
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='fri'] .my-answer:nth-child(2) .my-answer-status"),
                "Vises ikke");
        // the public screen has no moderation list and never got the hidden answer
        assertThat(screen.findElements(By.cssSelector(".moderation"))).isEmpty();
        assertThat(screen.getPageSource()).doesNotContain("Skjul dette svar");
        AccessibilityAuditTest.check(projector, "console-moderation", "da", Chromium.Size.PROJECTOR);
        AccessibilityAuditTest.check(phone, "participant-open-text", "da", Chromium.Size.PHONE);
    }

    @Test
    void sendIsDisabledWithAReasonAfterTheThirdOpenAnswerAndComesBackInANewRound() {
        Talk talk = talkOnSlide(3, "fri");
        WebDriver phone = phone(talk, "open-limit-phone");
        By send = By.cssSelector(".poll[data-poll-id='fri'] button.submit");
        By note = By.cssSelector(".poll[data-poll-id='fri'] .open-text .limit-note");
        for (int i = 1; i <= 2; i++) {
            sendOpen(phone, "Svar " + i, i);
            assertThat(phone.findElement(send).isEnabled()).as("send after answer %d", i).isTrue();
            assertThat(phone.findElement(note).getText()).isEmpty();
        }
        sendOpen(phone, "Svar 3", 3);
        String reason = "Du har sendt 3 svar, det højeste antal for dette spørgsmål. Du kan svare igen i en ny runde.";
        Chromium.awaitText(phone, note, reason);
        assertThat(phone.findElement(send).isEnabled()).isFalse();
        assertThat(phone.findElement(By.cssSelector(".poll[data-poll-id='fri'] .open-input")).isEnabled()).isFalse();

        presenter(talk, "post", "/polls/fri/reset", null);
        Chromium.await(phone, Duration.ofSeconds(15), "send in the new round", p -> p.findElement(send).isEnabled(), true);
        assertThat(phone.findElement(note).getText()).isEmpty();
        assertThat(phone.findElements(By.cssSelector(".poll[data-poll-id='fri'] .my-answer"))).isEmpty();
        sendOpen(phone, "Ny runde", 1);
        assertThat(phone.findElement(send).isEnabled()).isTrue();

        // The English page carries the same reason from its bundle.
        given().header("Accept-Language", "en").get("/t/{code}", talk.joinCode).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("data-msg-limit-reached=\"You have sent 3 answers, the most "
                        + "this question takes. You can answer again in a new round.\""));
    }

    @Test
    void f7HostileTextIsShownExactlyAsTypedInTheCloudAndTheOpenAnswers() {
        Talk talk = talkOnSlide(2, "ord");
        presenter(talk, "post", "/polls/fri/open", null);
        WebDriver projector = chromium.projector("f7-projector");
        projector.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);
        WebDriver screen = chromium.projector("f7-screen");
        screen.get(chromium.url("/present/" + talk.joinCode));
        Chromium.awaitLive(screen);
        WebDriver phone = phone(talk, "f7-phone");
        sendWords(phone, F7);
        Chromium.await(projector, Duration.ofSeconds(15), "every entry in the table",
                p -> texts(p, ".cloud-table tbody th").stream().sorted().toList(), F7.stream().sorted().toList());
        Chromium.await(screen, Duration.ofSeconds(15), "every entry on the screen",
                p -> texts(p, ".cloud-table tbody th").stream().sorted().toList(), F7.stream().sorted().toList());
        assertThat(texts(projector, ".cloud .cloud-word")).isSubsetOf(F7);
        assertThat(texts(projector, ".cloud-table tbody td").stream().distinct().toList()).containsExactly("1");

        // open text: three from the phone in the browser, the rest from other participants
        presenter(talk, "put", "/show", "{\"slide\":3}");
        for (int i = 0; i < 3; i++) {
            sendOpen(phone, F7.get(i), i + 1);
        }
        for (String text : F7.subList(3, F7.size())) {
            given().cookie("afstemning_pid", join(talk.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("texts", List.of(text))).post("/api/talks/{c}/polls/fri/votes", talk.joinCode)
                    .then().statusCode(200);
        }
        assertThat(texts(phone, ".poll[data-poll-id='fri'] .my-answer-text")).containsExactlyElementsOf(F7.subList(0, 3));
        By waiting = By.cssSelector(".moderation .moderated.waiting");
        // The speaker moderates in the console.
        projector.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey));
        Chromium.awaitLive(projector);
        Chromium.await(projector, Duration.ofSeconds(15), "answers to moderate", p -> p.findElements(waiting).size(),
                F7.size());
        assertThat(texts(projector, ".moderation .moderated-text")).containsExactlyElementsOf(F7);
        for (int i = 0; i < F7.size(); i++) {
            int left = F7.size() - i;
            Chromium.await(projector, Duration.ofSeconds(15), "waiting", p -> p.findElements(waiting).size(), left);
            tap(projector, projector.findElement(waiting).findElement(By.cssSelector(".show-answer")));
        }
        List<String> newestFirst = new java.util.ArrayList<>(F7);
        java.util.Collections.reverse(newestFirst);
        Chromium.await(screen, Duration.ofSeconds(15), "every answer on the screen",
                p -> texts(p, ".open-answers .open-answer"), newestFirst);
        // nothing was interpreted: no element came from the text and no script ran (an alert would fail every call)
        for (WebDriver browser : List.of(projector, screen, phone)) {
            assertThat(browser.findElements(By.cssSelector("main img, .type-results img, .moderation img, .my-answers img")))
                    .isEmpty();
            assertThat(browser.findElements(By.cssSelector(".type-results a, .moderation a, .my-answers a"))).isEmpty();
            assertThat(Chromium.js(browser).executeScript("return document.title")).isNotNull();
        }
        Chromium.screenshot(screen, "f7-open-screen");
    }

    /** The text of every element matching {@code css}, read in one script call (the lists are redrawn live). */
    @SuppressWarnings("unchecked")
    private static List<String> texts(WebDriver browser, String css) {
        return (List<String>) Chromium.js(browser).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0]), e => e.textContent)", css);
    }

    private static void presenter(Talk talk, String method, String path, String json) {
        var request = given().header("X-Presenter-Key", talk.presenterKey);
        if (json != null) {
            request = request.contentType(ContentType.JSON).body(json);
        }
        request.request(method, "/api/talks/" + talk.joinCode + path).then().statusCode(200);
    }

    /** Clicks a button of the console's moderation list, scrolled to the middle so the sticky footer does not cover it. */
    private static void tap(WebDriver browser, org.openqa.selenium.WebElement button) {
        Chromium.js(browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
    }
}
