package dk.afstemning.web;

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

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Results on a 390×844 phone in a real headless Chromium: after its vote a phone sees the bars with count and percent,
 * and a quiz player sees right or wrong, points and rank once the question closes, also after a reload; nothing
 * scrolls sideways.
 */
@QuarkusTest
class BrowserPhoneResultsTest {

    static final String DECK = """
            ---
            title: Phones see results
            lang: en
            ---

            # Intro

            ---

            ```poll
            id: q
            question: Where do you get the most value?
            options:
              - Research-based knowledge from the municipalities' experiments
              - Practical experience
              - Don't know
            ```

            ---

            ```poll
            id: quiz
            type: quiz
            question: How many municipalities took part?
            options: ['5', '9', '44']
            correct: '9'
            ```
            """;

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserPhoneResultsTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quitBrowsers() {
        chromium.quitAll();
    }

    /** A phone of 390×844 CSS pixels (an iPhone 12 to 14) with touch, in English. */
    private WebDriver phone(String name) {
        return chromium.browser(name, options -> {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en"));
        });
    }

    /** A talk of {@link #DECK} with the show on {@code slide} and {@code poll} open. */
    private Talk talkOn(int slide, String poll) {
        Talk talk = importer.importDeck("browser-phone-results-" + UUID.randomUUID() + ".md", DECK);
        TestTalks.presenter(talk, "put", "/show", "{\"slide\":" + slide + "}");
        TestTalks.presenter(talk, "post", "/polls/" + poll + "/open", null);
        return talk;
    }

    /** A 390×844 phone with the talk's page open and its socket live. */
    private WebDriver joined(Talk talk, String name) {
        WebDriver phone = phone(name);
        phone.get(chromium.url("/t/" + talk.joinCode));
        Chromium.awaitLive(phone);
        return phone;
    }

