package dk.afstemning.report;

import static dk.afstemning.report.Exports.csv;
import static dk.afstemning.report.Exports.download;
import static dk.afstemning.report.Exports.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.share.ShareService;
import dk.afstemning.talk.Talk;
import dk.afstemning.api.ReportResource;

/**
 * Every poll type in the organiser report, the talk page, the question across talks and every export, value by value:
 * one talk (2 November 2022) with one poll of each type and known votes of four participants, and a second talk of
 * the same deck with two scale votes. Expected intervals were computed independently (SciPy: Wilson by formula,
 * {@code scipy.stats.t.ppf}, {@code chi2_contingency(correction=False)}), rounded to 6 significant digits as exported.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AllTypesReportTest {

    @Inject
    DeckImporter importer;

    @Inject
    ShareService shares;

    String k;
    Talk talk;
    Talk other;

    String deck() {
        return """
                ---
                title: Alle typer
                lang: da
                ---

                ```poll
                id: %1$s-valg
                question: Valg?
                options: [{id: ja, text: Ja}, {id: nej, text: Nej}]
                ```

                ---

                ```poll
                id: %1$s-flere
                type: multiple
                question: Hvilke kilder?
                max: 2
                options: [{id: forskning, text: Forskning}, {id: kolleger, text: Kolleger}, {id: egen-erfaring, text: Egen erfaring}]
                ```

                ---

                ```poll
                id: %1$s-skala
                type: scale
                question: Hvor enig?
                min: 1
                max: 5
                ```

                ---

                ```poll
                id: %1$s-glider
                type: slider
                question: Hvor henter du viden?
                low: forskning
                high: praksis
                ```

                ---

                ```poll
                id: %1$s-rang
                type: ranking
                question: Ordn dem
                options: [{id: a, text: A}, {id: b, text: B}, {id: c, text: C}]
                ```

                ---

                ```poll
                id: %1$s-quiz
                type: quiz
                question: Hvor mange?
                correct: ni
                options:
                  - id: fem
                    text: '5'
                  - id: ni
                    text: '9'
                ```
                """.formatted(k);
    }

    @BeforeEach
    void talksWithKnownVotes() {
        if (talk != null) {
            return; // made once for all tests (RestAssured is set up only before each test)
        }
        k = "t" + UUID.randomUUID().toString().substring(0, 8);
        other = importer.importDeck(k + ".md", deck());
        talk = importer.newTalk(other.deck.id, "Aarhus", LocalDate.of(2022, 11, 2));
        for (String poll : List.of("valg", "flere", "skala", "glider", "rang", "quiz")) {
            TestTalks.open(talk, k + "-" + poll);
        }
        String[] p = new String[4];
        for (int i = 0; i < 4; i++) {
            p[i] = TestTalks.join(talk.joinCode);
        }
        List<Integer> valg = options(talk, "valg");
        List<Integer> flere = options(talk, "flere");
        List<Integer> rang = options(talk, "rang");
        List<Integer> quiz = options(talk, "quiz");
        answer(talk, p[0], "valg", Map.of("optionId", valg.get(0)));
        answer(talk, p[1], "valg", Map.of("optionId", valg.get(0)));
        answer(talk, p[2], "valg", Map.of("optionId", valg.get(1)));
        answer(talk, p[3], "valg", Map.of("optionId", valg.get(0)));
        answer(talk, p[0], "flere", Map.of("optionIds", List.of(flere.get(0), flere.get(1))));
        answer(talk, p[1], "flere", Map.of("optionIds", List.of(flere.get(0))));
        answer(talk, p[2], "flere", Map.of("optionIds", List.of(flere.get(2), flere.get(0))));
        int[] scale = { 2, 4, 4, 5 };
        int[] slider = { 5, 15, 95, 100 };
        for (int i = 0; i < 4; i++) {
            answer(talk, p[i], "skala", Map.of("value", scale[i]));
            answer(talk, p[i], "glider", Map.of("value", slider[i]));
        }
        answer(talk, p[0], "rang", Map.of("optionIds", List.of(rang.get(0), rang.get(1), rang.get(2))));
        answer(talk, p[1], "rang", Map.of("optionIds", List.of(rang.get(1), rang.get(0), rang.get(2))));
        answer(talk, p[2], "rang", Map.of("optionIds", List.of(rang.get(0), rang.get(2), rang.get(1))));
        for (int i = 0; i < 3; i++) {
            given().cookie("afstemning_pid", p[i]).contentType(ContentType.JSON).body(Map.of("nickname", k + i))
                    .put("/api/talks/{code}/nickname", talk.joinCode).then().statusCode(200);
        }
        answer(talk, p[0], "quiz", Map.of("optionId", quiz.get(1)));
        answer(talk, p[1], "quiz", Map.of("optionId", quiz.get(0)));
        answer(talk, p[2], "quiz", Map.of("optionId", quiz.get(1)));

        TestTalks.open(other, k + "-skala");
        answer(other, TestTalks.join(other.joinCode), "skala", Map.of("value", 1));
        answer(other, TestTalks.join(other.joinCode), "skala", Map.of("value", 1));
    }

    private static List<Integer> options(Talk talk, String poll) {
        return given().get("/api/talks/{code}", talk.joinCode).then().statusCode(200)
                .extract().path("polls.find { it.id.endsWith('-" + poll + "') }.options.id");
    }

    private void answer(Talk t, String token, String poll, Map<String, Object> body) {
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", t.joinCode, k + "-" + poll).then().statusCode(200);
    }

    /**
     * The expected results rows from column {@code round} on (talk, title and question left out): round, n, small_n,
     * option_id, option_position, option_text, count, share, ci95_lower, ci95_upper, poll_type, correct, value_from,
     * value_to, average_rank, borda_points, mean, sd, mean_ci95_lower, mean_ci95_upper, median (and hidden, added by {@link #row}). Empty string: empty.
     */
    private List<List<String>> expectedResults() {
        List<List<String>> rows = new ArrayList<>();
        // t interval 1.74775–5.75225, clamped to the scale's 1–5; the slider's -26.9631–134.463 to 0–100
        String scaleMean = "3.75,1.25831,1.74775,5,4";
        rows.add(row("1,4,true,ja,1,Ja,3,0.75,0.300642,0.954413,choice,,,,,,,,,,"));
        rows.add(row("1,4,true,nej,2,Nej,1,0.25,0.0455873,0.699358,choice,,,,,,,,,,"));
        rows.add(row("1,3,true,forskning,1,Forskning,3,1,0.438503,1,multiple,,,,,,,,,,"));
        rows.add(row("1,3,true,kolleger,2,Kolleger,1,0.333333,0.0614919,0.79234,multiple,,,,,,,,,,"));
        rows.add(row("1,3,true,egen-erfaring,3,Egen erfaring,1,0.333333,0.0614919,0.79234,multiple,,,,,,,,,,"));
        int[] scaleCounts = { 0, 1, 0, 2, 1 };
        String[][] scaleShares = { { "0", "0", "0.489891" }, { "0.25", "0.0455873", "0.699358" },
                { "0", "0", "0.489891" }, { "0.5", "0.150039", "0.849961" }, { "0.25", "0.0455873", "0.699358" } };
        for (int v = 1; v <= 5; v++) {
            String[] s = scaleShares[v - 1];
            rows.add(row("1,4,true,," + v + "," + v + "," + scaleCounts[v - 1] + "," + s[0] + "," + s[1] + "," + s[2]
                    + ",scale,," + v + "," + v + ",,," + scaleMean));
        }
        String sliderMean = "53.75,50.7239,0,100,55";
        for (int b = 0; b < 10; b++) {
            int from = b * 10;
            int to = b == 9 ? 100 : from + 9;
            String counted = b == 0 || b == 1 ? "1,0.25,0.0455873,0.699358" : b == 9 ? "2,0.5,0.150039,0.849961"
                    : "0,0,0,0.489891";
            rows.add(row("1,4,true,," + (b + 1) + "," + from + "–" + to + "," + counted + ",slider,," + from + "," + to
                    + ",,," + sliderMean));
        }
        rows.add(row("1,3,true,a,1,A,2,0.666667,0.20766,0.938508,ranking,,,,1.33333,5,,,,,"));
        rows.add(row("1,3,true,b,2,B,1,0.333333,0.0614919,0.79234,ranking,,,,2,3,,,,,"));
        rows.add(row("1,3,true,c,3,C,0,0,0,0.561497,ranking,,,,2.66667,1,,,,,"));
        rows.add(row("1,3,true,fem,1,5,1,0.333333,0.0614919,0.79234,quiz,false,,,,,,,,,"));
        rows.add(row("1,3,true,ni,2,9,2,0.666667,0.20766,0.938508,quiz,true,,,,,,,,,"));
        return rows;
    }

    /** The cells of a results row; the last column, {@code hidden} (word cloud and open text only), is empty. */
    private static List<String> row(String csv) {
        return Arrays.asList((csv + ",").split(",", -1));
    }

    private static List<String> fromRound(CSVRecord r) {
        List<String> cells = new ArrayList<>(r.toList().subList(4, r.size()));
        return cells;
    }

    @Test
    void resultsCsvReportsEveryTypeValueByValue() {
        List<CSVRecord> records = csv(download("/api/organiser/talks/" + talk.id + "/results.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-results.csv"));
        assertThat(records.get(0).toList()).containsExactlyElementsOf(
                Tables.RESULTS.stream().map(c -> c.name()).toList());
        List<List<String>> expected = expectedResults();
        assertThat(records).hasSize(1 + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            CSVRecord r = records.get(i + 1);
            assertThat(r.get(0)).isEqualTo(String.valueOf(talk.id));
            assertThat(r.get(2)).startsWith(k + "-");
            assertThat(fromRound(r)).as("row %d", i + 1).containsExactlyElementsOf(expected.get(i));
        }
    }

    @Test
    void xlsxPollSheetsHoldTheSameValuesAsTheCsvAndTheVotesSheetEachAnswer() {
        var sheets = xlsx(download("/api/organiser/talks/" + talk.id + "/export.xlsx", ReportResource.XLSX,
                "afstemning-talk-" + talk.id + ".xlsx"));
        assertThat(sheets.stream().map(Exports.SheetData::name)).containsExactly(k + "-valg", k + "-flere",
                k + "-skala", k + "-glider", k + "-rang", k + "-quiz", "Votes", "Questions", "Reactions", "Codebook");
        List<List<String>> expected = expectedResults();
        List<List<Object>> pollRows = new ArrayList<>();
        sheets.subList(0, 6).forEach(s -> pollRows.addAll(s.rows().subList(1, s.rows().size())));
        assertThat(pollRows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            List<Object> cells = pollRows.get(i).subList(4, pollRows.get(i).size());
            List<String> want = expected.get(i);
            for (int c = 0; c < want.size(); c++) {
                assertThat(cell(cells.get(c))).as("row %d column %d", i + 1, c + 4).isEqualTo(want.get(c));
            }
        }
        var votes = sheets.get(6).rows();
        assertThat(votes.get(0)).containsExactlyElementsOf(Tables.VOTES.stream().map(c -> (Object) c.name()).toList());
        // valg 4, flere 3, skala 4, glider 4, rang 3, quiz 3
        assertThat(votes).hasSize(1 + 21);
        assertThat(votes.subList(5, 8).stream().map(r -> r.get(12))).containsExactly("forskning|kolleger", "forskning",
                "forskning|egen-erfaring");
        assertThat(votes.subList(5, 8).stream().map(r -> r.get(13))).containsExactly("Forskning | Kolleger",
                "Forskning", "Forskning | Egen erfaring");
        assertThat(votes.subList(8, 12).stream().map(r -> r.get(14))).containsExactly(2.0, 4.0, 4.0, 5.0);
        assertThat(votes.subList(12, 16).stream().map(r -> r.get(14))).containsExactly(5.0, 15.0, 95.0, 100.0);
        assertThat(votes.subList(16, 19).stream().map(r -> r.get(12))).containsExactly("a|b|c", "b|a|c", "a|c|b");
        assertThat(votes.subList(19, 22).stream().map(r -> Arrays.asList(r.get(6), r.get(8), r.get(15))))
                .containsExactly(List.of("ni", "9", true), List.of("fem", "5", false), List.of("ni", "9", true));
        assertThat(votes.subList(1, 22).stream().map(r -> r.get(11))).containsExactly("choice", "choice", "choice",
                "choice", "multiple", "multiple", "multiple", "scale", "scale", "scale", "scale", "slider", "slider",
                "slider", "slider", "ranking", "ranking", "ranking", "quiz", "quiz", "quiz");
        var codebook = sheets.get(9).rows();
        assertThat(codebook).hasSize(1 + Tables.RESULTS.size() + Tables.VOTES.size() + Tables.QUESTIONS.size()
                + Tables.REACTIONS.size());
        assertThat(codebook.stream().filter(r -> "Results".equals(r.get(0))).map(r -> r.get(1)))
                .containsExactlyElementsOf(Tables.RESULTS.stream().map(c -> (Object) c.name()).toList());
    }

    /** An XLSX cell as the CSV writes it: whole numbers without decimals, empty for blank. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d.longValue())
                    : new java.math.BigDecimal(String.valueOf(d)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    @Test
    void votesCsvCarriesEachTypesAnswer() {
        List<CSVRecord> records = csv(download("/api/organiser/talks/" + talk.id + "/export.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-votes.csv"));
        assertThat(records).hasSize(1 + 21);
        assertThat(records.get(1).toList().subList(6, 10)).containsExactly("ja", "1", "Ja", "false");
        assertThat(records.get(1).toList().subList(11, 16)).containsExactly("choice", "", "", "", "");
        assertThat(records.get(7).toList().subList(6, 16)).containsExactly("", "", "", "", records.get(7).get(10),
                "multiple", "forskning|egen-erfaring", "Forskning | Egen erfaring", "", "");
        assertThat(records.get(8).toList().subList(11, 16)).containsExactly("scale", "", "", "2", "");
        assertThat(records.get(15).toList().subList(11, 16)).containsExactly("slider", "", "", "100", "");
        assertThat(records.get(17).toList().subList(11, 16)).containsExactly("ranking", "b|a|c", "B | A | C", "", "");
        assertThat(records.get(20).toList().subList(6, 16)).containsExactly("fem", "1", "5", "false",
                records.get(20).get(10), "quiz", "", "", "", "false");
    }

    @Test
    void jsonCarriesEveryTypesStatistics() {
        var json = given().when().get("/api/organiser/talks/{id}/export.json", talk.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("talk.polls.type", String.class)).containsExactly("choice", "multiple", "scale",
                "slider", "ranking", "quiz");
        assertThat(json.getList("talk.polls[1].rounds[0].options.count", Integer.class)).containsExactly(3, 1, 1);
        assertThat(json.getInt("talk.polls[1].rounds[0].n")).isEqualTo(3);
        assertThat(json.getDouble("talk.polls[2].rounds[0].mean.mean")).isEqualTo(3.75);
        assertThat(json.getDouble("talk.polls[2].rounds[0].mean.median")).isEqualTo(4.0);
        assertThat(json.getDouble("talk.polls[2].rounds[0].mean.ci95.lower")).isCloseTo(1.747755,
                org.assertj.core.data.Offset.offset(1e-5)); // JsonPath reads JSON numbers as float
        assertThat(json.getList("talk.polls[3].rounds[0].options.count", Integer.class))
                .containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 0, 2);
        assertThat(json.getList("talk.polls[4].rounds[0].options.borda", Integer.class)).containsExactly(5, 3, 1);
        assertThat(json.getList("talk.polls[5].rounds[0].options.correct", Boolean.class)).containsExactly(false,
                true);
        assertThat(json.getMap("talk.polls[0].rounds[0].options[0]")).doesNotContainKeys("correct", "borda", "from");
        assertThat(json.getList("votes.answer.optionIds[4]", String.class)).containsExactly("forskning", "kolleger");
        assertThat(json.getInt("votes[8].answer.value")).isEqualTo(4);
    }

    @Test
    void aScaleAcrossTalksIsPooledAndTestedAndAMultipleIsNotTested() {
        var scale = given().when().get("/api/organiser/questions/{key}", k + "-skala").then().statusCode(200)
                .extract().jsonPath();
        assertThat(scale.getString("type")).isEqualTo("scale");
        assertThat(scale.getList("talks.stat.n", Integer.class)).containsExactlyInAnyOrder(4, 2);
        assertThat(scale.getInt("pooled.n")).isEqualTo(6);
        assertThat(scale.getList("pooled.options.count", Integer.class)).containsExactly(2, 1, 0, 2, 1);
        assertThat(scale.getDouble("pooled.mean.mean")).isCloseTo(2.833333, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(scale.getDouble("pooled.mean.median")).isEqualTo(3.0);
        assertThat(scale.getInt("chiSquare.df")).isEqualTo(3);
        assertThat(scale.getDouble("chiSquare.statistic")).isCloseTo(6.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(scale.getDouble("chiSquare.pValue")).isCloseTo(0.1116102, org.assertj.core.data.Offset.offset(1e-6));

        var multiple = given().when().get("/api/organiser/questions/{key}", k + "-flere").then().statusCode(200)
                .extract().jsonPath();
        assertThat(multiple.getList("pooled.options.count", Integer.class)).containsExactly(3, 1, 1);
        assertThat(multiple.getInt("pooled.n")).isEqualTo(3);
        assertThat(multiple.<Object>get("chiSquare")).isNull();

        List<CSVRecord> results = csv(download("/api/organiser/questions/" + k + "-skala/results.csv", "text/csv",
                "afstemning-question-" + k + "-skala-results.csv"));
        CSVRecord pooledFour = results.get(results.size() - 2);
        assertThat(pooledFour.get(1)).isEqualTo("pooled");
        assertThat(fromRound(pooledFour)).containsExactlyElementsOf(
                row("0,6,true,,4,4,2,0.333333,0.0967714,0.700007,scale,,4,4,,,2.83333,1.7224,1.02578,4.64088,3"));

        String page = given().when().get("/organiser/questions/{key}?lang=en", k + "-skala").then().statusCode(200)
                .extract().asString();
        var rows = Jsoup.parse(page).select("table.report-table").first().select("tbody tr");
        assertThat(rows.get(2).select("td").last().text()).isEqualTo("2.83 (1.03–4.64) · 3.0");
        String ranking = given().when().get("/organiser/questions/{key}?lang=da", k + "-rang").then().statusCode(200)
                .extract().asString();
        assertThat(Jsoup.parse(ranking).select("table.report-table tbody tr").get(0).select("td").eachText())
                .containsExactly("3 (få svar)", "1,33 · 5", "2,00 · 3", "2,67 · 1");
    }

    @Test
    void theTalkPageShowsEveryTypeAndDatesInBothLanguages() {
        String en = TestLogins.organiser().get("/organiser/talks/{id}?lang=en", talk.id).then().statusCode(200)
                .extract().asString();
        var page = Jsoup.parse(en);
        assertThat(page.select("dl.talk-facts time").text()).isEqualTo("2 November 2022");
        assertThat(rowTexts(page, k + "-flere")).containsExactly("Forskning 3 (100%) 95% CI: 43.9–100.0%",
                "Kolleger 1 (33%) 95% CI: 6.1–79.2%", "Egen erfaring 1 (33%) 95% CI: 6.1–79.2%");
        assertThat(rowTexts(page, k + "-skala")).containsExactly("1 0 (0%) 95% CI: 0.0–49.0%", "2 1 (25%) 95% CI: 4.6–69.9%",
                "3 0 (0%) 95% CI: 0.0–49.0%", "4 2 (50%) 95% CI: 15.0–85.0%", "5 1 (25%) 95% CI: 4.6–69.9%", "Mean (95% CI) 3.75 (1.75–5)", "Median 4");
        assertThat(rowTexts(page, k + "-glider")).hasSize(12).contains("90–100 2 (50%) 95% CI: 15.0–85.0%",
                "Mean (95% CI) 53.75 (0–100)", "Median 55");
        assertThat(rowTexts(page, k + "-rang")).containsExactly("A average place 1.33 · 5 points",
                "B average place 2 · 3 points", "C average place 2.67 · 1 points");
        assertThat(rowTexts(page, k + "-quiz")).containsExactly("5 1 (33%) 95% CI: 6.1–79.2%",
                "9 (correct) 2 (67%) 95% CI: 20.8–93.9%");
        assertThat(page.select("#poll-" + k + "-flere tfoot td").text()).isEqualTo("3");
        assertThat(page.select("#poll-" + k + "-rang canvas.results-chart").attr("data-chart"))
                .contains("\"rounds\":[[5,3,1]]");
        assertThat(page.select("#poll-" + k + "-skala .timeline-table time").first().text())
                .matches("\\d{1,2} [A-Z][a-z]+ \\d{4} \\d{2}:\\d{2}:\\d{2} UTC");
        // Times are UTC on the server, named so, and shown in the browser's zone by js/local-times.js.
        assertThat(page.select("#poll-" + k + "-skala .timeline-table time").first().attr("datetime")).endsWith("Z");
        assertThat(page.select("#poll-" + k + "-skala .timeline-table time").first().hasAttr("data-local")).isTrue();
        assertThat(page.select("#exports a").eachAttr("href")).contains(
                "/api/organiser/talks/" + talk.id + "/export.csv", "/api/organiser/talks/" + talk.id + "/export.xlsx");

        var da = Jsoup.parse(TestLogins.organiser().get("/organiser/talks/{id}?lang=da", talk.id).then()
                .statusCode(200).extract().asString());
        assertThat(da.select("dl.talk-facts time").text()).isEqualTo("2. november 2022");
        assertThat(rowTexts(da, k + "-skala")).contains("Gennemsnit (95 %-KI) 3,75 (1,75–5)",
                "2 1 (25 %) 95 %-KI: 4,6–69,9 %");
        assertThat(rowTexts(da, k + "-rang").get(0)).isEqualTo("A gns. plads 1,33 · 5 point");
        assertThat(da.select("#poll-" + k + "-skala .timeline-table time").first().text())
                .matches("\\d{1,2}\\. [a-zæøå]+ \\d{4} \\d{2}\\.\\d{2}\\.\\d{2} UTC");

        var dashboard = Jsoup.parse(TestLogins.organiser().get("/organiser?lang=da&q=" + talk.joinCode).then()
                .statusCode(200).extract().asString());
        assertThat(dashboard.select("time[datetime=2022-11-02]").text()).isEqualTo("2. november 2022");
    }

    private static List<String> rowTexts(org.jsoup.nodes.Document page, String pollId) {
        return page.select("#poll-" + pollId + " table.results-table tbody tr").eachText();
    }

    @Test
    void theSharePageShowsResultsButNotTheJoinCode() {
        String token = shares.create(talk.id).token;
        String page = given().when().get("/share/{token}?lang=en", token).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain(talk.joinCode, "/api/organiser", "csrf").contains("2 November 2022",
                "Hvor enig?");
    }

    @Test
    void anXlsxExportLogsNoError() {
        List<LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            download("/api/organiser/talks/" + talk.id + "/export.xlsx", ReportResource.XLSX,
                    "afstemning-talk-" + talk.id + ".xlsx");
        } finally {
            root.removeHandler(handler);
        }
        assertThat(errors).extracting(LogRecord::getMessage).isEmpty();
        // POI's Log4j API calls reach the JBoss LogManager rather than Log4j's "no provider" fallback
        assertThat(org.apache.logging.log4j.LogManager.getContext(false).getClass().getName())
                .startsWith("org.jboss.logmanager.log4j");
    }
}
