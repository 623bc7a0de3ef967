package dk.afstemning.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.organiser.TalkReports;
import dk.afstemning.poll.Poll;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteReceipt;

/** Retention: raw votes and receipts older than the cut-off go, the counts stay exactly the same. */
@QuarkusTest
class RawVoteRetentionTest {

    @Inject
    DeckImporter importer;

    @Inject
    RawVoteRetention retention;

    @Inject
    TalkReports reports;

    @Inject
    dk.afstemning.report.ReportService reportService;

    @Test
    void prunedRoundsKeepTheirExactCountsAndTheOpenRoundKeepsItsRawVotes() {
        Talk talk = TestTalks.create(importer);
        String code = talk.joinCode;
        List<Integer> o = TestTalks.optionIds(code);
        TestTalks.open(talk, "q");
        String p1 = TestTalks.join(code);
        TestTalks.vote(code, p1, o.get(0), "r-1").statusCode(200);
        TestTalks.vote(code, TestTalks.join(code), o.get(0), "r-2").statusCode(200);
        TestTalks.vote(code, TestTalks.join(code), o.get(1), "r-3").statusCode(200);
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/reset", code).then()
                .statusCode(200);
        TestTalks.vote(code, p1, o.get(1), "r-4").statusCode(200);
        long pollId = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(talk, "q").orElseThrow().id);

