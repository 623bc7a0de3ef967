package dk.afstemning.organiser;

import java.util.Map;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.Account;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.share.ShareLink;
import dk.afstemning.talk.Talk;

/** CSRF: a form post without the token of the csrf cookie is refused with 400 and changes nothing. */
@QuarkusTest
class CsrfTest {

    private static final Pattern FIELD = Pattern.compile("name=\"csrf-token\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    DeckImporter importer;

    @Test
    void formPostsWithoutTheTokenAreRefusedAndChangeNothing() {
        Talk talk = TestTalks.create(importer);
        Map<String, String> session = TestLogins.session(TestLogins.ADMIN, TestLogins.ADMIN_PASSWORD);

        // No token at all, a token field without its cookie, and a cookie with another token in the field.
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("x", "1")
                .post("/organiser/talks/{id}/shares", talk.id).then().statusCode(400);
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post("/organiser/talks/{id}/shares", talk.id).then().statusCode(400);
        given().cookies(session).cookie("afstemning_csrf", TestLogins.CSRF).redirects()
                .follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "b3RoZXItY3NyZi10b2tlbiE").post("/organiser/talks/{id}/shares", talk.id)
                .then().statusCode(400);
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("confirm", talk.joinCode)
                .post("/organiser/talks/{id}/delete", talk.id).then().statusCode(400);
        given().cookies(session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("username", "csrf-victim")
                .formParam("password", "csrf-victim-password").formParam("role", "organiser")
                .post("/organiser/accounts").then().statusCode(400);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(ShareLink.count("talk.id", talk.id)).isZero();
            assertThat(Talk.<Talk>findById(talk.id)).isNotNull();
            assertThat(Account.findByUsername("csrf-victim")).isEmpty();
        });

        // The page's own token (cookie + hidden field) is accepted.
        Response page = given().cookies(session).get("/organiser/talks/{id}", talk.id);
        String cookie = page.then().statusCode(200).extract().cookie("afstemning_csrf");
        Matcher field = FIELD.matcher(page.asString());
        assertThat(field.find()).isTrue();
        assertThat(field.group(1)).isEqualTo(cookie);
        given().cookies(session).cookie("afstemning_csrf", cookie).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", field.group(1))
                .post("/organiser/talks/{id}/shares", talk.id).then().statusCode(303);
        QuarkusTransaction.requiringNew().run(() -> assertThat(ShareLink.count("talk.id", talk.id)).isEqualTo(1));
    }
}
