package dk.afstemning.account;

import java.util.Map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.share.ShareLink;
import dk.afstemning.share.ShareService;
import dk.afstemning.talk.Talk;

/**
 * Every organiser page and API route, walked with no login (API: 401 with a Basic challenge; pages: a redirect to
 * the login form), with a presenter login (403; the dashboard's own address sends it to My talks) and with an
 * organiser login (not refused). Routes of the exports
 * helper live under the same prefixes ({@code /api/organiser/…}, {@code /organiser/…}), which the path policy covers:
 * the two {@code exports} rows below stand for them even before they exist. A refused request changes nothing.
 */
@QuarkusTest
class OrganiserAccessTest {

    @Inject
    DeckImporter importer;

    @Inject
    AccountService accounts;

    @Inject
    ShareService shares;

    /** One organiser route: method, path with {@code {talk}} and {@code {deck}} placeholders, and whether it is a page. */
    record Route(String method, String path, boolean page) {
    }

    private static List<Route> routes() {
        return List.of(
                new Route("GET", "/organiser", true),
                new Route("GET", "/organiser/talks/{talk}", true),
                new Route("POST", "/organiser/talks/{talk}/shares", true),
                new Route("POST", "/organiser/talks/{talk}/shares/{link}/revoke", true),
                new Route("GET", "/organiser/talks/{talk}/delete", true),
                new Route("POST", "/organiser/talks/{talk}/delete", true),
                new Route("GET", "/organiser/accounts", true),
                new Route("POST", "/organiser/accounts", true),
                new Route("POST", "/organiser/accounts/1/talks", true),
                new Route("GET", "/organiser/talks/{talk}/export.csv", true),
                new Route("GET", "/api/decks", false),
                new Route("POST", "/api/decks", false),
                new Route("POST", "/api/decks/{deck}/talks", false),
                new Route("GET", "/api/organiser/talks/{talk}/export.csv", false));
    }

    private Response call(RequestSpecification request, Route route, Talk talk, long link) {
        String path = route.path().replace("{talk}", talk.id.toString()).replace("{deck}", talk.deck.id.toString())
                .replace("{link}", Long.toString(link));
        RequestSpecification r = TestLogins.csrf(request.redirects().follow(false));
        if (route.method().equals("POST")) {
            r = r.contentType("application/x-www-form-urlencoded").formParam("confirm", talk.joinCode)
                    .formParam("username", "intruder").formParam("password", "intruder-password")
                    .formParam("role", "organiser");
        }
        return r.request(route.method(), path);
    }

    @Test
    void everyOrganiserRouteRefusesNoLoginAndAPresenterLogin() {
        Talk talk = TestTalks.create(importer);
        long link = shares.create(talk.id).id;
        String presenter = TestLogins.presenter(accounts, talk);
        for (Route route : routes()) {
            Response anonymous = call(given(), route, talk, link);
            if (route.page()) {
                assertThat(anonymous.statusCode()).as("no login: " + route).isEqualTo(302);
                assertThat(anonymous.header("Location")).as("no login: " + route).endsWith("/login");
            } else {
                assertThat(anonymous.statusCode()).as("no login: " + route).isEqualTo(401);
                assertThat(anonymous.header("WWW-Authenticate")).as(route.toString())
                        .isEqualToIgnoringCase("Basic realm=\"Afstemning\"");
            }
            Map<String, String> session = TestLogins.session(presenter, "presenter-password");
            if (route.page() && route.path().equals("/organiser") && route.method().equals("GET")) {
                // The dashboard's address sends a presenter account to its own talks (issue 19 item 1), not a 403.
                for (Response r : List.of(call(TestLogins.as(presenter, "presenter-password"), route, talk, link),
                        call(given().cookies(session), route, talk, link))) {
                    assertThat(r.statusCode()).as("presenter: " + route).isEqualTo(303);
                    assertThat(r.header("Location")).as("presenter: " + route).endsWith("/my-talks");
                }
                continue;
            }
            assertThat(call(TestLogins.as(presenter, "presenter-password"), route, talk, link).statusCode())
                    .as("presenter: " + route).isEqualTo(403);
            assertThat(call(given().cookies(session), route, talk, link).statusCode())
                    .as("presenter session: " + route).isEqualTo(403);
        }
        // Nothing changed: the talk, its share link and the accounts are as before.
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(Talk.<Talk>findById(talk.id)).isNotNull();
            assertThat(ShareLink.<ShareLink>findById(link).revokedAt).isNull();
            assertThat(ShareLink.count("talk.id", talk.id)).isEqualTo(1);
            assertThat(Account.findByUsername("intruder")).isEmpty();
        });
    }

    @Test
    void anOrganiserLoginOpensThePagesAndTheApi() {
        Talk talk = TestTalks.create(importer);
        TestLogins.organiser().get("/organiser").then().statusCode(200);
        TestLogins.organiser().get("/organiser/talks/{id}", talk.id).then().statusCode(200);
        TestLogins.organiser().get("/organiser/accounts").then().statusCode(200);
        TestLogins.organiser().get("/api/decks").then().statusCode(200);
        Map<String, String> session = TestLogins.session(TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);
        given().cookies(session).get("/organiser").then().statusCode(200);
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginFormWithAnError() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", TestLogins.ADMIN).formParam("j_password", "not-the-password")
                .post("/j_security_check").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/login?error=true"));
        given().get("/login?error=true&lang=en").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Wrong user name or password."));
    }
}