        // Round 1 is over: its 3 raw votes go; round 2 is open, so its vote stays. (Only this talk's votes are 30
        // days old; other tests' votes are newer than the cut-off and stay.)
        TestTalks.ageVotes(talk, 30);
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(3);
        assertThat(rows("vote", pollId, 1)).isZero();
        assertThat(rows("vote_receipt", pollId, 1)).isZero();
        assertThat(rows("vote", pollId, 2)).isEqualTo(1);
        assertThat(rows("vote_receipt", pollId, 2)).isEqualTo(1);
        given().get("/api/talks/{c}/polls/q/results?round=1", code).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(3))
                .body("counts.count", org.hamcrest.Matchers.equalTo(List.of(2, 1, 0)))
                .body("counts.percent", org.hamcrest.Matchers.equalTo(List.of(67, 33, 0)));
        assertThat(TestTalks.counts(code)).containsExactly(0, 1, 0);

        // Closed now: the last raw vote goes too, and every count is unchanged.
        TestTalks.close(talk, "q");
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(1);
        assertThat(rows("vote", pollId, 2)).isZero();
        assertThat(TestTalks.counts(code)).containsExactly(0, 1, 0);
        given().get("/api/talks/{c}/polls/q/results?round=1", code).then()
                .body("counts.count", org.hamcrest.Matchers.equalTo(List.of(2, 1, 0)));
        TalkReports.PollReport poll = reports.report(talk.id).polls().get(0);
        assertThat(poll.totals()).containsExactly(3L, 1L);
        assertThat(poll.options().get(0).counts()).containsExactly(2L, 0L);
        assertThat(poll.options().get(1).counts()).containsExactly(1L, 1L);
        assertThat(reports.talks(code, null, null).get(0).polls().get(0).votes()).isEqualTo(4);
        // Pruning again changes nothing.
        retention.prune(Instant.now().minus(Duration.ofDays(10)));
        assertThat(TestTalks.counts(code)).containsExactly(0, 1, 0);
    }

    @Test
    void votesNewerThanTheCutOffStay() {
        Talk talk = TestTalks.create(importer);
        TestTalks.open(talk, "q");
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), TestTalks.optionIds(talk.joinCode).get(2), "r-1")
                .statusCode(200);
        TestTalks.close(talk, "q");
        retention.prune(Instant.now().minusSeconds(3600));
        assertThat(TestTalks.counts(talk.joinCode)).containsExactly(0, 0, 1);
        long pollId = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(talk, "q").orElseThrow().id);
        assertThat(rows("vote", pollId, 1)).isEqualTo(1);
    }

    @Test
    void everyTypesResultsAreTheSameAfterRetentionAndOnlyChoiceVotesArePruned() {
        String deck = """
                ---
                title: Typer og opbevaring
                ---

                ```poll
                id: valg
                question: Valg?
                options: [{id: ja, text: Ja}, {id: nej, text: Nej}]
                ```

                ---

                ```poll
                id: flere
                type: multiple
                question: Flere?
                options: [{id: a, text: A}, {id: b, text: B}]
                ```

                ---

                ```poll
                id: skala
                type: scale
                question: Skala?
                ```

                ---

                ```poll
                id: glider
                type: slider
                question: Glider?
                low: lav
                high: høj
                ```

                ---

                ```poll
                id: rang
                type: ranking
                question: Rang?
                options: [{id: a, text: A}, {id: b, text: B}]
                ```

                ---

                ```poll
                id: quiz
                type: quiz
                question: Quiz?
                correct: a
                options: [{id: a, text: A}, {id: b, text: B}]
                ```
                """;
        Talk talk = importer.importDeck("retention-types-" + java.util.UUID.randomUUID() + ".md", deck);
        List<String> polls = List.of("valg", "flere", "skala", "glider", "rang", "quiz");
        polls.forEach(p -> TestTalks.open(talk, p));
        for (int i = 0; i < 3; i++) {
            String token = TestTalks.join(talk.joinCode);
            given().cookie("afstemning_pid", token).contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("nickname", "n" + i + "-" + talk.joinCode))
                    .put("/api/talks/{code}/nickname", talk.joinCode).then().statusCode(200);
            java.util.Map<String, List<Integer>> ids = new java.util.HashMap<>();
            for (String p : List.of("valg", "flere", "rang", "quiz")) {
                ids.put(p, given().get("/api/talks/{code}", talk.joinCode).then().extract()
                        .path("polls.find { it.id == '" + p + "' }.options.id"));
            }
            answer(talk, token, "valg", java.util.Map.of("optionId", ids.get("valg").get(i % 2)));
            answer(talk, token, "flere", java.util.Map.of("optionIds", i == 0 ? ids.get("flere")
                    : List.of(ids.get("flere").get(i - 1))));
            answer(talk, token, "skala", java.util.Map.of("value", 1 + i * 2));
            answer(talk, token, "glider", java.util.Map.of("value", 10 + i * 40));
            answer(talk, token, "rang", java.util.Map.of("optionIds", i == 1 ? List.of(ids.get("rang").get(1), ids.get("rang").get(0))
                    : ids.get("rang")));
            answer(talk, token, "quiz", java.util.Map.of("optionId", ids.get("quiz").get(i == 2 ? 1 : 0)));
        }
        polls.forEach(p -> TestTalks.close(talk, p));
        var before = reportService.talk(talk.id).polls();
        var beforeApi = polls.stream().map(p -> given().get("/api/talks/{c}/polls/{p}/results", talk.joinCode, p)
                .then().statusCode(200).extract().jsonPath().getMap("$")).toList();
        var leaderboard = given().get("/api/talks/{c}/leaderboard", talk.joinCode).then().statusCode(200).extract()
                .asString();

        TestTalks.ageVotes(talk, 30);
        Instant cutoff = Instant.now().minus(Duration.ofDays(10));
        long kept = retention.kept(cutoff);
        assertThat(retention.prune(cutoff)).isEqualTo(3); // the choice poll's votes only
        assertThat(kept).isGreaterThanOrEqualTo(15); // this talk's 5 other polls x 3 votes (other tests may add)
        QuarkusTransaction.requiringNew().run(() -> {
            for (String p : polls) {
                long pollId = Poll.findByTalkAndKey(talk, p).orElseThrow().id;
                assertThat(Vote.count("poll.id", pollId)).as(p).isEqualTo(p.equals("valg") ? 0 : 3);
            }
        });

        assertThat(reportService.talk(talk.id).polls()).isEqualTo(before);
        assertThat(polls.stream().map(p -> given().get("/api/talks/{c}/polls/{p}/results", talk.joinCode, p).then()
                .statusCode(200).extract().jsonPath().getMap("$")).toList()).isEqualTo(beforeApi);
        assertThat(given().get("/api/talks/{c}/leaderboard", talk.joinCode).then().extract().asString())
                .isEqualTo(leaderboard);
        // the report's exact numbers, after retention
        var after = reportService.talk(talk.id).polls();
        assertThat(after.get(0).rounds().get(0).options()).extracting(o -> o.count()).containsExactly(2L, 1L);
        assertThat(after.get(1).rounds().get(0).options()).extracting(o -> o.count()).containsExactly(2L, 2L);
        assertThat(after.get(2).rounds().get(0).mean().mean()).isEqualTo(3.0);
        assertThat(after.get(3).rounds().get(0).mean().median()).isEqualTo(50.0);
        assertThat(after.get(4).rounds().get(0).options()).extracting(o -> o.borda()).containsExactly(2L, 1L);
        assertThat(after.get(5).rounds().get(0).options()).extracting(o -> o.count()).containsExactly(2L, 1L);
    }

    private static void answer(Talk talk, String token, String poll, java.util.Map<String, Object> body) {
        given().cookie("afstemning_pid", token).contentType(io.restassured.http.ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll).then().statusCode(200);
    }

    private static long rows(String table, long pollId, int round) {
        return QuarkusTransaction.requiringNew().call(() -> table.equals("vote")
                ? Vote.count("poll.id = ?1 and round = ?2", pollId, round)
                : VoteReceipt.count("pollId = ?1 and round = ?2", pollId, round));
    }
}
