package dk.afstemning.web;

import static dk.afstemning.web.Chromium.awaitLive;
import static dk.afstemning.web.Chromium.awaitText;
import static dk.afstemning.web.Chromium.js;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.qa.QaService;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.Talk;

/**
 * The "done when": a speaker holding only a phone (the console at 390×844) runs the whole seed talk, every
 * poll, the quiz and Q&A included, while the projector (the audience screen at 1920×1080, opened with the key) never
 * shows a control or an unmoderated text, and a participant's phone sees results and quiz feedback. The projector is
 * checked after every step: no visible button, input, select, textarea or language link, and none of the texts that
 * wait for moderation anywhere in its DOM.
 */
@QuarkusTest
class SeedTalkWalkTest {

    /** Texts that wait for the speaker's approval; the room's screen must never carry them. */
    private static final String WAITING_QUESTION = "Hvad kostede forsøgene? (venter)";
    private static final String WAITING_ANSWER = "Må vi se tallene? (venter)";


    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    @Inject
    ShowService show;

    @Inject
    ResultsService results;

    @Inject
    QaService qa;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("SeedTalkWalkTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    @Test
    void aSpeakerWithOnlyAPhoneRunsTheWholeSeedTalkWhileTheProjectorShowsNoControlAndNothingUnmoderated()
            throws IOException {
        Talk talk = importer.importDeck("walk-" + UUID.randomUUID() + ".md",
                Files.readString(Path.of("slides", "ledelse-i-en-frisat-kommune.md")));
        WebDriver room = chromium.screen("walk-room", 1920, 1080);
        room.get(chromium.url("/present/" + talk.joinCode + "?key=" + talk.presenterKey));
        awaitLive(room);
        WebDriver console = chromium.browser("walk-console", options -> options.setExperimentalOption(
                "mobileEmulation", Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0,
                        "touch", true))));
        console.get(chromium.url("/present/" + talk.joinCode + "/console?key=" + talk.presenterKey));
        awaitLive(console);
        WebDriver anne = chromium.phone("walk-anne", "da");
        anne.get(chromium.url("/t/" + talk.joinCode));
        awaitLive(anne);
        String anneToken = anne.manage().getCookieNamed("afstemning_pid").getValue();
        String bo = TestTalks.join(talk.joinCode);

        // The projector begins on the join screen; once the pointer has been still, no control shows.
        await().atMost(Duration.ofSeconds(6)).until(() -> Chromium.visibleControls(room).isEmpty());
        assertThat(room.findElement(By.cssSelector(".join-screen")).isDisplayed()).isTrue();
        Chromium.await(room, Chromium.TIMEOUT, "joined", b -> b.findElement(By.cssSelector(".joined-count")).getText(),
                "2");
        Chromium.screenshot(room, "walk-room-join");

        // Pre-moderation on, from the console; a question waits, one is approved later.
        WebElement moderated = console.findElement(By.cssSelector(".qa-moderated"));
        if (!moderated.isSelected()) {
            tap(console, ".qa-moderated");
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> qa.settings(talk.joinCode).moderated());
        ask(talk, bo, WAITING_QUESTION);
        long shown = ask(talk, bo, "Hvordan måler I frisættelsen?");
        assertRoomClean(room);

        int slides = show.state(talk).slides();
        assertThat(slides).isEqualTo(17);
        List<String> polls = new ArrayList<>();
        for (int slide = 2; slide <= slides; slide++) {
            Chromium.screenshot(console, "walk-console-" + (slide - 1));
            tap(console, ".console-footer .next");
            int expected = slide;
            awaitServer(() -> show.state(talk.joinCode).slide(), expected);
            awaitRoom(() -> visibleSlide(room), String.valueOf(expected));
            String pollId = show.state(talk.joinCode).pollId();
            if (pollId != null) {
                polls.add(pollId);
                runPoll(talk, console, room, anne, anneToken, bo, pollId);
            }
            assertRoomClean(room);
        }
        assertThat(polls).containsExactly("afstemning", "tilgange", "ny-kultur", "kontinuum", "raad", "quiz-kommuner",
                "ordsky-ledelse", "fri-spoergsmaal");

