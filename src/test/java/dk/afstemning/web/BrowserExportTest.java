package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * An organiser in headless Chromium opens a question across talks, sees the chart drawn and the table, and downloads
 * the votes CSV through the page's link. The login is {@link #logIn}; until the organiser login page exists it relies
 * on {@code @TestSecurity}, which authenticates every request of the test, the browser's included.
 */
@QuarkusTest
@TestSecurity(user = "o", roles = "organiser")
class BrowserExportTest {

    @TestHTTPResource("/")
    URL baseUrl;

    @Inject
    DeckImporter importer;

    private Chromium chromium;

    @BeforeEach
    void requireChromium() {
        chromium = new Chromium("BrowserExportTest", baseUrl);
        chromium.require();
    }

    @AfterEach
    void quit() {
        chromium.quitAll();
    }

    /** Logs the browser in as an organiser. Replace with the form login steps once it exists. */
    void logIn(WebDriver browser) {
        browser.get(chromium.url("/organiser/questions"));
    }

    @Test
    void organiserOpensAQuestionAndDownloadsTheCsv() {
        String key = "b-" + UUID.randomUUID().toString().substring(0, 8);
        Talk talk = importer.importDeck(key + ".md", "---\ntitle: Browsertalk\nlang: en\n---\n\n```poll\nid: " + key
                + "\nquestion: Which?\noptions:\n  - '=Research, \"applied\"'\n  - Practice\n```\n");
        given().header("X-Presenter-Key", talk.presenterKey).when()
                .post("/api/talks/{code}/polls/{poll}/open", talk.joinCode, key).then().statusCode(200);
        List<Integer> ids = given().when().get("/api/talks/{code}", talk.joinCode).then().extract()
                .path("polls[0].options.id");
        for (int i = 0; i < 3; i++) {
            given().cookie("afstemning_pid", TestTalks.join(talk.joinCode)).contentType(ContentType.JSON)
                    .body(Map.of("optionId", ids.get(i == 0 ? 1 : 0), "requestId", "r-" + i)).when()
                    .post("/api/talks/{code}/polls/{poll}/votes", talk.joinCode, key).then().statusCode(200);
        }

        WebDriver browser = chromium.browser("export-desktop", o -> o.addArguments("--window-size=1280,900"));
        logIn(browser);
        browser.findElement(By.cssSelector("a[href^='/organiser/questions/" + key + "']")).click();
        new WebDriverWait(browser, Chromium.TIMEOUT).until(b -> Boolean.TRUE.equals(Chromium.js(b).executeScript(
                "return !!(window.Chart && Chart.getChart(document.getElementById('question-chart')));")));
        assertThat(browser.findElements(By.cssSelector("table.report-table tbody tr th")).get(0).getText())
                .isEqualTo("Browsertalk");
        String href = browser.findElement(By.linkText("Votes (CSV)")).getAttribute("href");
        Object csv = Chromium.js(browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text().then(t => done([r.status,"
                + " r.headers.get('content-disposition'), t])));", href);
        List<?> answer = (List<?>) csv;
        assertThat(answer.get(0)).isEqualTo(200L);
        assertThat(answer.get(1)).isEqualTo("attachment; filename=\"afstemning-question-" + key + "-votes.csv\"");
        String text = (String) answer.get(2);
        assertThat(text.split("\r\n")).hasSize(4);
        assertThat(text).contains(",\"'=Research, \"\"applied\"\"\",");
    }
}
