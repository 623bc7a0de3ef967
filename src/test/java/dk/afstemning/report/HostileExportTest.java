package dk.afstemning.report;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static dk.afstemning.report.Exports.csv;
import static dk.afstemning.report.Exports.download;
import static dk.afstemning.report.Exports.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.api.ReportResource;

/**
 * F7 and F8: hostile option texts and talk titles go through every export and come back exactly as typed, apart from
 * the documented {@code '} in front of CSV text cells starting with =, +, -, @, tab or CR.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
class HostileExportTest {

    /**
     * F8's option text and hostile cells, as option texts ({@link TextReportTest} sends them as free-text answers). The deck strips
     * leading and trailing white space from option texts, so the tab-first cell is tested in {@code CsvWriterTest}.
     */
    static final List<String> F8_OPTIONS = List.of("Forskning, \"praksis\"\n=SUM(A1)",
            "=HYPERLINK(\"http://example.invalid\",\"klik\")", "+45 12 34 56 78", "-5", "@bruger",
            "\"citat\"", "linje 1\r\nlinje 2");

    /** F8's expected CSV cells of those options: the same text, with ' in front of the five that would be formulas. */
    static final List<String> F8_CSV_CELLS = List.of("Forskning, \"praksis\"\n=SUM(A1)",
            "'=HYPERLINK(\"http://example.invalid\",\"klik\")", "'+45 12 34 56 78", "'-5", "'@bruger",
            "\"citat\"", "linje 1\r\nlinje 2");

    /** F7's texts, as option texts; the talk title is F8's title with a semicolon. */
    static final List<String> F7_OPTIONS = List.of("<img src=x onerror=alert(1)>",
            "</script><script>alert(2)</script>", "**fed** _kursiv_", ":)", "{\"type\":\"results\",\"counts\":{\"A\":999}}",
            "${7*7}", "{msg:title}", "[link](javascript:alert(3))");

    static final String TITLE = "Frikommuner; evaluering, \"del 2\"";

    @Inject
    DeckImporter importer;

    Talk talk;
    List<String> texts;

    @BeforeEach
    void talkWithHostileTextsAndOneVoteEach() {
        texts = new ArrayList<>(F8_OPTIONS);
        texts.addAll(F7_OPTIONS);
        StringBuilder deck = new StringBuilder("---\ntitle: ").append(quoted(TITLE)).append("\nlang: da\n---\n\n")
                .append("```poll\nid: q\nquestion: ").append(quoted("=Hvad, mener du?")).append("\noptions:\n");
        texts.forEach(t -> deck.append("  - ").append(quoted(t)).append('\n'));
        deck.append("```\n");
        talk = importer.importDeck("hostile-" + UUID.randomUUID() + ".md", deck.toString());
        TestTalks.open(talk, "q");
        List<Integer> ids = optionIds(talk.joinCode);
        assertThat(ids).hasSize(texts.size());
        for (int i = 0; i < ids.size(); i++) {
            vote(talk.joinCode, join(talk.joinCode), ids.get(i), "r-" + i).statusCode(200);
        }
    }

    @Test
    void f8CsvExportWithHostileCells() {
        byte[] bytes = download("/api/organiser/talks/" + talk.id + "/export.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-votes.csv");
        String raw = new String(bytes, StandardCharsets.UTF_8);
        // quoted, inner quotes doubled, line breaks kept inside the quotes, CRLF between records
        assertThat(raw).contains("\"Forskning, \"\"praksis\"\"\n=SUM(A1)\"");
        assertThat(raw).contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"klik\"\")\"");
        assertThat(raw).contains("\"Frikommuner; evaluering, \"\"del 2\"\"\"");
        assertThat(raw.split("\r\n", -1)).hasSize(1 + texts.size() + 1 + 1); // header, rows, 1 CRLF inside a cell, end

        List<CSVRecord> records = csv(bytes);
        assertThat(records.get(0).values()).containsExactlyElementsOf(
                Tables.VOTES.stream().map(c -> c.name()).toList());
        assertThat(records).hasSize(1 + texts.size());
        List<String> optionCells = records.subList(1, records.size()).stream().map(r -> r.get(8)).toList();
        assertThat(optionCells.subList(0, F8_OPTIONS.size())).containsExactlyElementsOf(F8_CSV_CELLS);
        assertThat(optionCells.subList(F8_OPTIONS.size(), texts.size())).containsExactlyElementsOf(F7_OPTIONS);
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            assertThat(r.get(0)).isEqualTo(String.valueOf(talk.id));
            assertThat(r.get(1)).isEqualTo(TITLE);
            assertThat(r.get(2)).isEqualTo("q");
            assertThat(r.get(3)).isEqualTo("'=Hvad, mener du?");
            assertThat(r.get(4)).isEqualTo("1");
            assertThat(r.get(5)).matches("P-[0-9a-f]{12}");
            assertThat(r.get(7)).isEqualTo(String.valueOf(i));
            assertThat(unprefixed(r.get(8))).isEqualTo(texts.get(i - 1));
            assertThat(r.get(9)).isEqualTo("false");
            assertThat(OffsetDateTime.parse(r.get(10)).getOffset().getTotalSeconds()).isZero();
        }
        assertThat(records.subList(1, records.size()).stream().map(r -> r.get(5)).distinct()).hasSize(texts.size());
    }

    @Test
    void resultsCsvKeepsTextsAndCountsEveryOptionOnce() {
        List<CSVRecord> records = csv(download("/api/organiser/talks/" + talk.id + "/results.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-results.csv"));
        assertThat(records).hasSize(1 + texts.size());
        for (int i = 1; i < records.size(); i++) {
            CSVRecord r = records.get(i);
            assertThat(r.get(1)).isEqualTo(TITLE);
            assertThat(r.get(5)).isEqualTo(String.valueOf(texts.size())); // n
            assertThat(r.get(6)).isEqualTo("true"); // 15 < 30
            assertThat(unprefixed(r.get(9))).isEqualTo(texts.get(i - 1));
            assertThat(r.get(10)).isEqualTo("1");
            assertThat(r.get(11)).isEqualTo("0.0666667");
            assertThat(r.get(12)).isEqualTo("0.0118669"); // Wilson 1/16 lower
            assertThat(r.get(13)).isEqualTo("0.298165"); // Wilson 1/16 upper
        }
    }

    @Test
    void xlsxHasTheTextsExactlyAsTypedInStringCells() {
        var sheets = xlsx(download("/api/organiser/talks/" + talk.id + "/export.xlsx", ReportResource.XLSX,
                "afstemning-talk-" + talk.id + ".xlsx"));
        assertThat(sheets.stream().map(Exports.SheetData::name)).containsExactly("q", "Votes", "Questions", "Reactions", "Codebook");
        var poll = sheets.get(0).rows();
        assertThat(poll).hasSize(1 + texts.size());
        for (int i = 1; i < poll.size(); i++) {
            assertThat(poll.get(i)).containsExactly((double) talk.id, TITLE, "q", "=Hvad, mener du?", 1.0,
                    (double) texts.size(), true, poll.get(i).get(7), (double) i, texts.get(i - 1), 1.0, 0.0666667,
                    0.0118669, 0.298165, "choice", null, null, null, null, null, null, null, null, null, null, null);
        }
        var votes = sheets.get(1).rows();
        assertThat(votes).hasSize(1 + texts.size());
        assertThat(votes.subList(1, votes.size()).stream().map(r -> r.get(8))).containsExactlyElementsOf(texts);
        var codebook = sheets.get(4).rows();
        assertThat(codebook.get(0)).containsExactly("table", "column", "type", "description");
        assertThat(codebook).hasSize(1 + Tables.RESULTS.size() + Tables.VOTES.size() + Tables.QUESTIONS.size()
                + Tables.REACTIONS.size());
    }

    @Test
    void jsonHasTheTextsExactlyAsTyped() {
        var json = given().when().get("/api/organiser/talks/{id}/export.json", talk.id).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"afstemning-talk-" + talk.id + ".json\"")
                .extract().jsonPath();
        assertThat(json.getString("talk.title")).isEqualTo(TITLE);
        assertThat(json.getList("talk.polls[0].rounds[0].options.text", String.class)).containsExactlyElementsOf(texts);
        assertThat(json.getList("votes.answer.optionText", String.class)).containsExactlyElementsOf(texts);
        assertThat(json.getList("talk.polls[0].rounds[0].options.ci95.lower", Float.class).get(0))
                .isEqualTo(0.0118669f, org.assertj.core.api.Assertions.within(0.0000001f));
    }

    private static String unprefixed(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    /** A YAML double-quoted scalar: backslash, quote, LF, CR and tab escaped. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + "\"";
    }
}
