package dk.afstemning.qa;

import static dk.afstemning.TestTalks.join;
import static dk.afstemning.qa.QaTalks.ask;
import static dk.afstemning.qa.QaTalks.asked;
import static dk.afstemning.qa.QaTalks.moderate;
import static dk.afstemning.qa.QaTalks.presenterList;
import static dk.afstemning.qa.QaTalks.publicList;
import static dk.afstemning.qa.QaTalks.upvote;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/** Q&A over REST: asking, upvoting once, the presenter's order and actions, pre-moderation, limits and F7 text. */
@QuarkusTest
class QaApiTest {

    static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // one character, 8 UTF-16 units

    @Inject
    DeckImporter importer;

    @Test
    void askingStoresTheQuestionAsTypedWithNicknameOrAnonymously() {
        Talk talk = QaTalks.create(importer, "on");
        String p1 = join(talk.joinCode);
        ask(talk.joinCode, p1, "  Hvordan måler I tillid?  ", "Mette", "q-1").statusCode(200)
                .contentType(ContentType.JSON).body("type", equalTo("asked")).body("requestId", equalTo("q-1"))
                .body("question.text", equalTo("Hvordan måler I tillid?")).body("question.nickname", equalTo("Mette"))
                .body("question.upvotes", equalTo(0)).body("question.approved", equalTo(true));
        ask(talk.joinCode, p1, "Og hvem bestemmer?", "   ", null).statusCode(200)
                .body("question.nickname", nullValue());
        publicList(talk.joinCode).body("questions.text", equalTo(List.of("Hvordan måler I tillid?", "Og hvem bestemmer?")))
                .body("questions.nickname", equalTo(java.util.Arrays.asList("Mette", null)))
                .body("enabled", equalTo(true)).body("moderated", equalTo(false));
    }

