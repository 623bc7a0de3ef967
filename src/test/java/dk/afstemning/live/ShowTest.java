package dk.afstemning.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
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

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/** The show's current slide: kept on the server, followed live by presenter windows and phones. */
@QuarkusTest
class ShowTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    private Talk threeSlides() {
        return importer.importDeck("show-" + UUID.randomUUID() + ".md", "---\ntitle: Show\n---\n\n# Et\n\n---\n\n# To\n\n"
                + "```poll\nid: q\nquestion: Hvad mener du?\noptions: [Ja, Nej]\n```\n\n---\n\n# Tre\n");
    }

    private void goTo(Talk talk, int slide, int status) {
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON)
                .body("{\"slide\":" + slide + "}").put("/api/talks/{c}/show", talk.joinCode).then().statusCode(status);
    }

    @Test
    void presenterWindowsAndPhonesFollowTheCurrentSlide() throws Exception {
        Talk talk = threeSlides();
        TalkFixture show = TalkFixture.of(talk, base);
        String code = talk.joinCode;
        given().get("/api/talks/{c}/show", code).then().body("slide", equalTo(1)).body("slides", equalTo(3))
                .body("pollId", nullValue());
        try (SocketClient laptop = show.presenter();
                SocketClient screen = show.presenter();
                SocketClient phone = show.phone()) {
            assertThat(laptop.next("slide").path("slide").asInt()).isEqualTo(1);
            assertThat(screen.next("slide").path("slide").asInt()).isEqualTo(1);
            JsonNode state = phone.next("state");
            assertThat(state.path("show").path("slide").asInt()).isEqualTo(1);
            assertThat(state.path("title").asText()).isEqualTo("Show");

            goTo(talk, 2, 200);
            for (SocketClient client : new SocketClient[] {laptop, screen, phone}) {
                JsonNode slide = client.next("slide");
                assertThat(slide.path("slide").asInt()).isEqualTo(2);
                assertThat(slide.path("pollId").asText()).isEqualTo("q");
            }
            goTo(talk, 3, 200);
            JsonNode third = phone.next("slide");
            assertThat(third.path("slide").asInt()).isEqualTo(3);
            assertThat(third.path("pollId").isNull()).isTrue();
        }
        // A late joiner and a reloaded presenter land on the current slide.
        try (SocketClient late = show.phone()) {
            assertThat(late.next("state").path("show").path("slide").asInt()).isEqualTo(3);
        }
        given().get("/api/talks/{c}/show", code).then().body("slide", equalTo(3));
    }

    @Test
    void movingTheShowNeedsTheKeyAndAnExistingSlide() {
        Talk talk = threeSlides();
        goTo(talk, 4, 400);
        goTo(talk, 0, 400);
        given().contentType(ContentType.JSON).body("{\"slide\":2}").put("/api/talks/{c}/show", talk.joinCode).then()
                .statusCode(403).body("type", endsWith("forbidden"));
        given().header("X-Presenter-Key", talk.presenterKey).contentType(ContentType.JSON).body("{}")
                .put("/api/talks/{c}/show", talk.joinCode).then().statusCode(400);
        given().get("/api/talks/{c}/show", talk.joinCode).then().body("slide", equalTo(1));
    }
}