    private static List<Integer> options(Talk talk, String poll) {
        return given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200)
                .extract().path("polls.find { it.id == '" + poll + "' }.options.id");
    }

    private static void restVote(Talk talk, String token, String poll, int optionId) {
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(Map.of("optionId", optionId))
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll).then().statusCode(200);
    }

    /**
     * Issue 19, trial finding: after a profanity-filtered word the phone said "6 answers" over a list of two words.
     * The number is what the screen shows, the participants who answered (the one whose only word was hidden
     * included: nobody is told), and the phone now says so; its words are the screen's words, in the screen's order.
     */
    @Test
    void aWordCloudPhoneCountsParticipantsAsTheScreenDoesAndListsTheScreensWords() {
        Talk talk = importer.importDeck("browser-phone-cloud-" + UUID.randomUUID() + ".md", """
                ---
                title: Cloud on phones
                lang: en
                ---

                ```poll
                id: ord
                type: wordcloud
                question: One word for trust?
                ```
                """);
        TestTalks.presenter(talk, "post", "/polls/ord/open", null);
        for (List<String> texts : List.of(List.of("Time", "Openness"), List.of("time"), List.of("shit"))) {
            given().cookie("afstemning_pid", TestTalks.join(talk.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("texts", texts)).post("/api/talks/{code}/polls/ord/votes", talk.joinCode).then()
                    .statusCode(200);
        }
        WebDriver phone = joined(talk, "phone-cloud");
        phone.findElement(By.cssSelector(".poll[data-poll-id='ord'] .entry-input")).sendKeys("Openness");
        phone.findElement(By.cssSelector(".poll[data-poll-id='ord'] button.submit")).click();
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='ord'] .phone-total"),
                "Answers from 4 participants");
        // What the screen draws: the results message's total and its words (the public results API gives the same).
        var results = given().get("/api/talks/{code}/polls/ord/results", talk.joinCode).then().statusCode(200)
                .extract().jsonPath();
        assertThat(results.getInt("total")).isEqualTo(4);
        assertThat(results.getList("details.words.text", String.class)).containsExactly("Openness", "Time");
        assertThat(Chromium.stableTexts(phone, By.cssSelector(".poll[data-poll-id='ord'] .phone-words li")))
                .containsExactly("Openness\n2", "Time\n2");
        Chromium.screenshot(phone, "phone-results-cloud");
    }

    @Test
    void aPhoneThatVotedSeesTheBarsWithCountAndPercent() {
        Talk talk = talkOn(2, "q");
        List<Integer> o = options(talk, "q");
        restVote(talk, TestTalks.join(talk.joinCode), "q", o.get(0));
        restVote(talk, TestTalks.join(talk.joinCode), "q", o.get(1));

        WebDriver phone = joined(talk, "phone-results");
        By box = By.cssSelector(".poll[data-poll-id='q'] .phone-results");
        assertThat(phone.findElement(box).isDisplayed()).as("no results before voting").isFalse();
        Chromium.screenshot(phone, "phone-before-vote");

        phone.findElements(By.cssSelector(".poll[data-poll-id='q'] button.option")).get(0).click();
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-total"), "3 answers");
        // phone-results.js redraws the bars on every update: read them by locator, never through held rows.
        assertThat(Chromium.stableTexts(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-bars .bar-row .label")))
                .containsExactly("Research-based knowledge from the municipalities' experiments",
                        "Practical experience",
                        "Don't know");
        assertThat(Chromium.stableTexts(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-bars .bar-row .numbers")))
                .containsExactly("2 · 67%", "1 · 33%", "0 · 0%");
        assertThat(Chromium.sidewaysOverflow(phone)).as("sideways scroll at 390 px").isLessThanOrEqualTo(0);

        // a later vote arrives live
        restVote(talk, TestTalks.join(talk.joinCode), "q", o.get(2));
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-total"), "4 answers");
        assertThat(Chromium.stableTexts(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-bars .numbers")))
                .containsExactly("2 · 50%", "1 · 25%", "1 · 25%");
        Chromium.screenshot(phone, "phone-results-bars");
    }

    /** Trial of issue 21: the first answer read "1 answers". */
    @Test
    void theFirstAnswerIsOneAnswerNotOneAnswers() {
        Talk talk = talkOn(2, "q");
        WebDriver phone = joined(talk, "phone-first");
        phone.findElements(By.cssSelector(".poll[data-poll-id='q'] button.option")).get(1).click();
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-total"), "1 answer");
        restVote(talk, TestTalks.join(talk.joinCode), "q", options(talk, "q").get(0));
        Chromium.awaitText(phone, By.cssSelector(".poll[data-poll-id='q'] .phone-total"), "2 answers");
    }

    @Test
    void aQuizPhoneSeesRightOrWrongPointsAndRankAfterTheClose() {
        Talk talk = talkOn(3, "quiz");
        List<Integer> o = options(talk, "quiz");
        String bo = TestTalks.join(talk.joinCode);
        given().cookie("afstemning_pid", bo).contentType(ContentType.JSON).body(Map.of("nickname", "Bo"))
                .put("/api/talks/{code}/nickname", talk.joinCode).then().statusCode(200);
        restVote(talk, bo, "quiz", o.get(2));

        WebDriver phone = joined(talk, "phone-quiz");
        String section = ".poll[data-poll-id='quiz'] ";
        phone.findElement(By.cssSelector(section + ".nickname-input")).sendKeys("Anne");
        phone.findElement(By.cssSelector(section + ".nickname-form button")).click();
        Chromium.awaitText(phone, By.cssSelector(section + ".nickname"), "Anne");
        phone.findElements(By.cssSelector(section + "button.option")).stream().filter(b -> b.getText().equals("9"))
                .findFirst().orElseThrow().click();
        Chromium.awaitText(phone, By.cssSelector(section + ".confirmation"), "Your vote was received");
        // while open the phone shows no counts
        assertThat(phone.findElement(By.cssSelector(section + ".phone-results")).isDisplayed()).isFalse();
        assertThat(phone.findElement(By.cssSelector(section + ".quiz-result")).isDisplayed()).isFalse();

        TestTalks.presenter(talk, "post", "/polls/quiz/close", null);
        long points = given().get("/api/talks/{code}/leaderboard", talk.joinCode).then().statusCode(200)
                .extract().<Integer>path("rows[0].points");
        assertThat(points).isBetween(500L, 1000L);
        Chromium.awaitText(phone, By.cssSelector(section + ".quiz-verdict"), "Right!");
        assertThat(phone.findElement(By.cssSelector(section + ".quiz-earned")).getText())
                .isEqualTo("+" + points + " points");
        assertThat(phone.findElement(By.cssSelector(section + ".quiz-total")).getText())
                .isEqualTo(points + " points in all");
        assertThat(phone.findElement(By.cssSelector(section + ".quiz-rank")).getText()).isEqualTo("Place 1 of 2");
        // the closed results: bars with the right option marked
        Chromium.awaitText(phone, By.cssSelector(section + ".phone-total"), "2 answers");
        assertThat(Chromium.stableText(phone, By.cssSelector(section + ".phone-bars .bar-row.correct .label")))
                .isEqualTo("9");
        assertThat(Chromium.sidewaysOverflow(phone)).as("sideways scroll at 390 px").isLessThanOrEqualTo(0);
        Chromium.screenshot(phone, "phone-quiz-result");

        // a reload shows the same result
        phone.navigate().refresh();
        Chromium.awaitLive(phone);
        Chromium.awaitText(phone, By.cssSelector(section + ".quiz-rank"), "Place 1 of 2");
        assertThat(phone.findElement(By.cssSelector(section + ".quiz-verdict")).getText()).isEqualTo("Right!");
        Chromium.awaitText(phone, By.cssSelector(section + ".phone-total"), "2 answers");
        Chromium.screenshot(phone, "phone-quiz-result-reloaded");
    }
}