    @Test
    void eachParticipantUpvotesAnothersQuestionOnceAndNeverTheirOwn() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String p1 = join(code);
        String p2 = join(code);
        long q = asked(code, p1, "Spørgsmål");
        upvote(code, p2, q, "u-1").statusCode(200).body("type", equalTo("upvoted")).body("upvotes", equalTo(1));
        upvote(code, p2, q, "u-2").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:already-upvoted"));
        upvote(code, p1, q, "u-3").statusCode(409).body("type", equalTo("urn:afstemning:problem:own-question"))
                .body("detail", equalTo("You cannot upvote your own question"));
        publicList(code).body("questions[0].upvotes", equalTo(1));
        assertThat(QuestionUpvote.count("questionId", q)).isEqualTo(1);
    }

    @Test
    void aResentAskOrUpvoteCountsOnceAndGetsTheSameAnswer() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String p1 = join(code);
        String p2 = join(code);
        int first = ask(code, p1, "Én gang", null, "r-42").statusCode(200).extract().path("question.id");
        for (int i = 0; i < 3; i++) {
            ask(code, p1, "Én gang", null, "r-42").statusCode(200).body("question.id", equalTo(first))
                    .body("question.text", equalTo("Én gang"));
        }
        for (int i = 0; i < 3; i++) {
            upvote(code, p2, first, "v-42").statusCode(200).body("questionId", equalTo(first)).body("upvotes", equalTo(1));
        }
        long other = asked(code, p1, "Et andet");
        upvote(code, p2, other, "v-42").statusCode(409).body("type", equalTo("urn:afstemning:problem:request-id-reused"));
        publicList(code).body("questions.text", equalTo(List.of("Én gang", "Et andet")))
                .body("questions.upvotes", equalTo(List.of(1, 0)));
    }

    @Test
    void presenterSeesQuestionsByUpvotesThenTimeAndCanAnswerAndHide() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String p1 = join(code);
        String p2 = join(code);
        String p3 = join(code);
        long first = asked(code, p1, "Første");
        long second = asked(code, p1, "Anden");
        long third = asked(code, p2, "Tredje");
        upvote(code, p2, second, null).statusCode(200);
        upvote(code, p3, second, null).statusCode(200);
        upvote(code, p3, third, null).statusCode(200);
        presenterList(talk).body("questions.text", equalTo(List.of("Anden", "Tredje", "Første")))
                .body("questions.upvotes", equalTo(List.of(2, 1, 0)));

        moderate(talk, second, "{\"answered\":true}").statusCode(200).body("answered", equalTo(true))
                .body("hidden", equalTo(false));
        moderate(talk, third, "{\"hidden\":true}").statusCode(200).body("hidden", equalTo(true));
        presenterList(talk).body("questions.text", equalTo(List.of("Anden", "Tredje", "Første")))
                .body("questions.answered", equalTo(List.of(true, false, false)))
                .body("questions.hidden", equalTo(List.of(false, true, false)));
        publicList(code).body("questions.text", equalTo(List.of("Anden", "Første")));
        // A hidden question cannot be upvoted by others.
        upvote(code, p1, third, null).statusCode(404).body("type", equalTo("urn:afstemning:problem:question-not-found"));
        moderate(talk, first, "{\"hidden\":true}").statusCode(200);
        moderate(talk, first, "{\"hidden\":false}").statusCode(200);
        publicList(code).body("questions.text", equalTo(List.of("Anden", "Første")));
    }

    @Test
    void presenterActionsNeedThePresenterKeyOfThatTalk() {
        Talk talk = QaTalks.create(importer, "on");
        Talk other = QaTalks.create(importer, "on");
        long q = asked(talk.joinCode, join(talk.joinCode), "Hej");
        given().header("X-Presenter-Key", other.presenterKey).contentType(ContentType.JSON).body("{\"hidden\":true}")
                .when().patch("/api/talks/{code}/questions/{id}", talk.joinCode, q).then().statusCode(403)
                .body("type", equalTo("urn:afstemning:problem:forbidden"));
        given().contentType(ContentType.JSON).body("{\"moderated\":true}").when()
                .put("/api/talks/{code}/qa", talk.joinCode).then().statusCode(403);
        given().header("X-Presenter-Key", "wrong").when().get("/api/talks/{code}/questions", talk.joinCode).then()
                .statusCode(403);
        // The question of one talk is unknown in another.
        moderate(other, q, "{\"hidden\":true}").statusCode(404);
        publicList(talk.joinCode).body("questions.hidden", equalTo(List.of(false)));
    }

    @Test
    void withPreModerationNewQuestionsShowOnlyToPresenterAndAuthorUntilApproved() {
        Talk talk = QaTalks.create(importer, "moderated");
        String code = talk.joinCode;
        String author = join(code);
        String other = join(code);
        long q = ask(code, author, "Venter på godkendelse", "Ole", null).statusCode(200)
                .body("question.approved", equalTo(false)).extract().<Number>path("question.id").longValue();
        publicList(code).body("moderated", equalTo(true)).body("questions", equalTo(List.of()));
        presenterList(talk).body("questions.text", equalTo(List.of("Venter på godkendelse")))
                .body("questions.approved", equalTo(List.of(false)));
        given().cookie("afstemning_pid", author).when().get("/api/talks/{code}/questions/mine", code).then()
                .statusCode(200).body("questions.text", equalTo(List.of("Venter på godkendelse")))
                .body("questions.approved", equalTo(List.of(false)));
        given().cookie("afstemning_pid", other).when().get("/api/talks/{code}/questions/mine", code).then()
                .statusCode(200).body("questions", equalTo(List.of()));
        upvote(code, other, q, null).statusCode(404);

        moderate(talk, q, "{\"approved\":true}").statusCode(200).body("approved", equalTo(true));
        publicList(code).body("questions.text", equalTo(List.of("Venter på godkendelse")));
        upvote(code, other, q, null).statusCode(200).body("upvotes", equalTo(1));
        given().cookie("afstemning_pid", other).when().get("/api/talks/{code}/questions/mine", code).then()
                .body("upvoted", equalTo(List.of((int) q)));
    }

    @Test
    void anOrganiserLoginListsEveryQuestion() {
        Talk talk = QaTalks.create(importer, "moderated");
        long q = asked(talk.joinCode, join(talk.joinCode), "Til arrangøren");
        moderate(talk, q, "{\"hidden\":true}").statusCode(200);
        dk.afstemning.TestLogins.organiser().when().get("/api/talks/{code}/questions", talk.joinCode)
                .then().statusCode(200).body("questions.text", equalTo(List.of("Til arrangøren")))
                .body("questions.approved", equalTo(List.of(false))).body("questions.hidden", equalTo(List.of(true)));
        dk.afstemning.TestLogins.as(dk.afstemning.TestLogins.ADMIN, "wrong-password").when()
                .get("/api/talks/{code}/questions", talk.joinCode).then().statusCode(401);
        publicList(talk.joinCode).body("questions", equalTo(List.of()));
    }

    @Test
    void presenterSwitchesModerationAndQaOnAndOff() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String p1 = join(code);
        given().when().get("/api/talks/{code}/qa", code).then().statusCode(200)
                .body("enabled", equalTo(true)).body("moderated", equalTo(false));
        settings(talk, "{\"moderated\":true}").body("enabled", equalTo(true)).body("moderated", equalTo(true));
        ask(code, p1, "Holdes tilbage", null, null).statusCode(200).body("question.approved", equalTo(false));
        publicList(code).body("questions", equalTo(List.of()));
        // Switching moderation off lets every waiting question through.
        settings(talk, "{\"moderated\":false}").body("moderated", equalTo(false));
        publicList(code).body("questions.text", equalTo(List.of("Holdes tilbage")));
        settings(talk, "{\"enabled\":false}").body("enabled", equalTo(false));
        ask(code, p1, "For sent", null, null).statusCode(409).body("type", equalTo("urn:afstemning:problem:qa-closed"));
        publicList(code).body("questions.text", equalTo(List.of("Holdes tilbage")));
    }

    @Test
    void deckFrontMatterSetsQaAndADeckWithoutItTakesNoQuestions() {
        Talk off = QaTalks.create(importer, "off");
        ask(off.joinCode, join(off.joinCode), "Nogen der?", null, null).statusCode(409);
        Talk moderated = QaTalks.create(importer, "moderated");
        given().when().get("/api/talks/{code}/qa", moderated.joinCode).then()
                .body("enabled", equalTo(true)).body("moderated", equalTo(true));
    }

    @Test
    void lengthsAreCountedInUserVisibleCharacters() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String p1 = join(code);
        String longest = FAMILY.repeat(QaService.MAX_QUESTION);
        assertThat(longest).hasSize(8 * 280);
        ask(code, p1, longest, null, null).statusCode(200).body("question.text", equalTo(longest));
        ask(code, p1, "x".repeat(280), FAMILY.repeat(40), null).statusCode(200);
        ask(code, p1, "x".repeat(281), null, null).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:question-too-long"))
                .body("detail", equalTo("A question can be at most 280 characters; this one has 281"));
        ask(code, p1, "Hej", "n".repeat(41), null).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:nickname-too-long"));
        ask(code, p1, "   ", null, null).statusCode(400).body("type", equalTo("urn:afstemning:problem:empty-question"));
        publicList(code).body("questions.size()", equalTo(2));
    }

    @Test
    void profanityIsRefusedUnlessTheDeckSwitchesTheFilterOff() {
        Talk talk = QaTalks.create(importer, "on");
        String p1 = join(talk.joinCode);
        ask(talk.joinCode, p1, "Hvorfor er det hele noget LORT?", null, null).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:profanity"));
        ask(talk.joinCode, p1, "Hej", "Fuck", null).statusCode(422);
        ask(talk.joinCode, p1, "Lortevejr i dag, ikke?", null, null).statusCode(200);
        publicList(talk.joinCode).body("questions.text", equalTo(List.of("Lortevejr i dag, ikke?")));

        String deck = dk.afstemning.TestTalks.deck("Uden filter", List.of("A", "B"))
                .replace("lang: da\n", "lang: da\nqa: on\nprofanity-filter: false\n");
        Talk unfiltered = importer.importDeck("qa-unfiltered-" + java.util.UUID.randomUUID() + ".md", deck);
        ask(unfiltered.joinCode, join(unfiltered.joinCode), "Hvorfor er det hele noget LORT?", null, null)
                .statusCode(200);
    }

    @Test
    void hostileTextIsStoredAndListedExactlyAsTyped() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        for (String text : QaTalks.F7) {
            ask(code, join(code), text, text, null).statusCode(200).body("question.text", equalTo(text))
                    .body("question.nickname", equalTo(text));
        }
        publicList(code).body("questions.text", equalTo(List.of(QaTalks.F7)))
                .body("questions.nickname", equalTo(List.of(QaTalks.F7)));
    }

    @Test
    void aParticipantAsksAtMostFiveQuestionsAMinute() {
        Talk talk = QaTalks.create(importer, "on");
        String p1 = join(talk.joinCode);
        for (int i = 1; i <= 5; i++) {
            ask(talk.joinCode, p1, "Spørgsmål " + i, null, null).statusCode(200);
        }
        ask(talk.joinCode, p1, "Spørgsmål 6", null, null).statusCode(429)
                .body("type", equalTo("urn:afstemning:problem:rate-limited"));
        ask(talk.joinCode, join(talk.joinCode), "Fra en anden", null, null).statusCode(200);
        publicList(talk.joinCode).body("questions.size()", equalTo(6));
    }

    @Test
    void refusedQuestionsDoNotCountTowardTheFiveAMinute() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        String p1 = join(code);
        ask(code, p1, "Hvorfor er det hele noget LORT?", null, null).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:profanity"));
        ask(code, p1, "x".repeat(281), null, null).statusCode(422)
                .body("type", equalTo("urn:afstemning:problem:question-too-long"));
        ask(code, p1, "   ", null, null).statusCode(400).body("type", equalTo("urn:afstemning:problem:empty-question"));
        for (int i = 1; i <= 5; i++) {
            ask(code, p1, "Spørgsmål " + i, null, null).statusCode(200);
        }
        ask(code, p1, "Spørgsmål 6", null, null).statusCode(429)
                .body("type", equalTo("urn:afstemning:problem:rate-limited"));
        publicList(code).body("questions.size()", equalTo(5));
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        Talk talk = QaTalks.create(importer, "on");
        String code = talk.joinCode;
        ask(code, "not-a-token", "Hej", null, null).statusCode(403).body("type", equalTo("urn:afstemning:problem:not-joined"));
        ask(code, join(code), "Hej", null, "bad id with spaces").statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:invalid-request-id"));
        given().cookie("afstemning_pid", join(code)).contentType(ContentType.JSON).body("{\"text\":5}").when()
                .post("/api/talks/{code}/questions", code).then().statusCode(400);
        upvote(code, join(code), 999999999L, null).statusCode(404);
        ask("ZZZZZZ", join(code), "Hej", null, null).statusCode(404);
        publicList(code).body("questions", equalTo(List.of()));
    }

    private static io.restassured.response.ValidatableResponse settings(Talk talk, String json) {
        return given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body(json).when()
                .put("/api/talks/{code}/qa", talk.joinCode).then().statusCode(200);
    }
}
