package dk.afstemning.report;

import static dk.afstemning.report.Exports.csv;
import static dk.afstemning.report.Exports.download;
import static dk.afstemning.report.Exports.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.share.ShareService;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.VoteText;
import dk.afstemning.api.ReportResource;

/**
 * Word cloud and open text in the organiser report, the talk page and every export, value by value. The word cloud has
 * four participants: "Ledelse", " ledelse " and "LEDELSE" merge into one word of 3, "lort" is hidden by the profanity
 * filter, and F7/F8 texts are words. The open poll gets F8's and F7's texts as answers (three per participant) and
 * "lort"; the presenter shows all but "+45 12 34 56 78", which waits, and "lort" stays hidden. Intervals: Wilson by
 * formula (Python), 6 significant digits.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextReportTest {

    static final String HYPERLINK = "=HYPERLINK(\"http://example.invalid\",\"klik\")";
    static final String IMG = "<img src=x onerror=alert(1)>";

    /** The open answers in the order given: F8's, then F7's, then one the profanity filter hides. */
    static final List<String> OPEN = new ArrayList<>();
    static {
        OPEN.addAll(HostileExportTest.F8_OPTIONS);
        OPEN.addAll(HostileExportTest.F7_OPTIONS);
        OPEN.add("lort");
    }

    /** The one answer left waiting. */
    static final String WAITING = "+45 12 34 56 78";

    @Inject
    DeckImporter importer;

    @Inject
    ShareService shares;

    String k;
    Talk talk;

    @BeforeEach
    void talkWithKnownTexts() {
        if (talk != null) {
            return; // made once for all tests (RestAssured is set up only before each test)
        }
        k = "x" + UUID.randomUUID().toString().substring(0, 8);
        String deck = """
                ---
                title: 'Tekst; rapport'
                lang: da
                ---

                ```poll
                id: %1$s-ord
                type: wordcloud
                question: Hvilket ord beskriver god ledelse?
                max-entries: 3
                max-chars: 50
                ```

                ---

                ```poll
                id: %1$s-fri
                type: open
                question: Hvad vil du spørge om?
                ```
                """.formatted(k);
        Talk imported = importer.importDeck(k + ".md", deck);
        talk = importer.newTalk(imported.deck.id, "Odense", LocalDate.of(2023, 3, 14));
        TestTalks.open(talk, k + "-ord");
        TestTalks.open(talk, k + "-fri");
        List<List<String>> words = List.of(List.of("Ledelse", "Tillid"), List.of(" ledelse ", HYPERLINK),
                List.of("LEDELSE", "lort"), List.of(IMG));
        String[] p = new String[6];
        for (int i = 0; i < p.length; i++) {
            p[i] = TestTalks.join(talk.joinCode);
        }
        for (int i = 0; i < words.size(); i++) {
            answer(p[i], "ord", Map.of("texts", words.get(i)));
        }
        for (int i = 0; i < OPEN.size(); i++) {
            answer(p[i / 3], "fri", Map.of("texts", List.of(OPEN.get(i))));
        }
        Talk second = importer.newTalk(imported.deck.id, "Vejle", LocalDate.of(2023, 4, 1));
        TestTalks.open(second, k + "-ord");
        for (String word : List.of("ledelse", "Tid")) {
            given().cookie("afstemning_pid", TestTalks.join(second.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("texts", List.of(word)))
                    .post("/api/talks/{code}/polls/{poll}/votes", second.joinCode, k + "-ord").then().statusCode(200);
        }
        List<VoteText> answers = QuarkusTransaction.requiringNew().call(() -> VoteText.<VoteText>list(
                "vote.poll.talk.id = ?1 and vote.poll.key = ?2 order by id", talk.id, k + "-fri"));
        assertThat(answers.stream().map(a -> a.text)).containsExactlyElementsOf(OPEN);
        for (VoteText a : answers) {
            if (!a.text.equals(WAITING) && !a.text.equals("lort")) {
                given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                        .body(Map.of("status", "shown"))
                        .put("/api/talks/{code}/polls/{poll}/answers/{id}/status", talk.joinCode, k + "-fri", a.id)
                        .then().statusCode(200);
            }
        }
    }

    private void answer(String token, String poll, Map<String, Object> body) {
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(body)
                .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, k + "-" + poll).then().statusCode(200);
    }

    private static String status(String text) {
        return text.equals(WAITING) ? "waiting" : text.equals("lort") ? "hidden" : "shown";
    }

    /**
     * The results rows from column {@code round} on: round, n, small_n, option_id, option_position, option_text, count,
     * share, ci95_lower, ci95_upper, poll_type, correct, value_from, value_to, average_rank, borda_points, mean, sd,
     * mean_ci95_lower, mean_ci95_upper, median, hidden.
     */
    private static List<List<String>> expectedResults(boolean csv) {
        String hyperlink = csv ? "'" + HYPERLINK : HYPERLINK;
        String none = ",,,,,,,,,,"; // correct … median: empty
        return List.of(
                cells("1,4,true,,1", "Ledelse", "3,0.75,0.300642,0.954413,wordcloud" + none + ",1"),
                cells("1,4,true,,2", IMG, "1,0.25,0.0455873,0.699358,wordcloud" + none + ",1"),
                cells("1,4,true,,3", hyperlink, "1,0.25,0.0455873,0.699358,wordcloud" + none + ",1"),
                cells("1,4,true,,4", "Tillid", "1,0.25,0.0455873,0.699358,wordcloud" + none + ",1"),
                cells("1,6,true,shown,1", "shown", "14,0.875,0.639772,0.965023,open" + none + ",1"),
                cells("1,6,true,waiting,2", "waiting", "1,0.0625,0.0111193,0.283287,open" + none + ",1"),
                cells("1,6,true,hidden,3", "hidden", "1,0.0625,0.0111193,0.283287,open" + none + ",1"));
    }

    /** Comma-separated cells before and after one text cell (which may hold commas). */
    private static List<String> cells(String before, String text, String after) {
        List<String> cells = new ArrayList<>(Arrays.asList(before.split(",", -1)));
        cells.add(text);
        cells.addAll(Arrays.asList(after.split(",", -1)));
        return cells;
    }

    @Test
    void resultsCsvHasTheMergedWordsAndTheAnswersPerStatus() {
        List<CSVRecord> records = csv(download("/api/organiser/talks/" + talk.id + "/results.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-results.csv"));
        assertThat(records.get(0).toList()).containsExactlyElementsOf(
                Tables.RESULTS.stream().map(c -> c.name()).toList());
        List<List<String>> expected = expectedResults(true);
        assertThat(records).hasSize(1 + expected.size());
        for (int i = 0; i < expected.size(); i++) {
            CSVRecord r = records.get(i + 1);
            assertThat(r.get(1)).isEqualTo("Tekst; rapport");
            assertThat(r.toList().subList(4, r.size())).as("row %d", i + 1).containsExactlyElementsOf(expected.get(i));
        }
    }

    @Test
    void jsonHasTheWordsTheHiddenCountAndEveryOpenAnswerWithStatusTimeAndPseudonym() {
        var json = given().when().get("/api/organiser/talks/{id}/export.json", talk.id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getList("talk.polls.type", String.class)).containsExactly("wordcloud", "open");
        assertThat(json.getList("talk.polls[0].rounds[0].options.text", String.class)).containsExactly("Ledelse", IMG,
                HYPERLINK, "Tillid");
        assertThat(json.getList("talk.polls[0].rounds[0].options.count", Integer.class)).containsExactly(3, 1, 1, 1);
        assertThat(json.getInt("talk.polls[0].rounds[0].n")).isEqualTo(4);
        assertThat(json.getInt("talk.polls[0].rounds[0].hidden")).isEqualTo(1);
        assertThat(json.getMap("talk.polls[0].rounds[0]")).doesNotContainKey("answers");
        assertThat(json.getInt("talk.polls[1].rounds[0].n")).isEqualTo(6);
        assertThat(json.getInt("talk.polls[1].rounds[0].hidden")).isEqualTo(1);
        assertThat(json.getList("talk.polls[1].rounds[0].answers.text", String.class)).containsExactlyElementsOf(OPEN);
        assertThat(json.getList("talk.polls[1].rounds[0].answers.status", String.class))
                .containsExactlyElementsOf(OPEN.stream().map(TextReportTest::status).toList());
        assertThat(json.getList("talk.polls[1].rounds[0].answers.position", Integer.class))
                .containsExactly(1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1);
        List<String> authors = json.getList("talk.polls[1].rounds[0].answers.participant", String.class);
        assertThat(authors).allMatch(a -> a.matches("P-[0-9a-f]{12}"));
        assertThat(authors.stream().distinct()).hasSize(6);
        assertThat(json.getList("talk.polls[1].rounds[0].answers.at", String.class))
                .allSatisfy(at -> assertThat(OffsetDateTime.parse(at).getOffset().getTotalSeconds()).isZero());
        // the raw votes: 4 word-cloud votes, 6 open votes, each with its entries in order
        assertThat(json.getList("votes.pollType", String.class)).containsExactly("wordcloud", "wordcloud", "wordcloud",
                "wordcloud", "open", "open", "open", "open", "open", "open");
        assertThat(json.getList("votes[1].answer.texts.text", String.class)).containsExactly("ledelse", HYPERLINK);
        assertThat(json.getList("votes[2].answer.texts.status", String.class)).containsExactly("shown", "hidden");
        assertThat(json.getList("votes[4].answer.texts.text", String.class)).containsExactlyElementsOf(OPEN.subList(0, 3));
        assertThat(json.getMap("votes[4].answer.texts[0]")).doesNotContainKey("participant");
    }

    /** The expected votes rows' text cells: participant index, poll type, position, text, status. */
    private static List<List<Object>> expectedTexts() {
        List<List<Object>> rows = new ArrayList<>();
        List<List<String>> words = List.of(List.of("Ledelse", "Tillid"), List.of("ledelse", HYPERLINK),
                List.of("LEDELSE", "lort"), List.of(IMG));
        for (int p = 0; p < words.size(); p++) {
            for (int i = 0; i < words.get(p).size(); i++) {
                String w = words.get(p).get(i);
                rows.add(List.of(p, "wordcloud", i + 1, w, w.equals("lort") ? "hidden" : "shown"));
            }
        }
        for (int i = 0; i < OPEN.size(); i++) {
            rows.add(List.of(i / 3, "open", i % 3 + 1, OPEN.get(i), status(OPEN.get(i))));
        }
        return rows;
    }

    @Test
    void votesCsvHasOneRowPerTextEntryAndEachTextComesBackAsTypedApartFromTheDocumentedPrefix() {
        List<CSVRecord> records = csv(download("/api/organiser/talks/" + talk.id + "/export.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-votes.csv"));
        assertThat(records.get(0).toList()).containsExactlyElementsOf(Tables.VOTES.stream().map(c -> c.name()).toList());
        List<List<Object>> expected = expectedTexts();
        assertThat(records).hasSize(1 + 7 + 16);
        int text = Tables.VOTES.indexOf(Tables.VOTES.stream().filter(c -> c.name().equals("text")).findFirst().get());
        Map<Object, String> pseudonyms = new java.util.HashMap<>();
        for (int i = 0; i < expected.size(); i++) {
            CSVRecord r = records.get(i + 1);
            List<Object> want = expected.get(i);
            String typed = (String) want.get(3);
            String cell = r.get(text);
            assertThat(cell).as("row %d", i + 1)
                    .isEqualTo(typed.matches("(?s)^[=+\\-@\t\r].*") ? "'" + typed : typed);
            assertThat(List.of(r.get(11), r.get(text - 1), r.get(text + 1))).as("row %d", i + 1)
                    .containsExactly((String) want.get(1), String.valueOf(want.get(2)), (String) want.get(4));
            assertThat(OffsetDateTime.parse(r.get(text + 2)).getOffset().getTotalSeconds()).isZero();
            assertThat(r.toList().subList(6, 10)).containsExactly("", "", "", "");
            // one participant has one pseudonym in both polls of the talk
            assertThat(pseudonyms.computeIfAbsent(want.get(0), p -> r.get(5))).isEqualTo(r.get(5));
        }
        assertThat(pseudonyms.values()).doesNotHaveDuplicates().hasSize(6);
        assertThat(records.get(1).get(1)).isEqualTo("Tekst; rapport");
    }

    @Test
    void xlsxHasTheSameResultsAndEveryTextExactlyAsTyped() {
        var sheets = xlsx(download("/api/organiser/talks/" + talk.id + "/export.xlsx", ReportResource.XLSX,
                "afstemning-talk-" + talk.id + ".xlsx"));
        assertThat(sheets.stream().map(Exports.SheetData::name)).containsExactly(k + "-ord", k + "-fri", "Votes",
                "Questions", "Reactions", "Codebook");
        List<List<String>> expected = expectedResults(false);
        List<List<Object>> pollRows = new ArrayList<>();
        sheets.subList(0, 2).forEach(s -> pollRows.addAll(s.rows().subList(1, s.rows().size())));
        assertThat(pollRows).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            List<Object> cells = pollRows.get(i).subList(4, pollRows.get(i).size());
            for (int c = 0; c < expected.get(i).size(); c++) {
                assertThat(cell(cells.get(c))).as("row %d column %d", i + 1, c + 4).isEqualTo(expected.get(i).get(c));
            }
        }
        var votes = sheets.get(2).rows();
        int text = Tables.VOTES.size() - 3;
        List<List<Object>> want = expectedTexts();
        assertThat(votes).hasSize(1 + want.size());
        for (int i = 0; i < want.size(); i++) {
            List<Object> row = votes.get(i + 1);
            assertThat(Arrays.asList(row.get(11), row.get(text - 1), row.get(text), row.get(text + 1)))
                    .as("row %d", i + 1).containsExactly(want.get(i).get(1), (double) (int) want.get(i).get(2),
                            want.get(i).get(3), want.get(i).get(4));
        }
        var codebook = sheets.get(5).rows();
        assertThat(codebook.stream().filter(r -> "Votes".equals(r.get(0))).map(r -> r.get(1)))
                .contains("text_position", "text", "text_status", "text_at_utc");
    }

    /** An XLSX cell as the CSV writes it: whole numbers without decimals, empty for blank. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) ? String.valueOf(d.longValue())
                    : new java.math.BigDecimal(String.valueOf(d)).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    @Test
    void theTalkPageShowsTheWordTableAndEveryAnswerWithItsStatusAsPlainText() {
        Document page = Jsoup.parse(TestLogins.organiser().get("/organiser/talks/{id}?lang=en", talk.id).then()
                .statusCode(200).extract().asString());
        var words = page.select("#poll-" + k + "-ord table.word-table tbody tr");
        assertThat(words.eachText()).containsExactly("Ledelse 3", IMG + " 1", HYPERLINK + " 1", "Tillid 1");
        assertThat(page.select("#poll-" + k + "-ord table.word-table tfoot td").text()).isEqualTo("4");
        assertThat(page.select("#poll-" + k + "-ord .hidden-entries").text())
                .isEqualTo("Hidden by the profanity filter (in no word): 1");
        var answers = page.select("#poll-" + k + "-fri ol.open-answers li");
        assertThat(answers.stream().map(li -> li.selectFirst(".answer-text").wholeText().replace("\r\n", "\n")))
                .containsExactlyElementsOf(OPEN.stream().map(t -> t.replace("\r\n", "\n")).toList());
        assertThat(answers.stream().map(li -> li.selectFirst(".answer-status").text()))
                .containsExactlyElementsOf(OPEN.stream().map(TextReportTest::status).toList());
        assertThat(answers.select("time")).hasSize(OPEN.size());
        assertThat(page.select("#poll-" + k + "-fri h3").first().text()).isEqualTo(
                "Round 1 · Participants who answered (n) 6 · Answers (up to 3 per participant) " + OPEN.size());
        // F7: nothing typed became markup
        for (String poll : List.of("-ord", "-fri")) {
            assertThat(page.select("#poll-" + k + poll + " > :not(.compare-link)").select("img, script, a, strong, em"))
                    .isEmpty();
        }
        assertThat(page.select("#poll-" + k + "-ord canvas.results-chart, #poll-" + k + "-fri canvas.results-chart"))
                .isEmpty();

        Document da = Jsoup.parse(TestLogins.organiser().get("/organiser/talks/{id}?lang=da", talk.id).then()
                .statusCode(200).extract().asString());
        assertThat(da.select("#poll-" + k + "-fri .answer-status").eachText()).contains("vist", "venter", "skjult");
        assertThat(da.select("#poll-" + k + "-fri h3").first().text())
                .isEqualTo("Runde 1 · Deltagere, der svarede (n) 6 · Svar (op til 3 pr. deltager) " + OPEN.size());
        assertThat(da.select("#poll-" + k + "-ord table.word-table thead th").eachText()).containsExactly("Ord",
                "Deltagere");
    }

    @Test
    void theQuestionPageSaysThatOpenTextSharesAreOfAnswersAndNCountsParticipants() {
        for (String lang : List.of("en", "da")) {
            Document page = Jsoup.parse(given().when().get("/organiser/questions/{key}?lang=" + lang, k + "-fri")
                    .then().statusCode(200).extract().asString());
            var header = page.select("table.report-table").first().select("thead th").eachText();
            assertThat(header.get(1)).isEqualTo(lang.equals("en") ? "n (participants)" : "n (deltagere)");
            assertThat(page.select("p.open-note").text()).isEqualTo(lang.equals("en")
                    ? "Open text: n counts the participants who answered, but each may give up to 3 answers; so the "
                            + "columns count answers, and each share is of all the round's answers, not of the "
                            + "participants."
                    : "Fritekst: n tæller de deltagere, der svarede, men hver kan give op til 3 svar; kolonnerne "
                            + "tæller altså svar, og hver andel er af alle rundens svar, ikke af deltagerne.");
        }
        Document word = Jsoup.parse(given().when().get("/organiser/questions/{key}?lang=en", k + "-ord").then()
                .statusCode(200).extract().asString());
        assertThat(word.select("p.open-note")).isEmpty();
        assertThat(word.select("table.report-table").first().select("thead th").get(1).text()).isEqualTo("n");
    }

    @Test
    void theSharePageShowsOnlyTheShownAnswers() {
        String token = shares.create(talk.id).token;
        Document page = Jsoup.parse(given().when().get("/share/{token}?lang=en", token).then().statusCode(200)
                .extract().asString());
        assertThat(page.select("#poll-" + k + "-fri .answer-text").stream().map(e -> e.wholeText()
                .replace("\r\n", "\n"))).containsExactlyElementsOf(OPEN.stream()
                        .filter(t -> status(t).equals("shown")).map(t -> t.replace("\r\n", "\n")).toList());
        assertThat(page.select("#poll-" + k + "-fri .answer-status").eachText()).containsOnly("shown");
    }

    @Test
    void aWordCloudAcrossTalksLinesUpEveryTalkOnThePooledWords() {
        var q = given().when().get("/api/organiser/questions/{key}", k + "-ord").then().statusCode(200).extract()
                .jsonPath();
        assertThat(q.getString("type")).isEqualTo("wordcloud");
        // pooled, "ledelse" is the most common spelling (2 of the 4)
        assertThat(q.getList("options.text", String.class)).containsExactly("ledelse", IMG, HYPERLINK, "Tid",
                "Tillid");
        assertThat(q.getList("pooled.options.count", Integer.class)).containsExactly(4, 1, 1, 1, 1);
        assertThat(q.getInt("pooled.n")).isEqualTo(6);
        assertThat(q.getInt("pooled.hidden")).isEqualTo(1);
        // this talk (14 March), the second (1 April), the imported talk without a date and votes
        assertThat(q.getList("talks.stat.n", Integer.class)).containsExactly(4, 2, 0);
        assertThat(q.getList("talks[0].stat.options.count", Integer.class)).containsExactly(3, 1, 1, 0, 1);
        assertThat(q.getList("talks[1].stat.options.count", Integer.class)).containsExactly(1, 0, 0, 1, 0);
        assertThat(q.getList("talks[1].stat.options.text", String.class)).containsExactly("ledelse", IMG, HYPERLINK,
                "Tid", "Tillid");
        assertThat(q.<Object>get("chiSquare")).isNull();
    }
}
