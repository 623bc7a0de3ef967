package dk.afstemning.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import io.restassured.http.ContentType;

import dk.afstemning.TestLogins;
import dk.afstemning.TestTalks;
import dk.afstemning.account.Account;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.participant.Participant;
import dk.afstemning.poll.Poll;
import dk.afstemning.qa.Question;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.Talk;
import dk.afstemning.text.ControlChars;
import dk.afstemning.vote.Vote;

/**
 * U+0000 and the other control characters but tab and line breaks are refused at input, as one kind of fault: 400
 * {@code invalid-text}, and nothing stored. PostgreSQL cannot store U+0000 at all (a 500 before); H2 could.
 */
@QuarkusTest
class InvalidTextTest {

    @jakarta.inject.Inject
    dk.afstemning.participant.ParticipantTokens tokens;

    private static final String INVALID_TEXT = "urn:afstemning:problem:invalid-text";

    @Inject
    DeckImporter importer;

    private Talk talk(String front, String poll) {
        String deck = "---\ntitle: Styretegn\nlang: da\n" + front + "---\n\n# Intro\n\n---\n\n```poll\n" + poll + "```\n";
        return importer.importDeck("nul-" + UUID.randomUUID() + ".md", deck);
    }

    @Test
    void tabAndLineBreaksAreTextOtherControlCharactersAreNot() {
        assertThat(ControlChars.isClean("Linje 1\r\nLinje 2\tog en tab")).isTrue();
        assertThat(ControlChars.first("ab\u0000c")).isEqualTo(2);
        assertThat(ControlChars.first("\u0007")).isZero();
        assertThat(ControlChars.first("x\u001F")).isEqualTo(1);
        assertThat(ControlChars.name("a\u001Fb", 1)).isEqualTo("U+001F");
        assertThat(ControlChars.isClean("æøå 👍 \u007F")).isTrue();
    }

    @Test
    void aQuestionWithANulIsRefusedAndNotStored() {
        Talk talk = talk("qa: on\n", "id: q\nquestion: Hvad?\noptions:\n  - A\n  - B\n");
        String code = talk.joinCode;
        given().cookie("afstemning_pid", TestTalks.join(code)).contentType(ContentType.JSON)
                .body(Map.of("text", "Hvorfor\u0000?")).post("/api/talks/{code}/questions", code).then()
                .statusCode(400).body("type", equalTo(INVALID_TEXT))
                .body("detail", equalTo("Field 'text' holds the control character U+0000; text may hold tab and line"
                        + " breaks, no other control character"));
        given().cookie("afstemning_pid", TestTalks.join(code)).contentType(ContentType.JSON)
                .body(Map.of("text", "Hvorfor?", "nickname", "Bo\u0007")).post("/api/talks/{code}/questions", code)
                .then().statusCode(400).body("type", equalTo(INVALID_TEXT));
        long questions = QuarkusTransaction.requiringNew().call(() -> Question.count("talk.id", talk.id));
        assertThat(questions).isZero();
    }

    @Test
    void aNicknameWithANulIsRefusedAndNotStored() {
        Talk talk = talk("", "id: q\nquestion: Hvad?\noptions:\n  - A\n  - B\n");
        String code = talk.joinCode;
        String token = TestTalks.join(code);
        given().cookie("afstemning_pid", token).contentType(ContentType.JSON).body(Map.of("nickname", "Ann\u0000"))
                .put("/api/talks/{code}/nickname", code).then().statusCode(400).body("type", equalTo(INVALID_TEXT));
        String stored = QuarkusTransaction.requiringNew().call(
                () -> Participant.findByTalkAndHash(talk, tokens.hash(talk.id, token)).orElseThrow().nickname);
        assertThat(stored).isNull();
    }

    @Test
    void anOpenAnswerWithANulIsRefusedAndNotStored() {
        Talk talk = talk("", "id: ord\ntype: open\nquestion: Hvad tager du med?\n");
        String code = talk.joinCode;
        TestTalks.open(talk, "ord");
        given().cookie("afstemning_pid", TestTalks.join(code)).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of("Tillid", "Le\u0000delse"))).post("/api/talks/{code}/polls/ord/votes", code)
                .then().statusCode(400).body("type", equalTo(INVALID_TEXT))
                .body("detail", equalTo("Field 'texts.[1]' holds the control character U+0000; text may hold tab and"
                        + " line breaks, no other control character"));
        long votes = QuarkusTransaction.requiringNew().call(() -> Vote.count("poll.id",
                Poll.findByTalkAndKey(Talk.findById(talk.id), "ord").orElseThrow().id));
        assertThat(votes).isZero();
    }

    @Test
    void aDeckWhoseTitleHoldsANulIsRefusedAndNotStored() {
        String name = "nul-title-" + UUID.randomUUID() + ".md";
        byte[] deck = TestTalks.deck("Titel\u0000med nul", List.of("A", "B")).getBytes(StandardCharsets.UTF_8);
        TestLogins.csrf(TestLogins.organiser()).multiPart("deck", name, deck, "text/markdown").post("/api/decks").then()
                .statusCode(400).body("type", equalTo(INVALID_TEXT))
                .body("detail", equalTo(name + ":2: the deck holds the control character U+0000; text may hold tab"
                        + " and line breaks, no other control character"));
        long decks = QuarkusTransaction.requiringNew().call(() -> DeckEntity.count("name", name));
        assertThat(decks).isZero();
    }

    @Test
    void aFormFieldWithANulIsRefusedAndNothingStored() {
        String name = "nul-" + UUID.randomUUID().toString().substring(0, 8);
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .formParam("username", name).formParam("password", "a-long-pass\u0000word")
                .formParam("role", "presenter").cookie("lang", "en").post("/organiser/accounts").then().statusCode(400)
                // A form answers with its page and the refusal in the page's language (issue 19 item 2).
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).body(org.hamcrest.Matchers.containsString(
                        "The change was refused: a field holds characters that are not allowed."));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).isPresent())).isFalse();
    }

    @Test
    void aJoinCodeOrUserNameWithANulIsUnknownNotAServerError() {
        given().get("/api/talks/{code}", "AB\u0000CD").then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Account.findByUsername("admin\u0000").isPresent()))
                .isFalse();
    }
}
