package dk.afstemning.share;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Share links: a talk's results read-only behind an unguessable token; revoked or unknown tokens are 404. */
@QuarkusTest
class ShareLinkTest {

    @Inject
    DeckImporter importer;

    @Test
    void aTokenShowsItsOwnTalkOnlyAndARevokedOrUnknownTokenIs404() {
        Talk t1 = TestTalks.create(importer, "Delt oplæg et", List.of("Æbler", "Pærer"));
        Talk t2 = TestTalks.create(importer, "Delt oplæg to", List.of("Katte", "Hunde"));
        TestTalks.open(t1, "q");
        TestTalks.vote(t1.joinCode, TestTalks.join(t1.joinCode), TestTalks.optionIds(t1.joinCode).get(1), "r-1")
                .statusCode(200);
        for (Talk t : List.of(t1, t2)) {
            TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                    .post("/organiser/talks/{id}/shares", t.id).then().statusCode(303);
        }
        ShareLink link1 = QuarkusTransaction.requiringNew().call(() -> ShareLink.listActive(Talk.findById(t1.id)).get(0));
        ShareLink link2 = QuarkusTransaction.requiringNew().call(() -> ShareLink.listActive(Talk.findById(t2.id)).get(0));
        // 256 random bits, base64url: 43 characters.
        assertThat(link1.token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(link2.token);

        String page1 = given().get("/share/{token}?lang=en", link1.token).then().statusCode(200).extract().asString();
        assertThat(page1).contains("Delt oplæg et", "Æbler", "Pærer", "Pærer</th><td class=\"num\">1 (100%) <span class=\"ci\"><span class=\"visually-hidden\">95% CI: </span>20.7–100.0%</span></td>")
                .doesNotContain("Delt oplæg to", "Katte", "Hunde", t1.presenterKey, t1.joinCode, "/organiser/talks/",
                        link2.token, "id=\"sharing\"");
        String page2 = given().get("/share/{token}", link2.token).then().statusCode(200).extract().asString();
        assertThat(page2).contains("Delt oplæg to", "Katte").doesNotContain("Delt oplæg et", "Æbler");

        // The organiser's talk page lists the link; revoking it makes it 404.
        assertThat(TestLogins.organiser().get("/organiser/talks/{id}", t1.id).then().statusCode(200).extract()
                .asString()).contains("/share/" + link1.token);
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/talks/{id}/shares/{link}/revoke", t1.id, link1.id).then().statusCode(303);
        given().get("/share/{token}", link1.token).then().statusCode(404);
        given().get("/share/{token}", link2.token).then().statusCode(200);
        // Revoking through another talk's address does nothing.
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/talks/{id}/shares/{link}/revoke", t1.id, link2.id).then().statusCode(303);
        given().get("/share/{token}", link2.token).then().statusCode(200);
        given().get("/share/{token}", "A".repeat(43)).then().statusCode(404);
        given().get("/share/{token}", t2.presenterKey).then().statusCode(404);
    }
}
