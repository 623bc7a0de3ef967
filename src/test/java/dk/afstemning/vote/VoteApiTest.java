package dk.afstemning.vote;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Voting over REST: cast, change, once per participant, closed polls, and every kind of bad input. */
@QuarkusTest
class VoteApiTest {

    @Inject
    DeckImporter importer;

    Talk talk;
    String code;
    List<Integer> options;

    @BeforeEach
    void newTalk() {
        talk = TestTalks.create(importer);
        code = talk.joinCode;
        TestTalks.open(talk, "q");
        options = optionIds(code);
    }

    @Test
    void castingAVoteIsAcknowledgedAndCounted() {
        String p1 = join(code);
        vote(code, p1, options.get(0), "r-1").statusCode(200).contentType(ContentType.JSON)
                .body("requestId", equalTo("r-1")).body("pollId", equalTo("q"))
                .body("optionId", equalTo(options.get(0))).body("round", equalTo(1));
        assertThat(counts(code)).containsExactly(1, 0, 0);
        given().when().get("/api/talks/{code}/polls/q/results", code).then()
                .body("total", equalTo(1)).body("counts[0].percent", equalTo(100)).body("status", equalTo("OPEN"));
    }

    @Test
    void changingAVoteMovesItAndKeepsOneVote() {
        String p1 = join(code);
        String p2 = join(code);
        vote(code, p1, options.get(0), "r-1").statusCode(200);
        vote(code, p2, options.get(0), "r-2").statusCode(200);
        vote(code, p1, options.get(1), "r-3").statusCode(200).body("optionId", equalTo(options.get(1)));
        assertThat(counts(code)).containsExactly(1, 1, 0);
    }

    @Test
    void aSecondVoteFromTheSameParticipantIsNotCountedTwice() {
        String p1 = join(code);
        vote(code, p1, options.get(2), null).statusCode(200);
        vote(code, p1, options.get(2), null).statusCode(200);
        vote(code, p1, options.get(2), "r-9").statusCode(200);
        assertThat(counts(code)).containsExactly(0, 0, 1);
    }

    @Test
    void aClosedPollRefusesVotesAndKeepsItsCounts() {
        String p1 = join(code);
        String p2 = join(code);
        vote(code, p1, options.get(0), "r-1").statusCode(200);
        TestTalks.close(talk, "q");
        vote(code, p2, options.get(1), "r-2").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:poll-closed")).body("status", equalTo(409))
                .body("title", equalTo("Poll closed"));
        vote(code, p1, options.get(1), "r-3").statusCode(409);
        assertThat(counts(code)).containsExactly(1, 0, 0);
        TestTalks.open(talk, "q");
        vote(code, p2, options.get(1), "r-4").statusCode(200);
        assertThat(counts(code)).containsExactly(1, 1, 0);
    }

    @Test
    void aPollNotYetOpenedRefusesVotes() {
        Talk fresh = TestTalks.create(importer);
        String p1 = join(fresh.joinCode);
        vote(fresh.joinCode, p1, optionIds(fresh.joinCode).get(0), "r-1").statusCode(409)
                .body("type", endsWith("poll-closed"));
        assertThat(counts(fresh.joinCode)).containsExactly(0, 0, 0);
    }

