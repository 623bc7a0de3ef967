package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dk.afstemning.TestLogins;
import dk.afstemning.account.Account;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 19 item 2: assigning an unknown join code and creating the user "Sofie H" answered with a raw
 * application/problem+json body. Every form of the accounts page now answers with the page and the refusal in the
 * page's language, with the refusal's status, and changes nothing.
 */
@QuarkusTest
class AccountFormsTest {

    @Inject
    AccountService accounts;

    @Inject
    DeckImporter importer;

    private static RequestSpecification form(String lang) {
        return TestLogins.csrf(TestLogins.organiser()).redirects().follow(false).cookie("lang", lang)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF);
    }

    private static Document page(Response response, int status) {
        response.then().statusCode(status).contentType(startsWith("text/html"));
        return Jsoup.parse(response.asString());
    }

    @Test
    void aUserNameWithASpaceComesBackOnTheDanishPageWithItsRuleAndIsNotCreated() {
        Document page = page(form("da").formParam("username", "Sofie H").formParam("password", "et-godt-kodeord-42")
                .formParam("role", "presenter").post("/organiser/accounts"), 400);
        assertThat(page.select("p.feedback.error").text()).isEqualTo("Et brugernavn har 2–64 tegn: små bogstaver a–z,"
                + " cifre, '.', '_', '@' eller '-', uden mellemrum og store bogstaver (fx sofie.h).");
        assertThat(page.select("#username").val()).isEqualTo("Sofie H");
        assertThat(page.select("h1").text()).isEqualTo("Konti");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername("Sofie H").isPresent()))
                .isFalse();
    }

    @Test
    void anUnknownJoinCodeIsSaidInEnglishAndAssignsNothing() {
        String name = TestLogins.presenter(accounts);
        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().id);
        Document page = page(form("en").formParam("code", "ZZZZZZ").post("/organiser/accounts/{id}/talks", id), 404);
        assertThat(page.select("p.feedback.error").text())
                .isEqualTo("No talk has that join code. The dashboard lists each talk's code.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().talks
                .size())).isZero();
    }

    @Test
    void aTakenNameACommonPasswordAndOnesOwnAccountAreSaidOnThePage() {
        String name = TestLogins.presenter(accounts);
        assertThat(page(form("da").formParam("username", name).formParam("password", "et-godt-kodeord-42")
                .formParam("role", "presenter").post("/organiser/accounts"), 409).select("p.feedback.error").text())
                .isEqualTo("Brugernavnet er optaget. Vælg et andet.");
        assertThat(page(form("en").formParam("username", "new-" + name).formParam("password", "password123")
                .formParam("role", "presenter").post("/organiser/accounts"), 400).select("p.feedback.error").text())
                .isEqualTo("This password is one of the 10,000 most common passwords. Choose another.");
        long admin = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(TestLogins.ADMIN)
                .orElseThrow().id);
        assertThat(page(form("da").post("/organiser/accounts/{id}/delete", admin), 409).select("p.feedback.error")
                .text()).isEqualTo("Du kan ikke deaktivere eller slette din egen konto.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(TestLogins.ADMIN).isPresent()))
                .isTrue();
    }
}
