package dk.afstemning.polltype;

import static dk.afstemning.TestTalks.join;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Each poll type over REST: answers, limits, results with exact values, and the quiz leaderboard. */
@QuarkusTest
class QuestionTypesApiTest {

    /** A deck with one poll of every type beyond single choice. */
    static final String DECK = """
            ---
            title: Typer
            lang: da
            ---

            # Typer

            ---

            ```poll
            id: flere
            type: multiple
            question: Hvilke kilder bruger du?
            min: 1
            max: 2
            options: [Forskning, Kolleger, Egen erfaring]
            ```

            ---

            ```poll
            id: skala
            type: scale
            question: Hvor enig er du?
            min: 1
            max: 5
            low: Helt uenig
            high: Helt enig
            ```

            ---

            ```poll
            id: glider
            type: slider
            question: Hvor henter du din viden?
            low: forskningsbaseret viden
            high: praksiserfaring
            ```

            ---

            ```poll
            id: rang
            type: ranking
            question: Ordn dem
            options: [A, B, C]
            ```

            ---

            ```poll
            id: quiz
            type: quiz
            question: Hvor mange frikommuner var der i forsøg I?
            correct: ni
            options:
              - id: fem
                text: '5'
              - id: ni
                text: '9'
            ```
            """;

    @Inject
    DeckImporter importer;

    Talk talk;
    String code;

    @BeforeEach
    void newTalk() {
        talk = importer.importDeck("types-" + UUID.randomUUID() + ".md", DECK);
        code = talk.joinCode;
        for (String poll : List.of("flere", "skala", "glider", "rang", "quiz")) {
            TestTalks.open(talk, poll);
        }
    }

    private List<Integer> options(String poll) {
        return given().get("/api/talks/{code}", code).then().statusCode(200)
                .extract().path("polls.find { it.id == '" + poll + "' }.options.id");
    }

    private ValidatableResponse answer(String token, String poll, Map<String, Object> body) {
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", code, poll).then();
    }

    private ValidatableResponse results(String poll) {
        return given().get("/api/talks/{code}/polls/{poll}/results", code, poll).then().statusCode(200);
    }

    @Test
    void theTalkApiDescribesEachType() {
        given().get("/api/talks/{code}", code).then().statusCode(200)
                .body("polls.type", contains("multiple", "scale", "slider", "ranking", "quiz"))
                .body("polls[0].min", equalTo(1)).body("polls[0].max", equalTo(2))
                .body("polls[1].low", equalTo("Helt uenig")).body("polls[1].max", equalTo(5))
                .body("polls[1].options", empty())
                .body("polls[2].low", equalTo("forskningsbaseret viden")).body("polls[2].high", equalTo("praksiserfaring"));
    }

    @Test
    void multipleChoiceCountsParticipantsPerOptionWithinMinAndMax() {
        List<Integer> o = options("flere");
        String p1 = join(code);
        String p2 = join(code);
        // sent in any order, acknowledged and stored in option order
        answer(p1, "flere", Map.of("optionIds", List.of(o.get(2), o.get(0)), "requestId", "m-1")).statusCode(200)
                .body("answer.optionIds", contains(o.get(0), o.get(2))).body("optionId", nullValue());
        answer(p2, "flere", Map.of("optionIds", List.of(o.get(0)))).statusCode(200);
        // the resend of m-1 gets the same ack and counts once, even with another body
        answer(p1, "flere", Map.of("optionIds", List.of(o.get(1)), "requestId", "m-1")).statusCode(200)
                .body("answer.optionIds", contains(o.get(0), o.get(2)));
        results("flere").body("pollType", equalTo("multiple")).body("total", equalTo(2))
                .body("counts.count", contains(2, 0, 1)).body("counts.percent", contains(100, 0, 50))
                .body("details.min", equalTo(1)).body("details.max", equalTo(2));
        // limits: none, three, the same option twice, an option of another poll, the wrong field
        answer(p1, "flere", Map.of("optionIds", List.of())).statusCode(422).body("type", equalTo(
                "urn:afstemning:problem:invalid-selection")).body("detail", equalTo("Poll 'flere' takes 1 to 2 options, not 0"));
        answer(p1, "flere", Map.of("optionIds", o)).statusCode(422).body("detail",
                equalTo("Poll 'flere' takes 1 to 2 options, not 3"));
        answer(p1, "flere", Map.of("optionIds", List.of(o.get(1), o.get(1)))).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:duplicate-option"));
        answer(p1, "flere", Map.of("optionIds", List.of(options("rang").get(0)))).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:unknown-option"));
        answer(p1, "flere", Map.of("optionId", o.get(0))).statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:invalid-answer"))
                .body("detail", equalTo("A multiple poll takes optionIds, a list of option ids (poll 'flere')"));
        // a change replaces the whole selection
        answer(p1, "flere", Map.of("optionIds", List.of(o.get(1)))).statusCode(200);
        results("flere").body("counts.count", contains(1, 1, 0)).body("total", equalTo(2));
    }

