package dk.afstemning.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * The dashboard and a talk's results page: participants and votes per poll, search by title, speaker and code, the
 * date filter, rounds side by side, the vote timeline and the response rate, with exact values.
 */
@QuarkusTest
class DashboardTest {

    @Inject
    DeckImporter importer;

    @Inject
    TalkReports reports;

    @Test
    void theTalkPageShowsRoundsSideBySideTheTimelineAndTheResponseRate() {
        Talk talk = TestTalks.create(importer, "Runder side om side", List.of("Ja", "Nej", "Ved ikke"));
        String code = talk.joinCode;
        List<Integer> o = TestTalks.optionIds(code);
        TestTalks.open(talk, "q");
        String p1 = TestTalks.join(code);
        String p2 = TestTalks.join(code);
        TestTalks.join(code);
        TestTalks.join(code);
        TestTalks.vote(code, p1, o.get(0), "r-1").statusCode(200);
        TestTalks.vote(code, p2, o.get(0), "r-2").statusCode(200);
        given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/reset", code).then()
                .statusCode(200);
        TestTalks.vote(code, p1, o.get(1), "r-3").statusCode(200);

        TalkReports.TalkReport report = reports.report(talk.id);
        assertThat(report.participants()).isEqualTo(4);
        assertThat(report.voters()).isEqualTo(2);
        assertThat(report.responsePercent()).isEqualTo(50);
        TalkReports.PollReport poll = report.polls().get(0);
        assertThat(poll.rounds()).containsExactly(1, 2);
        assertThat(poll.totals()).containsExactly(2L, 1L);
        assertThat(poll.options()).extracting(TalkReports.OptionRow::text).containsExactly("Ja", "Nej", "Ved ikke");
        assertThat(poll.options().get(0).counts()).containsExactly(2L, 0L);
        assertThat(poll.options().get(0).percents()).containsExactly(100, 0);
        assertThat(poll.options().get(1).counts()).containsExactly(0L, 1L);
        assertThat(poll.options().get(2).counts()).containsExactly(0L, 0L);
        assertThat(poll.voters()).isEqualTo(2);
        assertThat(poll.timeline().stream().mapToLong(TalkReports.Bucket::votes).sum()).isEqualTo(3);
        assertThat(poll.timeline()).allSatisfy(b -> assertThat(b.start()).matches(
                "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d0 UTC"));
        assertThat(poll.chart()).startsWith("{").contains("\"rounds\":[[2,0,0],[0,1,0]]");

        String page = TestLogins.organiser().get("/organiser/talks/{id}?lang=en", talk.id).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<th scope=\"col\">Round 1</th><th scope=\"col\">Round 2</th>",
                "<th scope=\"row\">Ja</th><td class=\"num\">2 (100%) <span class=\"ci\"><span class=\"visually-hidden\">95% CI: </span>34.2–100.0%</span></td><td class=\"num\">0 (0%) <span class=\"ci\"><span class=\"visually-hidden\">95% CI: </span>0.0–79.3%</span></td>",
                "<th scope=\"row\">Nej</th><td class=\"num\">0 (0%) <span class=\"ci\"><span class=\"visually-hidden\">95% CI: </span>0.0–65.8%</span></td><td class=\"num\">1 (100%) <span class=\"ci\"><span class=\"visually-hidden\">95% CI: </span>20.7–100.0%</span></td>",
                "2 of 4 participants voted (50%)", "id=\"exports\"", "/webjars/chart.js/dist/chart.umd.js");
        given().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200);
    }

    @Test
    void theDashboardSearchesTitleSpeakerAndCodeAndFiltersByDate() {
        Talk base = TestTalks.create(importer, "Søgbart oplæg om frikommuner", List.of("A", "B"));
        Talk march = importer.newTalk(base.deck.id, "Aarhus", LocalDate.of(2031, 3, 14));
        Talk may = importer.newTalk(base.deck.id, "Odense", LocalDate.of(2031, 5, 2));
        TestTalks.open(march, "q");
        TestTalks.vote(march.joinCode, TestTalks.join(march.joinCode), TestTalks.optionIds(march.joinCode).get(1),
                "r-1").statusCode(200);
        TestTalks.join(march.joinCode);

        List<TalkReports.TalkRow> all = reports.talks("søgbart OPLÆG", null, null);
        assertThat(all).extracting(TalkReports.TalkRow::joinCode).contains(base.joinCode, march.joinCode, may.joinCode);
        assertThat(reports.talks(march.joinCode.toLowerCase(), null, null)).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Søgbart oplæg om frikommuner");
            assertThat(r.date()).isEqualTo(LocalDate.of(2031, 3, 14));
            assertThat(r.venue()).isEqualTo("Aarhus");
            assertThat(r.participants()).isEqualTo(2);
            assertThat(r.polls()).containsExactly(new TalkReports.PollVotes("q", 1));
        });
        assertThat(reports.talks("søgbart", LocalDate.of(2031, 3, 1), LocalDate.of(2031, 3, 31)))
                .extracting(TalkReports.TalkRow::joinCode).containsExactly(march.joinCode);
        assertThat(reports.talks("søgbart", LocalDate.of(2031, 4, 1), null))
                .extracting(TalkReports.TalkRow::joinCode).containsExactly(may.joinCode);
        assertThat(reports.talks("ingen-titel-har-denne-tekst", null, null)).isEmpty();
        // The seed talk is found by its speaker.
        assertThat(reports.talks("HJELM", null, null)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.speaker()).isEqualTo("Ulf Hjelm, professor mso"));

        String page = TestLogins.organiser().get("/organiser?lang=en&q=søgbart&from=2031-03-01&to=2031-03-31").then()
                .statusCode(200).extract().asString();
        assertThat(page).contains("<code>" + march.joinCode + "</code>", "q: 1", "datetime=\"2031-03-14\"")
                .doesNotContain("<code>" + may.joinCode + "</code>", "<code>" + base.joinCode + "</code>");
        TestLogins.organiser().get("/organiser?from=14-03-2031").then().statusCode(400);
    }
}
