package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * What the audience screen shows beside the slide, kept on the server: the join screen (where every talk begins), the
 * Q&A wall, results hidden and shown again for any poll, an earlier round beside the current one, and the count of
 * joined participants for the join screen.
 */
@QuarkusTest
class ScreenStateTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    private Talk talk() {
        return importer.importDeck("screen-" + UUID.randomUUID() + ".md", "---\ntitle: Screen\n---\n\n# Et\n\n---\n\n"
                + "```poll\nid: q\nquestion: Hvad mener du?\noptions: [Ja, Nej]\n```\n\n---\n\n# Tre\n");
    }

    private static ValidatableResponse overlay(Talk talk, String key, String overlay) {
        return given().header("X-Presenter-Key", key).contentType(ContentType.JSON)
                .body("{\"overlay\":\"" + overlay + "\"}").put("/api/talks/{c}/show/overlay", talk.joinCode).then();
    }

    private static ValidatableResponse control(Talk talk, String action) {
        return given().header("X-Presenter-Key", talk.presenterKey).post("/api/talks/{c}/polls/q/" + action,
                talk.joinCode).then();
    }

    @Test
    void everyTalkBeginsOnTheJoinScreenAndMovingToASlideTakesItAway() throws Exception {
        Talk talk = talk();
        given().get("/api/talks/{c}/show", talk.joinCode).then().body("overlay", equalTo("join"))
                .body("slide", equalTo(1));
        try (SocketClient screen = TalkFixture.of(talk, base).screen()) {
            JsonNode first = screen.next("slide");
            assertThat(first.path("overlay").asText()).isEqualTo("join");
            long version = first.path("version").asLong();

            given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body("{\"slide\":1}")
                    .put("/api/talks/{c}/show", talk.joinCode).then().statusCode(200)
                    .body("overlay", nullValue()).body("slide", equalTo(1)).body("version", equalTo((int) version + 1));
            JsonNode moved = screen.next("slide");
            assertThat(moved.path("overlay").isNull()).isTrue();
            assertThat(moved.path("version").asLong()).isEqualTo(version + 1);

            overlay(talk, talk.presenterKey, "qa").statusCode(200).body("overlay", equalTo("qa"));
            assertThat(screen.next("slide").path("overlay").asText()).isEqualTo("qa");
            overlay(talk, talk.presenterKey, "join").statusCode(200).body("overlay", equalTo("join"));
            overlay(talk, talk.presenterKey, "none").statusCode(200).body("overlay", nullValue())
                    .body("version", equalTo((int) version + 4));
        }
    }

    @Test
    void anOverlayNeedsTheKeyAndAKnownName() {
        Talk talk = talk();
        overlay(talk, "wrong", "qa").statusCode(403);
        overlay(talk, talk.presenterKey, "confetti").statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:afstemning:problem:invalid-overlay"))
                .body("detail", equalTo("overlay must be join, qa or none, not 'confetti'"));
        given().get("/api/talks/{c}/show", talk.joinCode).then().body("overlay", equalTo("join"));
    }

    @Test
    void hidingTheResultsOfALivePollTakesTheCountsOffEveryScreenUntilShownAgain() throws Exception {
        Talk talk = talk();
        TalkFixture fixture = TalkFixture.of(talk, base);
        fixture.open("q");
        String token = fixture.join();
        TestTalks.vote(talk.joinCode, token, fixture.options().get(0), null).statusCode(200);
        try (SocketClient screen = fixture.screen()) {
            screen.next(n -> "results".equals(n.path("type").asText()) && n.path("total").asInt() == 1);
            control(talk, "hide").statusCode(200);
            JsonNode hidden = screen.next(n -> "results".equals(n.path("type").asText())
                    && !n.path("resultsVisible").asBoolean());
            assertThat(hidden.path("counts").get(0).path("count").isNull()).isTrue();
            assertThat(hidden.path("total").asInt()).isEqualTo(1);
            given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().body("resultsVisible", equalTo(false))
                    .body("counts[0].count", nullValue());

            control(talk, "reveal").statusCode(200);
            JsonNode shown = screen.next(n -> "results".equals(n.path("type").asText())
                    && n.path("resultsVisible").asBoolean());
            assertThat(shown.path("counts").get(0).path("count").asInt()).isEqualTo(1);
            assertThat(shown.path("counts").get(0).path("percent").asInt()).isEqualTo(100);
        }
    }

    @Test
    void anEarlierRoundIsShownBesideTheCurrentOneUntilTheComparisonStops() throws Exception {
        Talk talk = talk();
        TalkFixture fixture = TalkFixture.of(talk, base);
        control(talk, "compare?round=1").statusCode(400).body("type", equalTo("urn:afstemning:problem:invalid-round"))
                .body("detail", equalTo("Poll 'q' has no earlier round to compare with"));
        fixture.open("q");
        int yes = fixture.options().get(0);
        int no = fixture.options().get(1);
        TestTalks.vote(talk.joinCode, fixture.join(), yes, null).statusCode(200);
        TestTalks.vote(talk.joinCode, fixture.join(), yes, null).statusCode(200);
        TestTalks.vote(talk.joinCode, fixture.join(), no, null).statusCode(200);
        control(talk, "reset").statusCode(200);
        TestTalks.vote(talk.joinCode, fixture.join(), no, null).statusCode(200);
        control(talk, "compare?round=2").statusCode(400)
                .body("detail", equalTo("Poll 'q' has earlier rounds 1 to 1, not 2"));
        control(talk, "compare?round=x").statusCode(400).body("type", equalTo("urn:afstemning:problem:invalid-round"));
        try (SocketClient screen = fixture.screen()) {
            screen.next(n -> "results".equals(n.path("type").asText()) && n.path("total").asInt() == 1);
            control(talk, "compare?round=1").statusCode(200);
            JsonNode both = screen.next(n -> "results".equals(n.path("type").asText())
                    && !n.path("compare").isNull() && !n.path("compare").isMissingNode());
            assertThat(both.path("round").asInt()).isEqualTo(2);
            assertThat(both.path("total").asInt()).isEqualTo(1);
            JsonNode before = both.path("compare");
            assertThat(before.path("round").asInt()).isEqualTo(1);
            assertThat(before.path("total").asInt()).isEqualTo(3);
            assertThat(before.path("counts").get(0).path("count").asInt()).isEqualTo(2);
            assertThat(before.path("counts").get(0).path("percent").asInt()).isEqualTo(67);
            assertThat(before.path("counts").get(1).path("count").asInt()).isEqualTo(1);
            assertThat(before.path("compare").isNull()).isTrue();

            control(talk, "compare?round=0").statusCode(200);
            screen.next(n -> "results".equals(n.path("type").asText()) && n.path("compare").isNull());
        }
    }

    @Test
    void screensCountJoinedAndConnectedParticipants() throws Exception {
        Talk talk = talk();
        TalkFixture fixture = TalkFixture.of(talk, base);
        try (SocketClient screen = fixture.screen()) {
            JsonNode none = screen.next("presence");
            assertThat(none.path("joined").asInt()).isEqualTo(0);
            assertThat(none.path("participants").isNull()).isTrue();
            String first = fixture.join();
            fixture.join();
            // Joining counts before the phone's socket connects.
            JsonNode joined = screen.next(n -> "presence".equals(n.path("type").asText())
                    && n.path("joined").asInt() == 2);
            assertThat(joined.path("participants").isNull()).isTrue();
            try (SocketClient presenter = fixture.presenter(); SocketClient phone = fixture.phone(first)) {
                phone.next("state");
                JsonNode two = screen.next(n -> "presence".equals(n.path("type").asText())
                        && n.path("joined").asInt() == 2);
                assertThat(two.path("participants").isNull()).isTrue();
                JsonNode keyed = presenter.next(n -> "presence".equals(n.path("type").asText())
                        && n.path("participants").asInt() == 1);
                assertThat(keyed.path("joined").asInt()).isEqualTo(2);
            }
        }
    }
}