    @Test
    void scaleGivesDistributionMeanAndMedian() {
        for (int v : new int[] { 1, 2, 2, 4, 5 }) {
            answer(join(code), "skala", Map.of("value", v)).statusCode(200).body("answer.value", equalTo(v));
        }
        results("skala").body("pollType", equalTo("scale")).body("total", equalTo(5)).body("counts", empty())
                .body("details.bars.count", contains(1, 2, 0, 1, 1)).body("details.bars.from", contains(1, 2, 3, 4, 5))
                .body("details.mean", equalTo(2.8f)).body("details.median", equalTo(2.0f))
                .body("details.low", equalTo("Helt uenig")).body("details.high", equalTo("Helt enig"));
        answer(join(code), "skala", Map.of("value", 6)).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:value-out-of-range"))
                .body("detail", equalTo("Poll 'skala' takes a value from 1 to 5, not 6"));
        answer(join(code), "skala", Map.of("value", 0)).statusCode(422);
    }

    @Test
    void sliderGivesTenBinsAndTheMean() {
        for (int v : new int[] { 0, 9, 10, 55, 90, 100, 100 }) {
            answer(join(code), "glider", Map.of("value", v)).statusCode(200);
        }
        results("glider").body("pollType", equalTo("slider")).body("total", equalTo(7))
                .body("details.bars", hasSize(10)).body("details.bars.count", contains(2, 1, 0, 0, 0, 1, 0, 0, 0, 3))
                .body("details.bars[9].from", equalTo(90)).body("details.bars[9].to", equalTo(100))
                .body("details.mean", equalTo(52.0f)).body("details.median", equalTo(55.0f));
        answer(join(code), "glider", Map.of("value", 101)).statusCode(422)
                .body("detail", equalTo("Poll 'glider' takes a value from 0 to 100, not 101"));
        answer(join(code), "glider", Map.of("value", -1)).statusCode(422);
    }

    @Test
    void rankingGivesAverageRankAndBordaPoints() {
        List<Integer> o = options("rang");
        int a = o.get(0);
        int b = o.get(1);
        int c = o.get(2);
        for (List<Integer> order : List.of(List.of(a, b, c), List.of(a, c, b), List.of(b, a, c), List.of(c, b, a))) {
            answer(join(code), "rang", Map.of("optionIds", order)).statusCode(200).body("answer.optionIds", equalTo(order));
        }
        results("rang").body("pollType", equalTo("ranking")).body("total", equalTo(4)).body("counts", empty())
                .body("details.options", equalTo(3))
                .body("details.items.text", contains("A", "B", "C"))
                .body("details.items.borda", contains(5, 4, 3))
                .body("details.items.averageRank", contains(1.75f, 2.0f, 2.25f))
                .body("details.items.first", contains(2, 1, 1));
        answer(join(code), "rang", Map.of("optionIds", List.of(a, b))).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:invalid-ranking"))
                .body("detail", equalTo("Poll 'rang' needs all 3 options in order, not 2"));
    }

