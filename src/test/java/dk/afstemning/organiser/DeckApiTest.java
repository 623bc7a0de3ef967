package dk.afstemning.organiser;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static dk.afstemning.TestTalks.optionIds;
import static dk.afstemning.TestTalks.vote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Decks and talks: the same deck given again as a new talk, uploads with limits, and a talk's deck replaced. */
@QuarkusTest
class DeckApiTest {

    @Inject
    DeckImporter importer;

    @Inject
    AccountService accounts;

    private static final List<String> ABC = List.of("Forskningsmæssig viden", "Praktiske erfaringer", "Ved ikke");

    private ValidatableResponse upload(String name, byte[] content) {
        return TestLogins.csrf(TestLogins.organiser()).multiPart("deck", name, content, "text/markdown")
                .post("/api/decks").then();
    }

    @Test
    void theSameDeckGivenAgainIsANewTalkWithItsOwnCodeAndEmptyResults() {
        Talk first = TestTalks.create(importer);
        TestTalks.open(first, "q");
        vote(first.joinCode, join(first.joinCode), optionIds(first.joinCode).get(0), "r-1").statusCode(200);

        String code = TestLogins.organiser().contentType(ContentType.JSON)
                .body("{\"venue\":\"Aarhus Kommune\",\"date\":\"2023-03-14\"}")
                .post("/api/decks/{id}/talks", first.deck.id).then().statusCode(201)
                .body("code", matchesPattern("[2-9A-HJKMNP-TW-Z]{6}")).body("deckId", equalTo(first.deck.id.intValue()))
                .body("presenterKey", matchesPattern("[A-Za-z0-9_-]{43}")).extract().path("code");
        assertThat(code).isNotEqualTo(first.joinCode);
        given().get("/api/talks/{c}", code).then().body("venue", equalTo("Aarhus Kommune"))
                .body("date", equalTo("2023-03-14")).body("polls[0].status", equalTo("DRAFT"))
                .body("polls[0].options.text", equalTo(ABC));
        assertThat(counts(code)).containsExactly(0, 0, 0);
        assertThat(counts(first.joinCode)).containsExactly(1, 0, 0);

        TestLogins.organiser().get("/api/decks").then().statusCode(200);
        String list = TestLogins.organiser().get("/api/decks").then().extract().asString();
        assertThat(list).contains(first.joinCode, code);
    }

    @Test
    void deckAndTalkOperationsNeedAnOrganiserLogin() {
        Talk talk = TestTalks.create(importer);
        given().contentType(ContentType.JSON).body("{}").post("/api/decks/{id}/talks", talk.deck.id).then()
                .statusCode(401).header("WWW-Authenticate", org.hamcrest.Matchers.equalToIgnoringCase("Basic realm=\"Afstemning\""));
        TestLogins.as(TestLogins.ADMIN, "wrong-password").get("/api/decks").then().statusCode(401);
        String presenter = TestLogins.presenter(accounts, talk);
        TestLogins.csrf(TestLogins.as(presenter, "presenter-password")).header("X-Presenter-Key", talk.presenterKey)
                .multiPart("deck", "x.md", "# X".getBytes(), "text/markdown").post("/api/decks").then().statusCode(403);
        TestLogins.organiser().contentType(ContentType.JSON).body("{}")
                .post("/api/decks/{id}/talks", 987654).then().statusCode(404).body("type", endsWith("deck-not-found"));
        for (String badDate : List.of("{\"date\":20230314}", "{\"date\":\"14-03-2023\"}", "{\"date\":\"2023-02-30\"}")) {
            TestLogins.organiser().contentType(ContentType.JSON).body(badDate)
                    .post("/api/decks/{id}/talks", talk.deck.id).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void anUploadedDeckBecomesATalk() {
        String code = upload("min-tale.md", TestTalks.deck("Uploadet", ABC).getBytes(StandardCharsets.UTF_8))
                .statusCode(201).extract().path("code");
        given().get("/api/talks/{c}", code).then().body("title", equalTo("Uploadet"))
                .body("polls[0].options.text", equalTo(ABC));
    }

    @Test
    void aBrokenUploadNamesFileAndLineAndStoresNothing() {
        int decksBefore = TestLogins.organiser().get("/api/decks").then().extract()
                .path("size()");
        upload("broken.md", "# A\n\n```poll\nid: q\nquestion: Q?\noptions: [a, b]\ncolour: red\n```\n"
                .getBytes(StandardCharsets.UTF_8)).statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("invalid-deck"))
                .body("detail", equalTo("broken.md:7: unknown key 'colour' in poll block; allowed keys are correct, high, id, low, max, max-chars, max-entries, min, moderation, options, phone-results, profanity-filter, "
                        + "question, results, time-limit, type, vote-changes"));
        upload("latin1.md", new byte[] {'#', ' ', (byte) 0xE6, (byte) 0xF8}).statusCode(400)
                .body("detail", equalTo("latin1.md:1: deck is not valid UTF-8"));
        upload("empty.md", new byte[0]).statusCode(400).body("detail", equalTo("empty.md:1: deck has no slides"));
        upload("big.md", new byte[(int) DeckImporter.MAX_DECK_BYTES + 1]).statusCode(413)
                .body("type", endsWith("deck-too-large"));
        TestLogins.organiser().get("/api/decks").then().body("$", hasSize(decksBefore));
    }

    @Test
    void replacingATalksDeckKeepsVotesOfUnchangedPollsAndArchivesRemovedOnes() {
        Talk talk = TestTalks.create(importer);
        String code = talk.joinCode;
        TestTalks.open(talk, "q");
        vote(code, join(code), optionIds(code).get(1), "r-1").statusCode(200);

        String twoPolls = TestTalks.deck("Ny version", ABC) + "\n---\n\n```poll\nid: extra\nquestion: Og nu?\n"
                + "options: [Ja, Nej]\n```\n";
        TestLogins.csrf(given()).header("X-Presenter-Key", talk.presenterKey).multiPart("deck", "v2.md", twoPolls.getBytes(StandardCharsets.UTF_8),
                "text/markdown").put("/api/talks/{c}/deck", code).then().statusCode(200)
                .body("title", equalTo("Ny version")).body("polls.id", equalTo(List.of("q", "extra")));
        assertThat(counts(code)).containsExactly(0, 1, 0);

        String noPolls = "---\ntitle: Uden afstemninger\n---\n\n# Kun tekst\n";
        TestLogins.csrf(given()).header("X-Presenter-Key", talk.presenterKey).multiPart("deck", "v3.md", noPolls.getBytes(StandardCharsets.UTF_8),
                "text/markdown").put("/api/talks/{c}/deck", code).then().statusCode(200).body("polls", hasSize(0));
        given().get("/api/talks/{c}/polls/q/results", code).then().statusCode(404);

        TestLogins.csrf(given()).header("X-Presenter-Key", talk.presenterKey).multiPart("deck", "v4.md", twoPolls.getBytes(StandardCharsets.UTF_8),
                "text/markdown").put("/api/talks/{c}/deck", code).then().statusCode(200);
        assertThat(counts(code)).containsExactly(0, 1, 0);
        TestLogins.csrf(given()).header("X-Presenter-Key", "wrong").multiPart("deck", "v5.md", noPolls.getBytes(StandardCharsets.UTF_8),
                "text/markdown").put("/api/talks/{c}/deck", code).then().statusCode(403);
    }
}
