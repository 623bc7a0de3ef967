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

    /**
     * Issue 19 item 5 (trial): creating an account or assigning a talk said nothing; the page now confirms it in its
     * language, naming the account and the talk by its title.
     */
    @Test
    void creatingAndAssigningAreConfirmedOnThePageInItsLanguage() {
        String name = "sofie-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String created = form("da").formParam("username", name).formParam("password", "et-godt-kodeord-42")
                .formParam("role", "presenter").post("/organiser/accounts?lang=da").then().statusCode(303).extract()
                .header("Location");
        long id = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().id);
        assertThat(created).endsWith("/organiser/accounts?done=created&account=" + id + "&lang=da");
        Document da = Jsoup.parse(TestLogins.organiser().get(created).then().statusCode(200).extract().asString());
        assertThat(da.select("p.feedback.ok[role=status]").text()).isEqualTo("Oplægsholderkontoen \"" + name
                + "\" er oprettet. Tildel den et oplæg nedenfor med oplæggets deltagerkode.");

        var talk = dk.afstemning.TestTalks.create(importer, "Tillid i praksis", java.util.List.of("Ja", "Nej"));
        String assigned = form("en").formParam("code", talk.joinCode)
                .post("/organiser/accounts/{id}/talks?lang=en", id).then().statusCode(303).extract().header("Location");
        Document en = Jsoup.parse(TestLogins.organiser().get(assigned).then().statusCode(200).extract().asString());
        assertThat(en.select("p.feedback.ok[role=status]").text())
                .isEqualTo("\"Tillid i praksis\" is assigned to " + name + ": the talk is on their My talks page.");
        // "May present" lists the talk's title, its code as secondary text.
        var row = en.select("table.account-table tbody tr:has(td:containsOwn(" + name + "))");
        assertThat(row.select(".talk-title").eachText()).containsExactly("Tillid i praksis");
        assertThat(row.select("code.talk-code").eachText()).containsExactly(talk.joinCode);
        // The page without a change confirms nothing, and an address naming no such account says nothing either.
        assertThat(Jsoup.parse(TestLogins.organiser().get("/organiser/accounts?done=created&account=-1&lang=en").then()
                .statusCode(200).extract().asString()).select("p.feedback.ok")).isEmpty();
    }

    /** The organiser's own row offers no Disable or Delete, and the server refuses both in the page's language. */
    @Test
    void theOwnRowHasNoDisableOrDeleteAndTheServerRefusesThem() {
        Document page = Jsoup.parse(TestLogins.organiser().get("/organiser/accounts?lang=en").then().statusCode(200)
                .extract().asString());
        long admin = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(TestLogins.ADMIN)
                .orElseThrow().id);
        assertThat(page.select("form[action=/organiser/accounts/" + admin + "/disable]")).isEmpty();
        assertThat(page.select("form[action=/organiser/accounts/" + admin + "/delete]")).isEmpty();
        assertThat(page.select("table.account-table tbody tr:has(td:containsOwn(" + TestLogins.ADMIN + ")) .own-account")
                .text()).isEqualTo("Your own account");
        String other = TestLogins.presenter(accounts);
        long otherId = QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(other).orElseThrow().id);
        assertThat(page.select("form[action=/organiser/accounts/" + otherId + "/delete]")).isEmpty(); // made after
        Document again = Jsoup.parse(TestLogins.organiser().get("/organiser/accounts?lang=en").then().statusCode(200)
                .extract().asString());
        assertThat(again.select("form[action=/organiser/accounts/" + otherId + "/disable]")).hasSize(1);
        assertThat(again.select("form[action=/organiser/accounts/" + otherId + "/delete]")).hasSize(1);

        assertThat(page(form("en").post("/organiser/accounts/{id}/disable", admin), 409).select("p.feedback.error")
                .text()).isEqualTo("You cannot disable or delete your own account.");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(TestLogins.ADMIN).orElseThrow()
                .disabled)).isFalse();
    }
}
