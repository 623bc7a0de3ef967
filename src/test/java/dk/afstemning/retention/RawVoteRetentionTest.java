package dk.afstemning.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.polltype.ReportItems;
import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.organiser.TalkDeletion;
import dk.afstemning.organiser.TalkReports;
import dk.afstemning.poll.Poll;
import dk.afstemning.report.Reports;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteReceipt;
import dk.afstemning.vote.VoteText;

/**
 * Retention: raw votes and receipts older than the cut-off go, of every poll type, and every result, report and
 * aggregate export stays exactly the same.
 */
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

    @Inject
    TalkDeletion talkDeletion;

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

    /** Every poll type, in deck order: choice, multiple, scale, slider, ranking, quiz, wordcloud, open. */
    private static final List<String> POLLS = List.of("valg", "flere", "skala", "glider", "rang", "quiz", "ord", "fri");

    private static final String DECK = """
            ---
            title: Typer og opbevaring
            ---

            ```poll
            id: valg
            question: Valg?
            options: [{id: a, text: A}, {id: b, text: B}]
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

            ---

            ```poll
            id: ord
            type: wordcloud
            question: Ord?
            ```

            ---

            ```poll
            id: fri
            type: open
            question: Fri?
            ```
            """;

    @Test
    void everyTypesResultsReportsAndExportsAreTheSameWhenEveryVoteIsPruned() {
        Talk talk = importer.importDeck("retention-types-" + UUID.randomUUID() + ".md", DECK);
        POLLS.forEach(p -> TestTalks.open(talk, p));
        for (int i = 0; i < 3; i++) {
            answerAll(talk, joinWithNickname(talk, i), i);
        }
        moderate(talk, "Svar 0", "shown");
        moderate(talk, "Svar 1", "hidden");
        POLLS.forEach(p -> TestTalks.close(talk, p));
        TestTalks.ageVotes(talk, 30);
        Snapshot before = snapshot(talk);

        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(3 * POLLS.size());
        assertThat(rawVotes(talk)).isZero();
        assertThat(snapshot(talk)).isEqualTo(before);

        // the exact numbers, after retention
        var after = reportService.talk(talk.id).polls();
        assertThat(after.get(0).rounds().get(0).options()).extracting(o -> o.count()).containsExactly(2L, 1L);
        assertThat(after.get(1).rounds().get(0).n()).isEqualTo(3);
        assertThat(after.get(1).rounds().get(0).options()).extracting(o -> o.count()).containsExactly(2L, 2L);
        assertThat(after.get(2).rounds().get(0).mean().mean()).isEqualTo(3.0);
        assertThat(after.get(2).rounds().get(0).mean().sd()).isEqualTo(2.0);
        assertThat(after.get(3).rounds().get(0).mean().median()).isEqualTo(50.0);
        assertThat(after.get(4).rounds().get(0).options()).extracting(o -> o.borda()).containsExactly(2L, 1L);
        assertThat(after.get(4).rounds().get(0).options()).extracting(o -> o.averageRank()).containsExactly(4 / 3.0,
                5 / 3.0);
        assertThat(after.get(5).rounds().get(0).options()).extracting(o -> o.count()).containsExactly(2L, 1L);
        assertThat(after.get(6).rounds().get(0).options()).extracting(o -> o.text() + "=" + o.count())
                .containsExactly("Ledelse=3", "Tillid=1");
        assertThat(after.get(6).rounds().get(0).hidden()).isEqualTo(1);
        // open text: the shown answer is kept as text, unlinked from its author; the others only as numbers
        var open = after.get(7).rounds().get(0);
        assertThat(open.options()).extracting(o -> o.optionId() + "=" + o.count())
                .containsExactly("shown=1", "waiting=1", "hidden=1");
        assertThat(open.answers()).extracting(a -> a.text() + "/" + a.status() + "/" + a.participant())
                .containsExactly("Svar 0/shown/null");
        assertThat(given().get("/api/talks/{c}/polls/fri/results", talk.joinCode).then().extract()
                .<String>path("details.answers[0].text")).isEqualTo("Svar 0");
        TalkReports.TalkReport page = reports.report(talk.id);
        assertThat(List.of(page.participants(), page.voters(), (long) page.responsePercent())).containsExactly(3L, 3L,
                100L);
        assertThat(openTextCounts(talk)).containsExactly(
                "<h3>Round 1 · Participants who answered (n) 3 · Answers (up to 3 per participant) 3</h3>",
                "<p class=\"hint open-counts\">Shown 1 · waiting 1 · hidden 1</p>",
                "<h3>Votes per 10 seconds</h3>",
                "<h3>Runde 1 · Deltagere, der svarede (n) 3 · Svar (op til 3 pr. deltager) 3</h3>",
                "<p class=\"hint open-counts\">Vist 1 · venter 1 · skjult 1</p>",
                "<h3>Stemmer pr. 10 sekunder</h3>");
        assertThat(given().get("/api/talks/{c}/leaderboard", talk.joinCode).then().extract()
                .<List<Integer>>path("rows.correct")).containsExactly(1, 1, 0);
        // pruning again changes nothing
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isZero();
        assertThat(snapshot(talk)).isEqualTo(before);
    }

    @Test
    void everyTypeIsTheSameAfterPartialPruningAndCountsLaterVotesOnceInALaterRound() {
        Talk talk = importer.importDeck("retention-partial-" + UUID.randomUUID() + ".md", DECK);
        POLLS.forEach(p -> TestTalks.open(talk, p));
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tokens.add(joinWithNickname(talk, i));
        }
        answerAll(talk, tokens.get(0), 0);
        answerAll(talk, tokens.get(1), 1);
        moderate(talk, "Svar 0", "shown");
        moderate(talk, "Svar 1", "hidden");
        TestTalks.ageVotes(talk, 30); // participants 0 and 1 answered 30 days ago, participant 2 now
        answerAll(talk, tokens.get(2), 2);
        moderate(talk, "Svar 2", "shown");
        POLLS.forEach(p -> TestTalks.close(talk, p));
        Snapshot before = snapshot(talk);

        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(2 * POLLS.size());
        assertThat(rawVotes(talk)).isEqualTo(POLLS.size());
        assertThat(snapshot(talk)).isEqualTo(before);
        var words = reportService.talk(talk.id).polls().get(6).rounds().get(0);
        // "Ledelse" (pruned, sent first), "ledelse" (pruned), "LEDELSE" (stored): a tie, so the first sent spelling
        assertThat(words.options()).extracting(o -> o.text() + "=" + o.count()).containsExactly("Ledelse=3", "Tillid=1");
        assertThat(given().get("/api/talks/{c}/polls/fri/results", talk.joinCode).then().extract()
                .<List<String>>path("details.answers.text")).containsExactly("Svar 2", "Svar 0");

        // Round 2: participant 3 and participant 0 again (in that order).
        POLLS.forEach(p -> given().header("X-Presenter-Key", talk.presenterKey)
                .post("/api/talks/{c}/polls/{p}/reset", talk.joinCode, p).then().statusCode(200));
        answerAll(talk, tokens.get(3), 3);
        answerAll(talk, tokens.get(0), 0);
        POLLS.forEach(p -> TestTalks.close(talk, p));
        var round2 = reportService.talk(talk.id).polls().stream().map(p -> p.rounds().get(1)).toList();
        assertThat(round2).extracting(r -> r.n()).containsOnly(2L);
        assertThat(round2.get(0).options()).extracting(o -> o.count()).containsExactly(1L, 1L);
        assertThat(round2.get(2).mean().mean()).isEqualTo(1.5);
        assertThat(round2.get(6).options()).extracting(o -> o.text() + "=" + o.count())
                .containsExactly("tillid=2", "Ledelse=1");
        var round1 = reportService.talk(talk.id).polls().stream().map(p -> shownOnly(p.rounds().get(0))).toList();
        assertThat(round1).isEqualTo(before.report().stream().map(p -> p.rounds().get(0)).toList());
        TalkReports.TalkReport page = reports.report(talk.id);
        assertThat(List.of(page.participants(), page.voters(), (long) page.responsePercent())).containsExactly(4L, 4L,
                100L);
        assertThat(page.polls().get(0).voters()).isEqualTo(4);
        assertThat(page.polls().get(0).totals()).containsExactly(3L, 2L);

        // Everything old now: the rest goes, and nothing changes.
        TestTalks.ageVotes(talk, 30);
        Snapshot beforeAll = snapshot(talk);
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(3 * POLLS.size());
        assertThat(rawVotes(talk)).isZero();
        assertThat(snapshot(talk)).isEqualTo(beforeAll);
    }

    @Test
    void aChangedVoteInTheOpenRoundCountsOnceAndReopeningAPrunedRoundStartsANewOne() {
        Talk talk = importer.importDeck("retention-change-" + UUID.randomUUID() + ".md", DECK);
        TestTalks.open(talk, "valg");
        TestTalks.open(talk, "ord");
        String token = joinWithNickname(talk, 0);
        List<Integer> ids = given().get("/api/talks/{code}", talk.joinCode).then().extract()
                .path("polls.find { it.id == 'valg' }.options.id");
        answer(talk, token, "valg", Map.of("optionId", ids.get(0)));
        answer(talk, token, "ord", Map.of("texts", List.of("Tillid")));
        long pollId = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(talk, "valg").orElseThrow().id);
        TestTalks.ageVotes(talk, 30);
        retention.prune(Instant.now().minus(Duration.ofDays(10)));
        assertThat(rows("vote", pollId, 1)).isEqualTo(1); // the open round keeps its raw votes
        answer(talk, token, "valg", Map.of("optionId", ids.get(1)));
        answer(talk, token, "ord", Map.of("texts", List.of("Tid")));
        assertThat(valgCounts(talk)).containsExactly(0, 1);
        given().get("/api/talks/{c}/polls/ord/results", talk.joinCode).then().body("total", equalTo(1))
                .body("details.words.text", equalTo(List.of("Tid")));

        TestTalks.close(talk, "valg");
        TestTalks.close(talk, "ord");
        TestTalks.ageVotes(talk, 30);
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(2);
        // Opening the pruned round again would let the participant answer a second time: it opens round 2.
        TestTalks.open(talk, "valg");
        given().get("/api/talks/{c}/polls/valg/results", talk.joinCode).then().body("round", equalTo(2))
                .body("total", equalTo(0));
        answer(talk, token, "valg", Map.of("optionId", ids.get(0)));
        assertThat(valgCounts(talk)).containsExactly(1, 0);
        given().get("/api/talks/{c}/polls/valg/results?round=1", talk.joinCode).then().body("total", equalTo(1))
                .body("counts.count", equalTo(List.of(0, 1)));
    }

    @Test
    void deletingATalkDeletesItsKeptAggregates() {
        Talk talk = importer.importDeck("retention-delete-" + UUID.randomUUID() + ".md", DECK);
        POLLS.forEach(p -> TestTalks.open(talk, p));
        for (int i = 0; i < 2; i++) {
            answerAll(talk, joinWithNickname(talk, i), i);
        }
        moderate(talk, "Svar 0", "shown");
        POLLS.forEach(p -> TestTalks.close(talk, p));
        TestTalks.ageVotes(talk, 30);
        assertThat(retention.prune(Instant.now().minus(Duration.ofDays(10)))).isEqualTo(2 * POLLS.size());
        List<Long> pollIds = QuarkusTransaction.requiringNew().call(() -> Poll.<Poll>list("talk", talk).stream()
                .map(p -> p.id).toList());
        assertThat(AGGREGATES.stream().map(t -> aggregateRows(t, pollIds)).toList())
                .containsExactly(2L * POLLS.size(), 5L, 4L, 4L, 3L, 2L, 1L);

        assertThat(talkDeletion.delete(talk.id)).isTrue();
        assertThat(AGGREGATES.stream().map(t -> aggregateRows(t, pollIds)).toList()).containsOnly(0L);
    }

    /** The tables of kept aggregates, each with a {@code poll_id}. */
    private static final List<String> AGGREGATES = List.of("pruned_vote", "vote_tally", "value_tally", "place_tally",
            "word_tally", "text_tally", "kept_text");

    private static long aggregateRows(String table, List<Long> pollIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Talk.getEntityManager()
                .createNativeQuery("select count(*) from " + table + " where poll_id in (?1)")
                .setParameter(1, pollIds).getSingleResult()).longValue());
    }

    /** Participant {@code i} (from 0) answers every poll of {@link #DECK}; answers differ by {@code i}. */
    private static void answerAll(Talk talk, String token, int i) {
        Map<String, List<Integer>> ids = new java.util.HashMap<>();
        for (String p : List.of("valg", "flere", "rang", "quiz")) {
            ids.put(p, given().get("/api/talks/{code}", talk.joinCode).then().extract()
                    .path("polls.find { it.id == '" + p + "' }.options.id"));
        }
        answer(talk, token, "valg", Map.of("optionId", ids.get("valg").get(i % 2)));
        answer(talk, token, "flere", Map.of("optionIds", i == 0 ? ids.get("flere")
                : List.of(ids.get("flere").get((i - 1) % 2))));
        answer(talk, token, "skala", Map.of("value", 1 + i * 2 % 5));
        answer(talk, token, "glider", Map.of("value", (10 + i * 40) % 101));
        answer(talk, token, "rang", Map.of("optionIds", i % 2 == 1
                ? List.of(ids.get("rang").get(1), ids.get("rang").get(0)) : ids.get("rang")));
        answer(talk, token, "quiz", Map.of("optionId", ids.get("quiz").get(i == 2 ? 1 : 0)));
        answer(talk, token, "ord", Map.of("texts", List.of(List.of("Ledelse", "Tillid"), List.of("ledelse", "lort"),
                List.of("LEDELSE"), List.of("tillid")).get(i)));
        answer(talk, token, "fri", Map.of("texts", List.of("Svar " + i)));
    }

    private static String joinWithNickname(Talk talk, int i) {
        String token = TestTalks.join(talk.joinCode);
        given().cookie("afstemning_pid", token).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("nickname", "n" + i + "-" + talk.joinCode))
                .put("/api/talks/{code}/nickname", talk.joinCode).then().statusCode(200);
        return token;
    }

    /** The presenter shows or hides the open answer {@code text} of the talk's {@code fri} poll. */
    private static void moderate(Talk talk, String text, String status) {
        long id = QuarkusTransaction.requiringNew().call(() -> VoteText.<VoteText>find("text = ?1 and vote.poll.talk.id = ?2",
                text, talk.id).singleResult().id);
        given().header("X-Presenter-Key", talk.presenterKey).contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("status", status))
                .put("/api/talks/{code}/polls/fri/answers/{id}/status", talk.joinCode, id).then().statusCode(200);
    }

    private static List<Integer> valgCounts(Talk talk) {
        return given().get("/api/talks/{c}/polls/valg/results", talk.joinCode).then().statusCode(200).extract()
                .path("counts.count");
    }

    private static long rawVotes(Talk talk) {
        return QuarkusTransaction.requiringNew().call(() -> Vote.count("poll.talk.id", talk.id));
    }

    /**
     * Everything results show of a talk, as the public, the presenter and organisers see it: every round's results
     * API, the leaderboard, the organiser report, the talk page and dashboard, the same questions across talks, and
     * the aggregate exports (results CSV, the XLSX poll sheets, the JSON report), and the open-text counts in the talk
     * page's HTML. Open-text answers other than shown ones, and the authors of shown ones, are left out: those are
     * what pruning deletes.
     */
    private record Snapshot(List<Map<String, Object>> api, String leaderboard, List<Reports.PollReport> report,
            List<Object> page, List<TalkReports.PollVotes> dashboard, List<String> questions, String resultsCsv,
            List<List<String>> sheets, Object json, List<String> openTextHtml) {
    }

    private Snapshot snapshot(Talk talk) {
        int rounds = QuarkusTransaction.requiringNew().call(() -> Poll.findByTalkAndKey(talk, "valg").orElseThrow().round);
        List<Map<String, Object>> api = new java.util.ArrayList<>();
        for (String p : POLLS) {
            for (int r = 1; r <= rounds; r++) {
                api.add(given().get("/api/talks/{c}/polls/{p}/results?round=" + r, talk.joinCode, p).then()
                        .statusCode(200).extract().jsonPath().getMap("$"));
            }
        }
        String leaderboard = given().get("/api/talks/{c}/leaderboard", talk.joinCode).then().statusCode(200).extract()
                .asString();
        List<Reports.PollReport> report = reportService.talk(talk.id).polls().stream()
                .map(p -> new Reports.PollReport(p.pollId(), p.type(), p.question(), p.status(), p.rounds().stream()
                        .map(RawVoteRetentionTest::shownOnly).toList()))
                .toList();
        TalkReports.TalkReport page = reports.report(talk.id);
        List<Object> pageView = new java.util.ArrayList<>(List.of(page.participants(), page.voters(),
                page.responsePercent()));
        page.polls().forEach(p -> pageView.add(new TalkReports.PollReport(p.pollId(), p.type(), p.question(),
                p.status(), p.rounds(), p.totals(), p.options(), p.means(), p.voters(), p.timeline(), p.chart(),
                p.texts() == null ? null : p.texts().stream().map(t -> new TalkReports.TextRound(t.round(), t.words(),
                        t.hidden(), t.shown(), t.waiting(), t.answers().stream().filter(a -> a.status().equals("shown")).toList())).toList())));
        List<String> questions = POLLS.stream().map(p -> TestLogins.organiser()
                .get("/api/organiser/questions/{p}/results.csv", p).then().statusCode(200).extract().asString())
                .toList();
        String csv = TestLogins.organiser().get("/api/organiser/talks/{id}/results.csv", talk.id).then()
                .statusCode(200).extract().asString();
        byte[] xlsx = TestLogins.organiser().get("/api/organiser/talks/{id}/export.xlsx", talk.id).then()
                .statusCode(200).extract().asByteArray();
        Map<String, Object> json = TestLogins.organiser().get("/api/organiser/talks/{id}/export.json", talk.id).then()
                .statusCode(200).extract().jsonPath().getMap("talk");
        stripAnswers(json);
        return new Snapshot(api, leaderboard, report, pageView, reports.talks(talk.joinCode, null, null).get(0).polls(),
                questions, csv, sheets(xlsx), json, openTextCounts(talk));
    }

    /**
     * The open-text counts on the organiser's talk page in English and Danish: the round headings (participants and
     * answers) and the line of answers per status; not the list of answers, which pruning may shorten.
     */
    private static List<String> openTextCounts(Talk talk) {
        List<String> counts = new java.util.ArrayList<>();
        for (String lang : List.of("en", "da")) {
            String html = TestLogins.organiser().get("/organiser/talks/{id}?lang=" + lang, talk.id).then()
                    .statusCode(200).extract().asString();
            String section = html.substring(html.indexOf("id=\"poll-fri\""));
            section = section.substring(0, section.indexOf("</section>"));
            var m = java.util.regex.Pattern.compile("<h3>[^<]*</h3>|<p class=\"hint open-counts\">[^<]*</p>")
                    .matcher(section);
            while (m.find()) {
                counts.add(m.group());
            }
        }
        return counts;
    }

    /** A round with only its shown open-text answers, without their authors. */
    private static ReportItems.RoundStat shownOnly(ReportItems.RoundStat r) {
        return r.answers() == null ? r : new ReportItems.RoundStat(r.round(), r.n(), r.smallN(), r.options(), r.mean(),
                r.hidden(), r.answers().stream().filter(a -> a.status().equals("shown"))
                        .map(a -> new ReportItems.TextAnswer(null, a.position(), a.text(), a.status(), a.at())).toList());
    }

    @SuppressWarnings("unchecked")
    private static void stripAnswers(Map<String, Object> talk) {
        for (Object poll : (List<Object>) talk.get("polls")) {
            for (Object round : (List<Object>) ((Map<String, Object>) poll).get("rounds")) {
                ((Map<String, Object>) round).remove("answers");
            }
        }
    }

    /** Every cell of every sheet but the raw votes, as text, one list per row. */
    private static List<List<String>> sheets(byte[] xlsx) {
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var format = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
            List<List<String>> rows = new java.util.ArrayList<>();
            for (var sheet : workbook) {
                if (!sheet.getSheetName().equals("Votes")) {
                    for (var row : sheet) {
                        List<String> cells = new java.util.ArrayList<>(List.of(sheet.getSheetName()));
                        row.forEach(c -> cells.add(format.formatCellValue(c)));
                        rows.add(cells);
                    }
                }
            }
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void answer(Talk talk, String token, String poll, Map<String, Object> body) {
        given().cookie("afstemning_pid", token).contentType(io.restassured.http.ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll).then().statusCode(200);
    }

    private static long rows(String table, long pollId, int round) {
        return QuarkusTransaction.requiringNew().call(() -> table.equals("vote")
                ? Vote.count("poll.id = ?1 and round = ?2", pollId, round)
                : VoteReceipt.count("pollId = ?1 and round = ?2", pollId, round));
    }
}
