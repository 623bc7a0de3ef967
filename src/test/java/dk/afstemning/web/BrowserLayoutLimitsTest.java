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

    /**
     * Twelve options of 300 characters each (the limit), ordinary words, under a 300-character question: on the
     * audience screen at 1280 × 720 every bar row and the vote total lie within the window (no row hidden under the
     * control bar), each label cut to at most two lines keeps its full text in its title; the console at 1280 × 720
     * and the phone at 360 × 640 never scroll sideways, and every option on the phone can be scrolled to and tapped.
     */
    @Test
    void twelveOptionsAtTheLimitFitTheScreenAndStayReachableOnConsoleAndPhone() {
        List<String> texts = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(BrowserLayoutLimitsTest::longOption)
                .toList();
        assertThat(texts).allSatisfy(text -> assertThat(text).hasSize(300));
        String options = texts.stream().map(text -> "  - " + text + "\n")
                .collect(java.util.stream.Collectors.joining());
        Talk talk = importer.importDeck("limits12-" + UUID.randomUUID() + ".md", """
                ---
                title: Tolv forslag
                lang: da
                ---

                ## Tolv lange

                ```poll
                id: t
                question: %s
                options:
                %s```
                """.formatted(QUESTION, options));
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/t/open", talk.joinCode)
                .then().statusCode(200);

        WebDriver screen = chromium.projector("limits12-screen");
        screen.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey + "&lang=da&slide=1"));
        awaitLive(screen);
        Chromium.awaitCount(screen, By.cssSelector(".poll[data-poll-id='t'] .bars .bar-row"), 12);
        screenshot(screen, "limits12-screen");
        @SuppressWarnings("unchecked")
        Map<String, Object> boxes = (Map<String, Object>) js(screen).executeScript("""
                const poll = document.querySelector(".poll[data-poll-id='t']");
                const out = (e) => { const r = e.getBoundingClientRect();
                  return r.height === 0 || r.top < 0 || r.bottom > innerHeight; };
                const rows = Array.from(poll.querySelectorAll('.bars .bar-row'));
                const lineHeight = (e) => parseFloat(getComputedStyle(e).lineHeight);
                return {
                  rowsOut: rows.filter(out).map((r) => r.dataset.optionId + ': '
                    + Math.round(r.getBoundingClientRect().top) + '-' + Math.round(r.getBoundingClientRect().bottom)),
                  totalOut: out(poll.querySelector('.totals')),
                  totalBottom: Math.round(poll.querySelector('.totals').getBoundingClientRect().bottom),
                  tallLabels: rows.map((r) => r.querySelector('.label'))
                    .filter((l) => l.getBoundingClientRect().height > 2.5 * lineHeight(l)).length,
                  titles: rows.map((r) => r.querySelector('.label').title),
                  barsType: poll.querySelector('.bars').style.fontSize,
                  questionType: poll.querySelector('.question').style.fontSize,
                  sideways: document.documentElement.scrollWidth - innerWidth };""");
        // Under a 300-character question, fit.js shrinks the bars' type and then the question's (to 13 and 25 px).
        assertThat(String.valueOf(boxes.get("barsType"))).as("the bars' type set by fit.js").endsWith("px");
        assertThat(String.valueOf(boxes.get("questionType"))).as("the question's type set by fit.js").endsWith("px");
        assertThat((List<?>) boxes.get("rowsOut")).as("bar rows outside the 720 px window").isEmpty();
        assertThat(boxes.get("totalOut")).as("total outside the window, its bottom at %s", boxes.get("totalBottom"))
                .isEqualTo(false);
        assertThat(((Number) boxes.get("tallLabels")).intValue()).as("labels over two lines").isZero();
        assertThat(boxes.get("titles")).isEqualTo(texts);
        assertThat(((Number) boxes.get("sideways")).intValue()).as("screen width beyond the window")
                .isLessThanOrEqualTo(0);

        WebDriver console = chromium.screen("limits12-console", 1280, 720);
        console.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey + "&lang=da"));
        awaitLive(console);
        screenshot(console, "limits12-console");
        assertThat(Chromium.sidewaysOverflow(console)).as("console width beyond 1280 px").isLessThanOrEqualTo(0);

        WebDriver phone = chromium.phone("limits12-phone", "da");
        phone.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(phone);
        Chromium.awaitCount(phone, By.cssSelector("section.poll:not([hidden]) button.option"), 12);
        screenshot(phone, "limits12-phone");
        assertThat(Chromium.sidewaysOverflow(phone)).as("phone width beyond 360 px").isLessThanOrEqualTo(0);
        @SuppressWarnings("unchecked")
        List<String> unreachable = (List<String>) js(phone).executeScript("""
                return Array.from(document.querySelectorAll('section.poll:not([hidden]) button.option'))
                  .filter((b) => { b.scrollIntoView({ block: 'center' });
                    const r = b.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return r.left < 0 || r.right > innerWidth || !(hit && b.contains(hit)); })
                  .map((b) => b.textContent.trim().slice(0, 40));""");
        assertThat(unreachable).as("options that cannot be scrolled to and tapped on the phone").isEmpty();
    }

    /** A question at the limit too (300 characters), so that the bars must shrink to fit under it (js/fit.js). */
    private static final String QUESTION = ("Hvilket af de tolv forslag fra arbejdsgruppen om frisættelse, tillid og "
            + "borgerinddragelse i den kommunale ledelse mener du, at kommunalbestyrelsen bør prioritere først i det "
            + "kommende budgetår, når vi tager højde for økonomien, medarbejdernes trivsel og borgernes ønsker til "
            + "nærhed og service i hverdagen og i fremtiden for alle").substring(0, 299) + "?";

    /** Option {@code n}: ordinary Danish words, exactly 300 characters, its number first so that options differ. */
    private static String longOption(int n) {
        String words = "Forslag " + n + " – kommunen giver medarbejderne mere frihed i den daglige ledelse, "
                + "borgerne inddrages tidligere i beslutningerne, og budgettet følges op hvert kvartal med en åben "
                + "dialog om prioriteringer, tillid og samarbejde på tværs af forvaltningerne, så alle kan se, "
                + "hvad der virker og hvorfor det virker, hver eneste dag i hele året rundt";
        return words.substring(0, 300);
    }

    private static long scrollWidth(WebDriver browser) {
        return ((Number) js(browser).executeScript("return document.documentElement.scrollWidth")).longValue();
    }
}
