package dk.afstemning.report;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.report.Exports.csv;
import static dk.afstemning.report.Exports.download;
import static dk.afstemning.report.Exports.xlsx;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.api.ReportResource;

/**
 * The Afstemning question (research-based knowledge against practical experience) given to two audiences: each talk
 * side by side, the pooled total, the chi-square test and the pairwise two-proportion test, in the API and every export.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
class QuestionAcrossTalksTest {

    static final String TITLE = "<img src=x onerror=alert(1)>; \"del 2\"";

    @Inject
    DeckImporter importer;

    @Test
    void twoAudiencesLineUpWithPooledTotalAndTests() {
        String key = "afst-" + UUID.randomUUID().toString().substring(0, 8);
        String deck = "---\ntitle: '<img src=x onerror=alert(1)>; \"del 2\"'\nlang: da\ndate: 2099-01-01\n---\n\n```poll\nid: " + key
                + "\nquestion: Hvad får du mest værdi ud af?\noptions:\n  - Forskningsmæssig viden\n"
                + "  - Praktiske erfaringer\n```\n";
        Talk odense = importer.importDeck(key + ".md", deck);
        Talk aarhus = importer.newTalk(odense.deck.id, "Aarhus", LocalDate.of(2099, 1, 2));
        castVotes(odense, key, 30, 10); // 40 votes: 75% research
        castVotes(aarhus, key, 12, 28); // 40 votes: 30% research
        // expected values: 2x2 Pearson chi-square of {{30, 10}, {12, 28}} (SciPy 1.17.1 chi2_contingency,
        // correction=False): X² = 16.2406, p = 0.0000558; z = 4.0300; Wilson 30/40 = 0.5981 to 0.8581
        var json = given().when().get("/api/organiser/questions/{key}", key).then().statusCode(200).extract()
                .jsonPath();
        assertThat(json.getList("options.optionId", String.class)).hasSize(2);
        assertThat(json.getList("talks.talkId", Long.class)).containsExactly(odense.id, aarhus.id);
        assertThat(json.getList("talks.stat.n", Integer.class)).containsExactly(40, 40);
        assertThat(json.getList("pooled.options.count", Integer.class)).containsExactly(42, 38);
        assertThat(json.getInt("pooled.n")).isEqualTo(80);
        assertThat(json.getBoolean("pooled.smallN")).isFalse();
        assertThat(json.getDouble("talks[0].stat.options[0].ci95.lower")).isCloseTo(0.5981, within(0.00005));
        assertThat(json.getDouble("talks[0].stat.options[0].ci95.upper")).isCloseTo(0.8581, within(0.00005));
        assertThat(json.getInt("chiSquare.df")).isEqualTo(1);
        assertThat(json.getDouble("chiSquare.statistic")).isCloseTo(16.2406, within(0.00005));
        assertThat(json.getDouble("chiSquare.pValue")).isCloseTo(0.0000558, within(0.00000005));
        assertThat(json.getDouble("pairs[0].test.z")).isCloseTo(4.0300, within(0.00005));
        assertThat(json.getDouble("pairs[0].test.pValue")).isCloseTo(0.0000558, within(0.00000005));

        var list = given().when().get("/api/organiser/questions").then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("find { it.pollId == '" + key + "' }.talks")).isEqualTo(2);
        assertThat(list.getInt("find { it.pollId == '" + key + "' }.votes")).isEqualTo(80);

        List<CSVRecord> results = csv(download("/api/organiser/questions/" + key + "/results.csv", "text/csv",
                "afstemning-question-" + key + "-results.csv"));
        assertThat(results).hasSize(1 + 6);
        assertThat(results.get(5).get(0)).isEmpty();
        assertThat(results.get(5).get(1)).isEqualTo("pooled");
        assertThat(results.get(5).get(10)).isEqualTo("42");
        assertThat(results.get(5).get(11)).isEqualTo("0.525");

        List<CSVRecord> tests = csv(download("/api/organiser/questions/" + key + "/tests.csv", "text/csv",
                "afstemning-question-" + key + "-tests.csv"));
        assertThat(tests.get(1).values()).containsExactly("chi-square", "", "", "", "16.2406", "1", "0.0000557856",
                "false");
        assertThat(tests.get(2).get(0)).isEqualTo("two-proportion z");
        assertThat(tests.get(2).get(4)).isEqualTo("4.02996");

        List<CSVRecord> votes = csv(download("/api/organiser/questions/" + key + "/export.csv", "text/csv",
                "afstemning-question-" + key + "-votes.csv"));
        assertThat(votes).hasSize(1 + 80);
        // pseudonyms are per talk: none of Odense's occurs in Aarhus
        var odenseIds = votes.subList(1, 41).stream().map(r -> r.get(5)).toList();
        var aarhusIds = votes.subList(41, 81).stream().map(r -> r.get(5)).toList();
        assertThat(odenseIds).doesNotContainAnyElementsOf(aarhusIds).doesNotHaveDuplicates();

        var sheets = xlsx(download("/api/organiser/questions/" + key + "/export.xlsx", ReportResource.XLSX,
                "afstemning-question-" + key + ".xlsx"));
        assertThat(sheets.stream().map(Exports.SheetData::name)).containsExactly("Results", "Tests", "Votes",
                "Codebook");
        assertThat(sheets.get(0).rows().get(5)).containsExactly(null, "pooled", key, "Hvad får du mest værdi ud af?",
                0.0, 80.0, false, sheets.get(0).rows().get(5).get(7), 1.0, "Forskningsmæssig viden", 42.0, 0.525,
                sheets.get(0).rows().get(5).get(12), sheets.get(0).rows().get(5).get(13), "choice", null, null, null,
                null, null, null, null, null, null, null, null);
        assertThat(sheets.get(1).rows().get(1)).containsExactly("chi-square", null, null, null, 16.2406, 1.0,
                0.0000557856, false);
        assertThat(sheets.get(2).rows()).hasSize(81);

        checkPage(key, odense, aarhus);

        var export = given().when().get("/api/organiser/questions/{key}/export.json", key).then().statusCode(200)
                .extract().jsonPath();
        assertThat(export.getList("votes")).hasSize(80);
        assertThat(export.getList("question.pooled.options.count", Integer.class)).containsExactly(42, 38);
    }

    /** The page shows the same numbers as text, the talk title exactly as typed (F7), and loads Chart.js. */
    private static void checkPage(String key, Talk odense, Talk aarhus) {
        String html = given().when().get("/organiser/questions/{key}?lang=en", key).then().statusCode(200)
                .extract().asString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("script[src]").eachAttr("src")).containsExactly("/webjars/chart.js/dist/chart.umd.js",
                "/js/question.js");
        var rows = page.select("table.report-table").first().select("tbody tr");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).select("th").text()).isEqualTo(TITLE + " · 1 January 2099");
        assertThat(rows.get(0).select("td").eachText()).containsExactly("40", "30 · 75.0% 59.8–85.8%",
                "10 · 25.0% 14.2–40.2%"); // English writes no space before %, as the talk page (trial of issue 19)
        assertThat(rows.get(2).select("th").text()).isEqualTo("All talks (pooled)");
        assertThat(rows.get(2).select("td").get(0).text()).isEqualTo("80");
        assertThat(page.select("p.test").text()).isEqualTo(
                "Difference between the talks: chi-square test of homogeneity, χ² = 16.24, df = 1, p = < 0.001.");
        given().when().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200);
        String danish = given().when().get("/organiser/questions/{key}?lang=da", key).then().statusCode(200)
                .extract().asString();
        assertThat(Jsoup.parse(danish).select("tbody tr").get(0).select("td").get(1).text())
                .isEqualTo("30 · 75,0 % 59,8–85,8 %");
        assertThat(Jsoup.parse(danish).select("tbody tr").get(0).select("th").text())
                .isEqualTo(TITLE + " · 1. januar 2099");
        String list = given().when().get("/organiser/questions").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(list).select("a[href^=/organiser/questions/" + key + "]")).hasSize(1);
    }

    @Test
    void anUnknownQuestionIs404() {
        given().when().get("/api/organiser/questions/{key}", "no-such-poll-" + UUID.randomUUID()).then()
                .statusCode(404);
    }

    /**
     * Issue 19 item 4: the page took each talk's latest round (a short test round, n=2) instead of its main one (n=6).
     * A talk is now compared at its round with the most answers unless the organiser chooses another, in the page, the
     * API and every export, and the page says which.
     */
    @Test
    void eachTalkIsComparedAtItsMainRoundUnlessTheOrganiserChoosesAnother() {
        String key = "runder-" + UUID.randomUUID().toString().substring(0, 8);
        String deck = "---\ntitle: Runder\nlang: da\ndate: 2099-02-01\n---\n\n```poll\nid: " + key
                + "\nquestion: Hvad får du mest værdi ud af?\noptions:\n  - Forskning\n  - Praksis\n```\n";
        Talk main = importer.importDeck(key + ".md", deck);
        Talk other = importer.newTalk(main.deck.id, "Vejle", LocalDate.of(2099, 2, 2));
        castVotes(main, key, 4, 2);
        given().header("X-Presenter-Key", main.presenterKey).when()
                .post("/api/talks/{code}/polls/{poll}/reset", main.joinCode, key).then().statusCode(200);
        castVotes(main, key, 1, 1);
        castVotes(other, key, 3, 3);

        var json = given().get("/api/organiser/questions/{key}", key).then().statusCode(200).extract().jsonPath();
        assertThat(json.getList("talks.round", Integer.class)).containsExactly(1, 1);
        assertThat(json.getList("talks.rounds", Integer.class)).containsExactly(2, 1);
        assertThat(json.getList("talks.chosen", Boolean.class)).containsExactly(false, false);
        assertThat(json.getList("talks.stat.n", Integer.class)).containsExactly(6, 6);
        // The list of questions counts the same rounds the page compares: 6 + 6, not the short round's 2 + 6.
        assertThat(given().get("/api/organiser/questions").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.pollId == '" + key + "' }.votes")).isEqualTo(12);

        String choice = "round." + main.id;
        var chosen = given().queryParam(choice, 2).get("/api/organiser/questions/{key}", key).then().statusCode(200)
                .extract().jsonPath();
        assertThat(chosen.getList("talks.round", Integer.class)).containsExactly(2, 1);
        assertThat(chosen.getList("talks.chosen", Boolean.class)).containsExactly(true, false);
        assertThat(chosen.getList("talks.stat.n", Integer.class)).containsExactly(2, 6);
        assertThat(chosen.getInt("pooled.n")).isEqualTo(8);
        // The page's form sends every talk's round: one equal to the talk's main round is no choice (trial of issue 19:
        // both talks said "(chosen)").
        var both = given().queryParam(choice, 2).queryParam("round." + other.id, 1)
                .get("/api/organiser/questions/{key}", key).then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("talks.chosen", Boolean.class)).containsExactly(true, false);
        assertThat(csv(download("/api/organiser/questions/" + key + "/export.csv?" + choice + "=2", "text/csv",
                "afstemning-question-" + key + "-votes.csv"))).hasSize(1 + 8);

        given().queryParam(choice, 3).get("/api/organiser/questions/{key}", key).then().statusCode(400)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("invalid-round"));
        given().queryParam(choice, "to").get("/api/organiser/questions/{key}", key).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("invalid-round"));

        Document page = Jsoup.parse(given().get("/organiser/questions/{key}?lang=da", key).then().statusCode(200)
                .extract().asString());
        assertThat(page.select(".round-note").text()).startsWith("Hvert oplæg sammenlignes med den runde, hvor flest");
        assertThat(page.select("select[name='" + choice + "'] option[selected]").text())
                .isEqualTo("Runde 1 af 2");
        assertThat(page.select("td.round")).hasSize(3); // the pooled row's cell is empty
        assertThat(page.select("td.round").eachText()).containsExactly("Runde 1 af 2 Runde 2 af 2 (flest svar)",
                "Runde 1 af 1");
        Document picked = Jsoup.parse(given().get("/organiser/questions/{key}?lang=da&" + choice + "=2", key).then()
                .statusCode(200).extract().asString());
        assertThat(picked.select("td.round").first().text()).endsWith("(valgt)");
        assertThat(picked.select("ul.downloads a").eachAttr("href")).allMatch(h -> h.endsWith("?" + choice + "=2")
                || h.endsWith("codebook.csv"));
        assertThat(picked.body().attr("data-api")).endsWith("?" + choice + "=2");
    }

    private static void castVotes(Talk talk, String key, int first, int second) {
        given().header("X-Presenter-Key", talk.presenterKey).when()
                .post("/api/talks/{code}/polls/{poll}/open", talk.joinCode, key).then().statusCode(200);
        List<Integer> ids = given().when().get("/api/talks/{code}", talk.joinCode).then().statusCode(200)
                .extract().path("polls[0].options.id");
        for (int i = 0; i < first + second; i++) {
            given().cookie("afstemning_pid", join(talk.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("optionId", ids.get(i < first ? 0 : 1), "requestId", "r-" + i)).when()
                    .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, key).then().statusCode(200);
        }
    }
}
