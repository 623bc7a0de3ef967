package dk.afstemning.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.Talk;

/**
 * Accounts: bcrypt hashes only, the configured first admin, accounts made by an organiser, and presenting with a login:
 * an organiser presents every talk, a presenter only the talks assigned to it; the talk's key keeps working.
 */
@QuarkusTest
class AccountsTest {

    @Inject
    AccountService accounts;

    @Inject
    DeckImporter importer;

    @Test
    void passwordsAreStoredAsBcryptHashesAndTheConfiguredAdminIsNotRecreated() {
        QuarkusTransaction.requiringNew().run(() -> {
            Account admin = Account.findByUsername(TestLogins.ADMIN).orElseThrow();
            assertThat(admin.password).startsWith("$2a$04$").hasSize(60).doesNotContain(TestLogins.ADMIN_PASSWORD);
            assertThat(admin.role).isEqualTo(Role.ORGANISER);
        });
        // The configured password already matches: nothing to create, nothing printed.
        assertThat(accounts.ensureAdmin()).isEmpty();
    }

    @Test
    void badAccountsAreRefusedWithAProblem() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiProblem.class,
                () -> accounts.create("kort-kode", "short", Role.PRESENTER)).getMessage()).contains("10 characters or more and at most 72 bytes");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiProblem.class,
                () -> accounts.create("Store Bogstaver", "long-enough-password", Role.PRESENTER))).isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiProblem.class,
                () -> accounts.create("rolle", "long-enough-password", "admin"))).isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ApiProblem.class,
                () -> accounts.create(TestLogins.ADMIN, "long-enough-password", Role.ORGANISER)).getMessage())
                .contains("is taken");
    }

    @Test
    void anOrganiserCreatesAPresenterAndAssignsATalk() {
        Talk talk = TestTalks.create(importer);
        String name = "presenter-" + talk.joinCode.toLowerCase();
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .formParam("username", name).formParam("password", "a-long-password").formParam("role", "presenter")
                .post("/organiser/accounts").then().statusCode(303);
        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().id);
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .formParam("code", talk.joinCode).post("/organiser/accounts/{id}/talks", id).then().statusCode(303);
        assertThat(TestLogins.organiser().get("/organiser/accounts").then().statusCode(200).extract().asString())
                .contains(name, "<span class=\"talk-title\">Testtalk</span> <code class=\"talk-code\">" + talk.joinCode + "</code>");
        TestLogins.as(name, "a-long-password").post("/api/talks/{c}/polls/q/open", talk.joinCode).then()
                .statusCode(200);
    }

    @Test
    void aPresenterLoginPresentsItsOwnTalksAndAnOrganiserLoginPresentsEveryTalk() {
        Talk mine = TestTalks.create(importer);
        Talk theirs = TestTalks.create(importer);
        String presenter = TestLogins.presenter(accounts, mine);

        TestLogins.as(presenter, "presenter-password").post("/api/talks/{c}/polls/q/open", mine.joinCode).then()
                .statusCode(200).body("status", org.hamcrest.Matchers.equalTo("OPEN"));
        TestLogins.as(presenter, "presenter-password").post("/api/talks/{c}/polls/q/open", theirs.joinCode).then()
                .statusCode(403);
        TestLogins.as(presenter, "presenter-password").contentType(ContentType.JSON).body("{\"slide\":2}")
                .put("/api/talks/{c}/show", theirs.joinCode).then().statusCode(403);
        given().get("/api/talks/{c}", theirs.joinCode).then().body("polls[0].status",
                org.hamcrest.Matchers.equalTo("DRAFT"));
        TestLogins.organiser().post("/api/talks/{c}/polls/q/open", theirs.joinCode).then().statusCode(200);
        // The talk's presenter key still works without any login.
        TestTalks.close(theirs, "q");

        // The presenter screen lets the page's script run the show only when the login may present the talk, and
        // then by the login: the page holds the stand-in "login", never the key (issue 21 item 7).
        assertThat(TestLogins.as(presenter, "presenter-password").get("/present/{c}", mine.joinCode).then()
                .statusCode(200).extract().asString()).contains("data-key=\"login\"").doesNotContain(mine.presenterKey);
        assertThat(TestLogins.as(presenter, "presenter-password").get("/present/{c}", theirs.joinCode).then()
                .statusCode(200).extract().asString()).doesNotContain(theirs.presenterKey);
        TestLogins.as(presenter, "presenter-password").get("/present/{c}/console", theirs.joinCode).then()
                .statusCode(403);
        TestLogins.as(presenter, "presenter-password").get("/present/{c}/console", mine.joinCode).then()
                .statusCode(200);
        assertThat(List.of(mine.joinCode, theirs.joinCode)).doesNotHaveDuplicates();
    }
}
