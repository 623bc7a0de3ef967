package dk.afstemning.report;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.report.Exports.csv;
import static dk.afstemning.report.Exports.download;
import static dk.afstemning.report.Exports.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dk.afstemning.api.ReportResource;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.qa.QaTalks;
import dk.afstemning.talk.Talk;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Issue 19 item 3: a talk's Q&amp;A questions were in no report. They are now on the talk page and in every export
 * (questions.csv, the XLSX sheet Questions, the JSON), with text, nickname as given, the talk's pseudonym of the
 * asker, upvotes, status, answered and time.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
class QaExportTest {

    @Inject
    DeckImporter importer;

    @Test
    void questionsAreOnTheTalkPageAndInEveryExport() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String mette = join(code);
        String anonymous = join(code);
        long first = QaTalks.ask(code, mette, "Hvordan måler I tillid?", "Mette", "q-1").statusCode(200).extract()
                .jsonPath().getLong("question.id");
        long second = QaTalks.ask(code, anonymous, "=SUM(A1)", null, "q-2").statusCode(200).extract().jsonPath()
                .getLong("question.id");
        QaTalks.upvote(code, anonymous, first, "u-1").statusCode(200);
        QaTalks.moderate(talk, first, "{\"answered\":true}").statusCode(200);
        QaTalks.moderate(talk, second, "{\"hidden\":true}").statusCode(200);

        List<CSVRecord> rows = csv(download("/api/organiser/talks/" + talk.id + "/questions.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-questions.csv"));
        assertThat(rows.get(0).values()).containsExactly("talk_id", "talk_title", "question_id", "text", "nickname",
                "participant", "upvotes", "status", "answered", "asked_at_utc");
        assertThat(rows).hasSize(3);
        assertThat(List.of(rows.get(1).get(2), rows.get(1).get(3), rows.get(1).get(4), rows.get(1).get(6),
                rows.get(1).get(7), rows.get(1).get(8))).containsExactly(String.valueOf(first),
                        "Hvordan måler I tillid?", "Mette", "1", "shown", "true");
        assertThat(List.of(rows.get(2).get(3), rows.get(2).get(4), rows.get(2).get(6), rows.get(2).get(7),
                rows.get(2).get(8))).containsExactly("'=SUM(A1)", "", "0", "hidden", "false");
        assertThat(rows.get(1).get(5)).isNotEqualTo(rows.get(2).get(5)).doesNotContain(mette).hasSize(
                rows.get(2).get(5).length());
        assertThat(rows.get(1).get(9)).endsWith("Z");

        var sheets = xlsx(download("/api/organiser/talks/" + talk.id + "/export.xlsx", ReportResource.XLSX,
                "afstemning-talk-" + talk.id + ".xlsx"));
        var questions = sheets.stream().filter(s -> s.name().equals("Questions")).findFirst().orElseThrow().rows();
        assertThat(questions).hasSize(3);
        assertThat(questions.get(1).get(3)).isEqualTo("Hvordan måler I tillid?");
        assertThat(questions.get(2).get(7)).isEqualTo("hidden");

        var json = given().get("/api/organiser/talks/{id}/export.json", talk.id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(json.getList("qa.text", String.class)).containsExactly("Hvordan måler I tillid?", "=SUM(A1)");
        assertThat(json.getList("qa.status", String.class)).containsExactly("shown", "hidden");

        Document page = Jsoup.parse(given().get("/organiser/talks/{id}?lang=da", talk.id).then().statusCode(200)
                .extract().asString());
        assertThat(page.select("#qa-report caption").text()).isEqualTo("Spørgsmål fra salen (2)");
        assertThat(page.select("#qa-report tbody tr").eachText()).containsExactly(
                "Hvordan måler I tillid? Mette 1 vist ja " + page.select("#qa-report tbody tr").get(0)
                        .select("time").text(),
                "=SUM(A1) – 0 skjult nej " + page.select("#qa-report tbody tr").get(1).select("time").text());
    }
}
