package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19 item 1: a presenter account that logged in landed on "HTTP ERROR 403". A login now lands on /home, which
 * sends organisers to the dashboard and presenter accounts to My talks, with Present, Console, deck editing and
 * results for each assigned talk; the dashboard and a talk's page have Present and Console too.
 */
@QuarkusTest
class PresenterPagesTest {

    @Inject
    AccountService accounts;

    @Inject
    DeckImporter importer;

    @Test
    void aPresenterAccountLandsOnItsOwnTalksWithPresentConsoleDeckAndResults() {
        Talk mine = TestTalks.create(importer);
        Talk other = TestTalks.create(importer);
        String name = TestLogins.presenter(accounts, mine);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", name).formParam("j_password", "presenter-password")
                .post("/j_security_check").then().statusCode(302).header("Location", endsWith("/home"));
        Map<String, String> session = TestLogins.session(name, "presenter-password");
        given().cookies(session).redirects().follow(false).get("/home").then().statusCode(303)
                .header("Location", endsWith("/my-talks"));
        // The dashboard's address sends a presenter account to its talks too, instead of a 403.
        given().cookies(session).redirects().follow(false).get("/organiser?lang=da").then().statusCode(303)
                .header("Location", endsWith("/my-talks")).cookie("lang", "da");
        given().cookies(session).redirects().follow(false).get("/organiser/accounts").then().statusCode(403);

        String page = given().cookies(session).get("/my-talks?lang=en").then().statusCode(200).extract().asString();
        String code = mine.joinCode;
        assertThat(page).contains("<h1>My talks</h1>", "<code class=\"join-code\">" + code + "</code>",
                "href=\"/present/" + code + "?lang=en\"", "href=\"/present/" + code + "/console?lang=en\"",
                "href=\"/organiser/talks/" + code + "/deck?lang=en\"", "href=\"/my-talks/" + code + "/results?lang=en\"",
                "href=\"/my-talks?lang=en\"").doesNotContain(other.joinCode, "/organiser/accounts", mine.presenterKey);
        String danish = given().cookies(session).get("/my-talks?lang=da").then().statusCode(200).extract().asString();
        assertThat(danish).contains("<h1>Mine oplæg</h1>", ">Præsentér</a>", ">Konsol</a>", ">Resultater</a>");

        String results = given().cookies(session).get("/my-talks/{c}/results?lang=en", code.toLowerCase())
                .then().statusCode(200).extract().asString();
        assertThat(results).contains("<h1>" + mine.title + "</h1>", "href=\"/present/" + code + "?lang=en\"",
                "href=\"/my-talks?lang=en\"").doesNotContain("/share/", "/organiser/accounts", mine.presenterKey);
        // A talk that is not theirs: My talks again with a message, as a page (never problem+json), in Danish too.
        assertThat(given().cookies(session).get("/my-talks/{c}/results?lang=da", other.joinCode).then()
                .statusCode(404).contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString())
                .contains("Du har intet oplæg med deltagerkoden " + other.joinCode + ".", "<h1>Mine oplæg</h1>");
        given().cookies(session).get("/my-talks/{c}/results", "NOCODE").then().statusCode(404);
        // The deck editor's menu and results link are a presenter account's own, not the organiser's (403s).
        String editor = given().cookies(session).get("/organiser/talks/{c}/deck?lang=en", code).then().statusCode(200)
                .extract().asString();
        assertThat(editor).contains("href=\"/my-talks/" + code + "/results?lang=en\"", "href=\"/my-talks?lang=en\"")
                .doesNotContain("/organiser/accounts", "href=\"/organiser?lang=en\"");
    }

    @Test
    void aPresenterAccountWithoutTalksIsToldWhatToDo() {
        String name = TestLogins.presenter(accounts);
        Map<String, String> session = TestLogins.session(name, "presenter-password");
        assertThat(given().cookies(session).get("/my-talks?lang=da").then().statusCode(200).extract().asString())
                .contains("Du har endnu ikke fået et oplæg.");
    }

    @Test
    void organisersLandOnTheDashboardWhichHasPresentAndConsoleForEveryTalk() {
        Talk talk = TestTalks.create(importer);
        Map<String, String> session = TestLogins.session(TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        given().cookies(session).redirects().follow(false).get("/home").then().statusCode(303)
                .header("Location", endsWith("/organiser"));
        String dashboard = given().cookies(session).get("/organiser?lang=en").then().statusCode(200).extract()
                .asString();
        assertThat(dashboard).contains("href=\"/present/" + talk.joinCode + "?lang=en\"",
                "href=\"/present/" + talk.joinCode + "/console?lang=en\"");
        String page = given().cookies(session).get("/organiser/talks/{id}?lang=en", talk.id).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("href=\"/present/" + talk.joinCode + "?lang=en\"",
                "href=\"/present/" + talk.joinCode + "/console?lang=en\"").doesNotContain(talk.presenterKey);
        // The poll's line says its state first and names the id as such (the seed deck read "Afstemning afstemning").
        assertThat(page).contains("Not opened yet · poll id: q");
        // The organiser's My talks lists every talk, under the organiser's own menu.
        assertThat(given().cookies(session).get("/my-talks?lang=en").then().statusCode(200).extract().asString())
                .contains("<code class=\"join-code\">" + talk.joinCode + "</code>", "/organiser/accounts");
    }

    @Test
    void withoutALoginTheyAskForOne() {
        given().redirects().follow(false).get("/my-talks").then().statusCode(302).header("Location", endsWith("/login"));
        given().redirects().follow(false).get("/organiser").then().statusCode(302).header("Location", endsWith("/login"));
    }
}
