package dk.afstemning.report;

import static dk.afstemning.report.Exports.csv;
import static dk.afstemning.report.Exports.download;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.stats.Interval;
import dk.afstemning.talk.Talk;

/**
 * The 95% t interval of a scale's mean is clamped to the scale's range: with n = 2 (4 and 5 on 1–5) Student's interval
 * is 4.5 ± 6.35310 (t(0.975, 1) = 12.7062, s = 0.707107), i.e. −1.85310 to 10.8531, which no mean can reach.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
class MeanIntervalTest {

    @Inject
    DeckImporter importer;

    @Test
    void clampingCutsOnlyWhatLiesOutside() {
        assertThat(new Interval(-1.85310, 10.8531).clampedTo(1, 5)).isEqualTo(new Interval(1, 5));
        assertThat(new Interval(3.23241, 6.10092).clampedTo(1, 5)).isEqualTo(new Interval(3.23241, 5));
        assertThat(new Interval(1.5, 4.5).clampedTo(1, 5)).isEqualTo(new Interval(1.5, 4.5));
    }

    @Test
    void aScaleWithTwoVotesReportsAnIntervalInsideOneToFive() {
        String id = "ci-" + UUID.randomUUID().toString().substring(0, 8);
        Talk talk = importer.importDeck(id + ".md", """
                ---
                title: Interval
                lang: da
                ---

                ```poll
                id: %s
                type: scale
                question: Hvor enig?
                min: 1
                max: 5
                ```
                """.formatted(id));
        TestTalks.open(talk, id);
        for (int value : new int[] { 4, 5 }) {
            given().cookie("afstemning_pid", TestTalks.join(talk.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("value", value)).post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, id)
                    .then().statusCode(200);
        }

        var json = given().get("/api/organiser/talks/{id}/export.json", talk.id).then().statusCode(200).extract()
                .jsonPath();
        assertThat(json.getDouble("talk.polls[0].rounds[0].mean.mean")).isEqualTo(4.5);
        assertThat(json.getDouble("talk.polls[0].rounds[0].mean.ci95.lower")).isEqualTo(1.0);
        assertThat(json.getDouble("talk.polls[0].rounds[0].mean.ci95.upper")).isEqualTo(5.0);

        List<CSVRecord> rows = csv(download("/api/organiser/talks/" + talk.id + "/results.csv", "text/csv",
                "afstemning-talk-" + talk.id + "-results.csv"));
        assertThat(rows).hasSize(1 + 5);
        List<String> header = rows.get(0).toList();
        for (CSVRecord row : rows.subList(1, rows.size())) {
            assertThat(List.of("mean", "sd", "mean_ci95_lower", "mean_ci95_upper").stream()
                    .map(column -> row.get(header.indexOf(column)))).containsExactly("4.5", "0.707107", "1", "5");
        }

        var page = Jsoup.parse(TestLogins.organiser().get("/organiser/talks/{id}?lang=en", talk.id).then()
                .statusCode(200).extract().asString());
        assertThat(page.select("#poll-" + id + " table.results-table tbody tr.mean").text())
                .isEqualTo("Mean (95% CI) 4.5 (1–5)");
    }
}
