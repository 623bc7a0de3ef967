package dk.afstemning.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.report.Reports.TalkExport;
import dk.afstemning.report.Reports.VoteRow;
import dk.afstemning.talk.Talk;

/**
 * A talk's export reads each vote's child rows (the options of a multiple choice, the entries of a word cloud) in
 * batches: the number of SQL statements it prepares does not grow with the number of votes (before, each vote cost
 * statements of its own: for its participant and for its options or entries).
 */
@QuarkusTest
class ExportQueriesTest {

    @Inject
    DeckImporter importer;

    @Inject
    ReportService reports;

    @Inject
    SessionFactory sessions;

    @AfterEach
    void stopCounting() {
        sessions.getStatistics().setStatisticsEnabled(false);
    }

    @Test
    void theStatementsOfAnExportDoNotGrowWithItsVotes() {
        Talk few = talkWithVotes(3);
        Talk many = talkWithVotes(12);

        statementsOf(few); // warm: the first export of a run also reads what every later one finds cached
        long fewStatements = statementsOf(few);
        TalkExport export = reports.talkExport(many.id);
        long manyStatements = statementsOf(many);

        // Four times the votes, the same statements give or take one: a cost per vote would add at least 9 (one per
        // extra vote). The one: in a full suite run the first talk's export read one statement more than the second's
        // (22 and 21, each the least of three), a talk-level read that earlier tests' state decides, not the votes.
        assertThat(manyStatements).isBetween(fewStatements - 1, fewStatements + 1);
        List<VoteRow> rows = export.votes();
        assertThat(rows).hasSize(24);
        assertThat(rows.stream().filter(r -> r.pollType().equals("multiple")).map(r -> r.answer().optionIds()))
                .hasSize(12).allSatisfy(ids -> assertThat(ids).containsExactly("a", "c"));
        assertThat(rows.stream().filter(r -> r.pollType().equals("wordcloud"))
                .map(r -> r.answer().texts().stream().map(t -> t.text()).toList()))
                .hasSize(12).allSatisfy(texts -> assertThat(texts).containsExactly("tillid", "tid"));
    }

    /**
     * Statements of one export: the least of three, since Hibernate counts every thread's statements and the live
     * pushes of the votes just cast may still be running (they only add).
     */
    private long statementsOf(Talk talk) {
        var statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3; attempt++) {
            long before = statistics.getPrepareStatementCount();
            assertThat(reports.talkExport(talk.id).votes()).isNotEmpty();
            least = Math.min(least, statistics.getPrepareStatementCount() - before);
        }
        return least;
    }

    private Talk talkWithVotes(int participants) {
        String k = "x" + UUID.randomUUID().toString().substring(0, 8);
        Talk talk = importer.importDeck(k + ".md", """
                ---
                title: Eksport
                lang: da
                ---

                ```poll
                id: %1$s-m
                type: multiple
                question: Hvilke?
                max: 2
                options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]
                ```

                ---

                ```poll
                id: %1$s-w
                type: wordcloud
                question: Ord?
                ```
                """.formatted(k));
        TestTalks.open(talk, k + "-m");
        TestTalks.open(talk, k + "-w");
        List<Integer> ids = given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200).extract()
                .path("polls[0].options.id");
        for (int i = 0; i < participants; i++) {
            String token = TestTalks.join(talk.joinCode);
            answer(talk, token, k + "-m", Map.of("optionIds", List.of(ids.get(0), ids.get(2))));
            answer(talk, token, k + "-w", Map.of("texts", List.of("tillid", "tid")));
        }
        return talk;
    }

    private static void answer(Talk talk, String token, String poll, Map<String, Object> body) {
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, poll).then().statusCode(200);
    }
}
