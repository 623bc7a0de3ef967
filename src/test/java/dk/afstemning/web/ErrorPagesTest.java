package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * Trial of issue 19: a browser met raw problem JSON on an unknown path, a bad talk id, an unknown question, a talk
 * not assigned (the deck editor), and the browser's own empty "HTTP ERROR 403" page on an organiser's address opened
 * by a presenter account; an unknown share link answered a bare English "Not found". Each is now a page in the
 * visitor's language with the way back; API calls keep their problem bodies.
 */
@QuarkusTest
class ErrorPagesTest {

    @Inject
    AccountService accounts;

    @Inject
    DeckImporter importer;

    private static Document page(Map<String, String> session, String path, int status) {
        return Jsoup.parse(given().cookies(session).accept("text/html,application/xhtml+xml").redirects().follow(false)
                .get(path).then().statusCode(status).contentType(containsString("text/html")).extract().asString());
    }

    @Test
    void unknownAddressesAreAPageInTheVisitorsLanguage() {
        Document nope = page(Map.of(), "/nope?lang=da", 404);
        assertThat(nope.select("h1").text()).isEqualTo("Siden findes ikke");
        assertThat(nope.select("main a.button").attr("href")).isEqualTo("/?lang=da");
        assertThat(page(Map.of(), "/share/no-such-token?lang=en", 404).select("h1").text()).isEqualTo("Page not found");
        // an API client keeps its problem body
        given().accept("application/json").get("/nope").then().statusCode(404)
                .contentType("application/problem+json");

        Map<String, String> organiser = TestLogins.session(TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        Document badId = page(organiser, "/organiser/talks/abc?lang=en", 404);
        assertThat(badId.select("h1").text()).isEqualTo("Page not found");
        assertThat(badId.select("main a.button").attr("href")).isEqualTo("/home?lang=en");
        assertThat(page(organiser, "/organiser/questions/no-such-poll?lang=da", 404).select("h1").text())
                .isEqualTo("Siden findes ikke");
        // Re-trial: logged in, an address no endpoint matches answered 500 (the menu's Log out form had no CSRF token).
        Document typo = page(organiser, "/nope?lang=da", 404);
        assertThat(typo.select("h1").text()).isEqualTo("Siden findes ikke");
        assertThat(typo.select("main a.button").attr("href")).isEqualTo("/home?lang=da");
    }

    @Test
    void aPresenterAccountOnAnOrganisersOrAnotherTalksPageGetsAPageNotA403() {
        Talk mine = TestTalks.create(importer);
        Talk other = TestTalks.create(importer);
        Map<String, String> presenter = TestLogins.session(TestLogins.presenter(accounts, mine),
                "presenter-password");

        given().cookies(presenter).accept("text/html").redirects().follow(false).get("/organiser/accounts?lang=da")
                .then().statusCode(303).header("Location", endsWith("/not-allowed?lang=da"));
        Document refused = page(presenter, "/not-allowed?lang=da", 403);
        assertThat(refused.select("h1").text()).isEqualTo("Ikke for denne konto");
        assertThat(refused.select("main a.button").attr("href")).isEqualTo("/home?lang=da");

        Document deck = page(presenter, "/organiser/talks/" + other.joinCode + "/deck?lang=en", 403);
        assertThat(deck.select("h1").text()).isEqualTo("Not for this account");
        // the API keeps its 403 problem
        given().cookies(presenter).accept("application/json").get("/api/decks").then().statusCode(403);
    }
}
