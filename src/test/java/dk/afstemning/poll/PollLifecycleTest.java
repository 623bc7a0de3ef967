package dk.afstemning.poll;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** The poll life cycle over REST: rounds, hidden results, countdowns and final votes. */
@QuarkusTest
class PollLifecycleTest {

    @Inject
    DeckImporter importer;

    private Talk talkWith(String settings) {
        String deck = "---\ntitle: Livscyklus\nlang: da\n---\n\n# Intro\n\n---\n\n```poll\nid: q\nquestion: Hvad mener du?\n"
                + settings + "options:\n  - Forskningsmæssig viden\n  - Praktiske erfaringer\n  - Ved ikke\n```\n";
        return importer.importDeck("lifecycle-" + UUID.randomUUID() + ".md", deck);
    }

    private void post(Talk talk, String action) {
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/" + action, talk.joinCode)
                .then().statusCode(200);
    }

    @Test
    void resetStartsANewOpenRoundAndKeepsTheEarlierOne() {
        Talk talk = talkWith("");
        String code = talk.joinCode;
        List<Integer> options = optionIds(code);
        TestTalks.open(talk, "q");
        String p1 = join(code);
        String p2 = join(code);
        vote(code, p1, options.get(0), "r-1").statusCode(200);
        vote(code, p2, options.get(1), "r-2").statusCode(200);

        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/reset", code).then()
                .statusCode(200).body("round", equalTo(2)).body("status", equalTo("OPEN"));
        assertThat(counts(code)).containsExactly(0, 0, 0);
        vote(code, p1, options.get(1), "r-3").statusCode(200).body("round", equalTo(2));
        assertThat(counts(code)).containsExactly(0, 1, 0);

        given().queryParam("round", 1).get("/api/talks/{c}/polls/q/results", code).then().statusCode(200)
                .body("round", equalTo(1)).body("currentRound", equalTo(2)).body("total", equalTo(2))
                .body("counts.count", equalTo(List.of(1, 1, 0)));
        given().queryParam("round", 3).get("/api/talks/{c}/polls/q/results", code).then().statusCode(404)
                .body("type", endsWith("round-not-found"));
        // The old request id of round 1 is answered from its receipt, not re-applied to round 2.
        vote(code, p1, options.get(0), "r-1").statusCode(200).body("round", equalTo(1));
        assertThat(counts(code)).containsExactly(0, 1, 0);
    }

    @Test
    void hiddenResultsShowNoCountsUntilRevealedAndHideAgainInTheNextRound() {
        Talk talk = talkWith("results: hidden\n");
        String code = talk.joinCode;
        TestTalks.open(talk, "q");
        vote(code, join(code), optionIds(code).get(2), "r-1").statusCode(200);
        given().get("/api/talks/{c}/polls/q/results", code).then().body("resultsVisible", equalTo(false))
                .body("total", equalTo(1)).body("counts[2].count", nullValue()).body("counts[2].percent", nullValue());
        post(talk, "reveal");
        given().get("/api/talks/{c}/polls/q/results", code).then().body("resultsVisible", equalTo(true))
                .body("counts.count", equalTo(List.of(0, 0, 1))).body("counts[2].percent", equalTo(100));
        post(talk, "hide");
        given().get("/api/talks/{c}/polls/q/results", code).then().body("resultsVisible", equalTo(false));
        post(talk, "reveal");
        post(talk, "reset");
        given().get("/api/talks/{c}/polls/q/results", code).then().body("resultsVisible", equalTo(false))
                .body("round", equalTo(2));
        given().queryParam("round", 1).get("/api/talks/{c}/polls/q/results", code).then()
                .body("resultsVisible", equalTo(true)).body("counts.count", equalTo(List.of(0, 0, 1)));
    }

    @Test
    void aCountdownClosesThePollOnTheServersClock() {
        Talk talk = talkWith("time-limit: 5\n");
        String code = talk.joinCode;
        List<Integer> options = optionIds(code);
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/open", code).then()
                .statusCode(200).body("timeLimit", equalTo(5));
        Number remaining = given().get("/api/talks/{c}/polls/q/results", code).then().extract().path("remainingMs");
        assertThat(remaining.longValue()).isBetween(1L, 5000L);
        String p1 = join(code);
        vote(code, p1, options.get(0), "r-1").statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> "CLOSED".equals(
                given().get("/api/talks/{c}/polls/q/results", code).then().extract().path("status")));
        vote(code, join(code), options.get(1), "r-2").statusCode(409).body("type", endsWith("poll-closed"));
        assertThat(counts(code)).containsExactly(1, 0, 0);
        given().get("/api/talks/{c}/polls/q/results", code).then().body("remainingMs", nullValue());
    }

    @Test
    void theCountdownCanBeSetWhenOpeningAndIsValidated() {
        Talk talk = talkWith("");
        given().header("X-Presenter-Key", talk.presenterKey).queryParam("seconds", 2)
                .post("/api/talks/{c}/polls/q/open", talk.joinCode).then().statusCode(400)
                .body("type", endsWith("invalid-countdown"));
        for (String bad : List.of("abc", "1.5", "99999999999", "1e2", "-1")) {
            given().header("X-Presenter-Key", talk.presenterKey).queryParam("seconds", bad)
                    .post("/api/talks/{c}/polls/q/open", talk.joinCode).then().statusCode(400)
                    .body("type", endsWith("invalid-countdown"));
        }
        given().queryParam("round", "x").get("/api/talks/{c}/polls/q/results", talk.joinCode).then().statusCode(400)
                .body("type", endsWith("invalid-round"));
        given().header("X-Presenter-Key", talk.presenterKey).queryParam("seconds", 120)
                .post("/api/talks/{c}/polls/q/open", talk.joinCode).then().statusCode(200)
                .body("status", equalTo("OPEN"));
        Number remaining = given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().extract()
                .path("remainingMs");
        assertThat(remaining.longValue()).isBetween(110_000L, 120_000L);
        given().header("X-Presenter-Key", talk.presenterKey).queryParam("seconds", 0)
                .post("/api/talks/{c}/polls/q/open", talk.joinCode).then().statusCode(200);
        given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().body("remainingMs", nullValue());
    }

    @Test
    void whenVoteChangesAreOffAVoteIsFinal() {
        Talk talk = talkWith("vote-changes: false\n");
        String code = talk.joinCode;
        List<Integer> options = optionIds(code);
        TestTalks.open(talk, "q");
        String p1 = join(code);
        vote(code, p1, options.get(0), "r-1").statusCode(200);
        vote(code, p1, options.get(1), "r-2").statusCode(409).body("type", endsWith("vote-final"));
        vote(code, p1, options.get(0), "r-3").statusCode(200);
        assertThat(counts(code)).containsExactly(1, 0, 0);
    }

    @Test
    void everyControlNeedsThisTalksKey() {
        Talk talk = talkWith("");
        Talk other = talkWith("");
        for (String action : List.of("open", "close", "reveal", "hide", "reset")) {
            given().header("X-Presenter-Key", other.presenterKey).post("/api/talks/{c}/polls/q/" + action, talk.joinCode)
                    .then().statusCode(403).body("type", endsWith("forbidden"));
        }
        given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().body("status", equalTo("DRAFT"))
                .body("round", equalTo(1));
    }
}