    @Test
    void quizNeedsANicknameScoresRightAnswersAndShowsTheLeaderboardOnceClosed() {
        List<Integer> o = options("quiz");
        String p1 = join(code);
        String p2 = join(code);
        String p3 = join(code);
        answer(p1, "quiz", Map.of("optionId", o.get(1))).statusCode(409)
                .body("type", equalTo("urn:afstemning:problem:nickname-required"));
        nickname(p1, "  Anne   Berg ").statusCode(200).body("nickname", equalTo("Anne Berg"));
        nickname(p2, "anne berg").statusCode(409).body("type", equalTo("urn:afstemning:problem:nickname-taken"));
        nickname(p2, "Bo 👩🏽‍💻").statusCode(200).body("nickname", equalTo("Bo 👩🏽‍💻"));
        nickname(p3, "<img src=x onerror=alert(1)>").statusCode(400)
                .body("detail", equalTo("A nickname has at most 20 characters, not 28"));
        nickname(p3, "   ").statusCode(400).body("type", equalTo("urn:afstemning:problem:invalid-nickname"));
        // The leaderboard is projected: a filtered word is refused as in Q&A, and nothing is stored.
        nickname(p3, "Fuck").statusCode(422).body("type", equalTo("urn:afstemning:problem:profanity"))
                .body("detail", equalTo("The nickname contains a word that is not allowed here"));
        // A control character is refused for every text field alike (invalid-text), before the nickname's rules.
        nickname(p3, "C\u0007").statusCode(400).body("type", equalTo("urn:afstemning:problem:invalid-text"));
        nickname(p3, "C\u200B").statusCode(400).body("detail",
                equalTo("A nickname must not contain control or invisible characters"));
        nickname(p3, "{msg:title}").statusCode(200);
        answer(p1, "quiz", Map.of("optionId", o.get(1))).statusCode(200);
        answer(p2, "quiz", Map.of("optionId", o.get(0))).statusCode(200);
        // while open, nobody learns the right answer, nor how the others answered: only how many did
        results("quiz").body("pollType", equalTo("quiz")).body("total", equalTo(2))
                .body("resultsVisible", equalTo(false)).body("counts.count", contains(nullValue(), nullValue()))
                .body("counts.percent", contains(nullValue(), nullValue())).body("details", nullValue());
        TestTalks.close(talk, "quiz");
        results("quiz").body("details.correctOptionIds", contains(o.get(1))).body("details.correctVotes", equalTo(1))
                .body("details.leaderboard.rows.nickname", contains("Anne Berg", "Bo 👩🏽‍💻"))
                .body("details.leaderboard.rows.rank", contains(1, 2))
                .body("details.leaderboard.rows[1].points", equalTo(0))
                .body("details.leaderboard.rows[0].correct", equalTo(1));
        // right within the default 30 s: between 500 and 1000 points
        int points = given().get("/api/talks/{code}/leaderboard", code).then().statusCode(200)
                .body("type", equalTo("leaderboard")).body("quizzes", equalTo(1))
                .extract().path("rows[0].points");
        org.assertj.core.api.Assertions.assertThat(points).isBetween(500, 1000);
    }

    private ValidatableResponse nickname(String token, String nickname) {
        return given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(Map.of("nickname", nickname))
                .put("/api/talks/{code}/nickname", code).then();
    }

    @Test
    void aFinalVoteOfAnotherTypeCannotChangeButItsResendIsAnsweredAgain() {
        Talk strict = importer.importDeck("types-final-" + UUID.randomUUID() + ".md", """
                # T

                ```poll
                id: s
                type: scale
                question: Q?
                vote-changes: false
                ```
                """);
        TestTalks.open(strict, "s");
        String p1 = join(strict.joinCode);
        var body = Map.<String, Object>of("value", 3, "requestId", "s-1");
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/s/votes", strict.joinCode).then().statusCode(200);
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/s/votes", strict.joinCode).then().statusCode(200).body("answer.value", equalTo(3));
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(Map.of("value", 3))
                .post("/api/talks/{code}/polls/s/votes", strict.joinCode).then().statusCode(200);
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(Map.of("value", 4))
                .post("/api/talks/{code}/polls/s/votes", strict.joinCode).then().statusCode(409)
                .body("type", equalTo("urn:afstemning:problem:vote-final"));
        given().get("/api/talks/{code}/polls/s/results", strict.joinCode).then().body("total", equalTo(1))
                .body("details.bars.count", contains(0, 0, 1, 0, 0));
    }

    @Test
    void changingAPollsTypeInTheDeckStartsANewRound() {
        Talk choice = TestTalks.create(importer);
        TestTalks.open(choice, "q");
        TestTalks.vote(choice.joinCode, join(choice.joinCode), TestTalks.optionIds(choice.joinCode).get(0), "c-1")
                .statusCode(200);
        Talk updated = importer.updateTalkDeck(choice, "same.md", "# T\n\n```poll\nid: q\ntype: scale\nquestion: Q?\n```\n");
        given().get("/api/talks/{code}/polls/q/results", updated.joinCode).then().statusCode(200)
                .body("round", equalTo(2)).body("pollType", equalTo("scale")).body("total", equalTo(0));
        given().get("/api/talks/{code}/polls/q/results?round=1", updated.joinCode).then().statusCode(200)
                .body("total", equalTo(1));
    }
}