        // Q&A: approve one question and put it on the screen; the waiting one never reaches the room.
        String item = ".console-question[data-question-id='" + shown + "'] ";
        tap(console, item + ".qa-approve");
        tap(console, item + ".qa-spotlight");
        awaitServer(() -> show.state(talk.joinCode).questionId(), shown);
        awaitRoom(() -> room.findElement(By.cssSelector(".qa-overlay")).getText()
                .contains("Hvordan måler I frisættelsen?"), true);
        assertRoomClean(room);
        Chromium.screenshot(room, "walk-room-spotlight");
        tap(console, item + ".qa-hide");
        awaitRoom(() -> js(room).executeScript("return document.body.textContent").toString()
                .contains("Hvordan måler I frisættelsen?"), false);
        assertRoomClean(room);
    }

    /** Opens the poll from the console, lets the two participants answer, closes it and checks what each sees. */
    private void runPoll(Talk talk, WebDriver console, WebDriver room, WebDriver anne, String anneToken, String bo,
            String pollId) {
        String poll = ".poll[data-poll-id='" + pollId + "'] ";
        tap(console, poll + ".open-poll");
        awaitServer(() -> results(talk, pollId).status(), "OPEN");
        awaitRoom(() -> room.findElement(By.cssSelector(poll + ".status")).getText(), "Åben for stemmer");
        List<Long> options = given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract().jsonPath()
                .getList("polls.find { it.id == '" + pollId + "' }.options.id", Long.class);
        switch (pollId) {
            case "afstemning" -> {
                // Anne votes on her phone and sees the results there after her vote (the deck's default).
                tapPhone(anne, "section.poll[data-poll-id='afstemning'] button.option");
                awaitText(anne, By.cssSelector("section.poll[data-poll-id='afstemning'] .confirmation"),
                        "Din stemme er modtaget");
                Chromium.await(anne, Chromium.TIMEOUT, "results on the phone", b -> b.findElement(
                        By.cssSelector("section.poll[data-poll-id='afstemning'] .phone-results")).isDisplayed(), true);
                vote(talk, bo, pollId, Map.of("optionId", options.get(1)));
            }
            case "tilgange" -> {
                vote(talk, anneToken, pollId, Map.of("optionIds", List.of(options.get(0), options.get(1))));
                vote(talk, bo, pollId, Map.of("optionIds", List.of(options.get(1))));
            }
            case "ny-kultur" -> {
                vote(talk, anneToken, pollId, Map.of("value", 4));
                vote(talk, bo, pollId, Map.of("value", 2));
            }
            case "kontinuum" -> {
                vote(talk, anneToken, pollId, Map.of("value", 30));
                vote(talk, bo, pollId, Map.of("value", 70));
            }
            case "raad" -> {
                vote(talk, anneToken, pollId, Map.of("optionIds", options));
                List<Long> reversed = new ArrayList<>(options);
                java.util.Collections.reverse(reversed);
                vote(talk, bo, pollId, Map.of("optionIds", reversed));
            }
            case "quiz-kommuner" -> {
                String section = "section.poll[data-poll-id='quiz-kommuner'] ";
                anne.findElement(By.cssSelector(section + ".nickname-input")).sendKeys("Anne");
                tapPhone(anne, section + ".nickname-form button");
                awaitText(anne, By.cssSelector(section + ".nickname"), "Anne");
                anne.findElements(By.cssSelector(section + "button.option")).stream()
                        .filter(b -> b.getText().equals("9")).findFirst().orElseThrow().click();
                awaitText(anne, By.cssSelector(section + ".confirmation"), "Din stemme er modtaget");
                given().cookie("afstemning_pid", bo).contentType(ContentType.JSON).body(Map.of("nickname", "Bo"))
                        .put("/api/talks/{code}/nickname", talk.joinCode).then().statusCode(200);
                vote(talk, bo, pollId, Map.of("optionId", options.get(2)));
                // While open the room sees how many answered, never which option.
                awaitServer(() -> results(talk, pollId).total(), 2L);
                assertThat(results(talk, pollId).counts()).allMatch(c -> c.count() == null);
                assertThat(room.findElements(By.cssSelector(poll + ".bars")).stream().noneMatch(WebElement::isDisplayed))
                        .isTrue();
            }
            case "ordsky-ledelse" -> {
                vote(talk, anneToken, pollId, Map.of("texts", List.of("Tillid", "Mod")));
                vote(talk, bo, pollId, Map.of("texts", List.of("tillid")));
            }
            case "fri-spoergsmaal" -> {
                vote(talk, anneToken, pollId, Map.of("texts", List.of("Hvad lærte I af forsøgene?")));
                vote(talk, bo, pollId, Map.of("texts", List.of(WAITING_ANSWER)));
                assertRoomClean(room);
                // The console shows Anne's answer to the room; Bo's keeps waiting.
                // The list is drawn again with every moderation message: find the button afresh until the click lands.
                await().atMost(Chromium.TIMEOUT).ignoreExceptions().until(() -> {
                    WebElement answer = console.findElements(By.cssSelector(poll + ".moderation-list li")).stream()
                            .filter(li -> li.getText().contains("Hvad lærte I af forsøgene?")).findFirst().orElseThrow();
                    scrollAndClick(console, answer.findElement(By.cssSelector(".show-answer")));
                    return true;
                });
                awaitRoom(() -> room.findElement(By.cssSelector(poll + ".type-results")).getText()
                        .contains("Hvad lærte I af forsøgene?"), true);
            }
            default -> throw new AssertionError("A poll the seed talk did not have: " + pollId);
        }
        assertRoomClean(room);
        awaitServer(() -> results(talk, pollId).total(), 2L);
        tap(console, poll + ".close-poll");
        awaitServer(() -> results(talk, pollId).status(), "CLOSED");
        awaitRoom(() -> room.findElement(By.cssSelector(poll + ".status")).getText(), "Lukket");
        if (pollId.equals("quiz-kommuner")) {
            String section = "section.poll[data-poll-id='quiz-kommuner'] ";
            awaitText(anne, By.cssSelector(section + ".quiz-verdict"), "Rigtigt!");
            assertThat(anne.findElement(By.cssSelector(section + ".quiz-rank")).getText()).isEqualTo("Nr. 1 af 2");
            Chromium.screenshot(anne, "walk-phone-quiz");
            assertThat(results(talk, pollId).counts().stream().map(PollResults.OptionCount::count).toList())
                    .containsExactly(0L, 1L, 1L, 0L);
        }
        Chromium.screenshot(room, "walk-room-" + pollId);
    }

    private static void assertRoomClean(WebDriver room) {
        assertThat(Chromium.visibleControls(room)).as("controls visible on the projector").isEmpty();
        String text = (String) js(room).executeScript("return document.body.textContent + document.body.innerText");
        assertThat(text).doesNotContain(WAITING_QUESTION, WAITING_ANSWER);
        assertThat(room.getPageSource()).doesNotContain(WAITING_QUESTION, WAITING_ANSWER);
    }


    private static String visibleSlide(WebDriver room) {
        return (String) js(room).executeScript(
                "const s = Array.from(document.querySelectorAll('section.slide')).find((e) => !e.hidden);"
                        + "return s ? s.dataset.slide : null;");
    }

    private PollResults results(Talk talk, String pollId) {
        return results.results(talk.joinCode, pollId, null);
    }

    private static void vote(Talk talk, String token, String pollId, Map<String, Object> body) {
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, pollId).then().statusCode(200);
    }

    private static long ask(Talk talk, String token, String text) {
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/talks/{code}/questions", talk.joinCode).then().statusCode(200).extract()
                .<Number>path("question.id").longValue();
    }

    /** What a tap in the console or a phone changes on the server (through a browser, so not bound to 1 s). */
    private static <T> void awaitServer(java.util.concurrent.Callable<T> read, T expected) {
        await().atMost(Chromium.TIMEOUT).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(read, v -> java.util.Objects.equals(v, expected));
    }

    /** The room must see a step within 1 s of the server. */
    private static <T> void awaitRoom(java.util.concurrent.Callable<T> read, T expected) {
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(read, v -> java.util.Objects.equals(v, expected));
    }

    private static void tap(WebDriver browser, String selector) {
        Chromium.await(browser, Chromium.TIMEOUT, "button " + selector,
                b -> b.findElements(By.cssSelector(selector)).stream().anyMatch(WebElement::isDisplayed), true);
        WebElement button = browser.findElements(By.cssSelector(selector)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElseThrow();
        scrollAndClick(browser, button);
    }

    private static void tapPhone(WebDriver phone, String selector) {
        Chromium.await(phone, Chromium.TIMEOUT, "button " + selector,
                b -> b.findElements(By.cssSelector(selector)).stream().anyMatch(WebElement::isDisplayed), true);
        scrollAndClick(phone, phone.findElement(By.cssSelector(selector)));
    }

    /** Clicks after scrolling the element to the middle, clear of sticky headers and footers. */
    private static void scrollAndClick(WebDriver browser, WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }
}