    @Test
    void badInputGetsAProblemBodyAndChangesNothing() {
        String p1 = join(code);
        vote(code, p1, options.get(0), "r-0").statusCode(200);
        Talk other = TestTalks.create(importer);
        int otherOption = optionIds(other.joinCode).get(0);

        // unknown join code
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body("{\"optionId\":1}")
                .post("/api/talks/ZZZZZZ/polls/q/votes").then().statusCode(404)
                .contentType("application/problem+json").body("type", endsWith("talk-not-found"))
                .body("detail", equalTo("No talk has the join code 'ZZZZZZ'"));
        // unknown poll
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body("{\"optionId\":1}")
                .post("/api/talks/{c}/polls/nope/votes", code).then().statusCode(404).body("type", endsWith("poll-not-found"));
        // unknown option, and an option of another talk's poll
        vote(code, p1, 987654, "r-1").statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("unknown-option"));
        vote(code, p1, otherOption, "r-2").statusCode(422).body("type", endsWith("unknown-option"));
        // malformed JSON, wrong JSON type, missing option
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body("{\"optionId\":")
                .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("malformed-json"));
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body("{\"optionId\":\"many\"}")
                .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(400).body("status", equalTo(400))
                .body("detail", equalTo("Field 'optionId' must be a whole number"));
        for (String coerced : List.of("{\"optionId\":" + options.get(1) + ".7}", "{\"optionId\":\"" + options.get(1) + "\"}")) {
            given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body(coerced)
                    .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(400)
                    .body("type", endsWith("malformed-json"));
        }
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON).body("{}")
                .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(400)
                .body("type", endsWith("invalid-answer"))
                .body("detail", equalTo("A choice poll takes optionId, the id of one option (poll 'q')"));
        // oversized text
        vote(code, p1, options.get(1), "r".repeat(5000)).statusCode(400).body("type", endsWith("invalid-request"));
        vote(code, p1, options.get(1), "bad id with spaces").statusCode(400).body("type", endsWith("invalid-request-id"));
        // not joined, and a participant of another talk
        vote(code, null, options.get(1), "r-3").statusCode(403).body("type", endsWith("not-joined"));
        vote(code, join(other.joinCode), options.get(1), "r-4").statusCode(403).body("type", endsWith("not-joined"));

        assertThat(counts(code)).containsExactly(1, 0, 0);
        assertThat(counts(other.joinCode)).containsExactly(0, 0, 0);
    }

    @Test
    void anOverLongRequestIdIsOneEnglishProblemNamingTheField() {
        String p1 = join(code);
        String body = "{\"optionId\":" + options.get(1) + ",\"requestId\":\"" + "r".repeat(65) + "\"}";
        for (String language : List.of("da", "en")) {
            given().cookie("afstemning_pid", p1).header("Accept-Language", language).contentType(ContentType.JSON)
                    .body(body).post("/api/talks/{c}/polls/q/votes", code).then().statusCode(400)
                    .body("type", endsWith("invalid-request"))
                    .body("detail", equalTo("The request is not valid: requestId: must be at most 64 characters"))
                    .body("errors", equalTo(List.of("requestId: must be at most 64 characters")));
        }
        // 21 texts: the list limit is English too
        String texts = "{\"texts\":[" + String.join(",", java.util.Collections.nCopies(21, "\"a\"")) + "]}";
        given().cookie("afstemning_pid", p1).header("Accept-Language", "da").contentType(ContentType.JSON).body(texts)
                .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(400)
                .body("errors", equalTo(List.of("texts: must have at most 20 entries")));
        // 64 characters is still a valid id
        given().cookie("afstemning_pid", p1).contentType(ContentType.JSON)
                .body("{\"optionId\":" + options.get(1) + ",\"requestId\":\"" + "r".repeat(64) + "\"}")
                .post("/api/talks/{c}/polls/q/votes", code).then().statusCode(200);
        assertThat(counts(code)).containsExactly(0, 1, 0);
    }

    @Test
    void presenterControlsNeedThisTalksKey() {
        Talk other = TestTalks.create(importer);
        given().header("X-Presenter-Key", other.presenterKey).post("/api/talks/{c}/polls/q/close", code).then()
                .statusCode(403).contentType("application/problem+json").body("type", endsWith("forbidden"));
        given().post("/api/talks/{c}/polls/q/close", code).then().statusCode(403);
        given().when().get("/api/talks/{c}", code).then().body("polls[0].status", equalTo("OPEN"));
    }

    @Test
    void theTalkApiNeverShowsThePresenterKey() {
        String body = given().when().get("/api/talks/{c}", code).then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain(talk.presenterKey).contains("\"code\":\"" + code + "\"");
    }
}
