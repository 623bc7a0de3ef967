package dk.afstemning.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * The embed view {@code /embed/{code}/{pollId}}: one poll as the audience screen draws it, the join code and QR code,
 * the presenter key only for a viewer who has it, translated pages for an unknown talk or poll, and its own
 * {@code frame-ancestors} while every other page keeps {@code 'self'}. (In the browser: {@code BrowserEmbedTest}.)
 */
@QuarkusTest
class EmbedPageTest {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'self'";

    @Inject
    DeckImporter importer;

    @Test
    void theEmbedShowsOnePollWithItsOptionsJoinCodeAndQrCodeAndNoControl() {
        Talk talk = TestTalks.create(importer);
        Response page = given().get("/embed/{code}/q", talk.joinCode);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).contains("<h1 class=\"question\">Hvad mener du?</h1>", "Forskningsmæssig viden",
                "Praktiske erfaringer", "Ved ikke", "<strong class=\"join-code\">" + talk.joinCode + "</strong>",
                "class=\"qr\"", "data-poll-id=\"q\"", "data-slide=\"2\"", "data-home-slide=\"1\"",
                "data-control=\"self\"", "<script type=\"module\" src=\"/js/embed.js\"></script>", "lang=\"da\"");
        assertThat(html).doesNotContain("data-key=", talk.presenterKey, "data-open=", "<button", "control-bar",
                "<section class=\"slide\"");
        assertThat(html.split("class=\"poll\" data-poll-id=", -1)).hasSize(2);
    }

    @Test
    void theKeyGoesToTheScriptOnlyWhenItFitsAndTheHostMayDriveIt() {
        Talk talk = TestTalks.create(importer);
        String html = given().queryParam("key", talk.presenterKey).queryParam("control", "host")
                .queryParam("open", "arrival").get("/embed/{code}/q", talk.joinCode).then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("data-key=\"" + talk.presenterKey + "\"", "data-control=\"host\"",
                "data-open=\"arrival\"");
        // A wrong key is said at once rather than giving a view whose moves fail silently.
        String refused = given().queryParam("key", "not-the-key").header("Accept-Language", "en")
                .get("/embed/{code}/q", talk.joinCode).then().statusCode(403).extract().asString();
        assertThat(refused).contains("<h1>Kræver præsentationsnøglen</h1>").doesNotContain("data-key");
    }

    @Test
    void anUnknownPollOrTalkIsATranslatedPageInTheFrame() {
        Talk talk = TestTalks.create(importer);
        Response poll = given().get("/embed/{code}/nope", talk.joinCode);
        assertThat(poll.statusCode()).isEqualTo(404);
        assertThat(poll.asString()).contains("<h1>Ikke fundet</h1>",
                "Dette foredrag har ingen afstemning »nope«. Tjek afstemningens id i adressen.");
        assertThat(poll.getHeader("Content-Security-Policy")).isEqualTo(POLICY);
        Response english = given().queryParam("lang", "en").get("/embed/{code}/nope", talk.joinCode);
        assertThat(english.asString()).contains("This talk has no poll “nope”. Check the poll id in the embed address.");
        Response unknown = given().header("Accept-Language", "en").get("/embed/ZZZZZZ/q");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.asString()).contains("<h1>Not found</h1>",
                "There is no talk with this join code. Check the embed address.");
        assertThat(given().header("Accept-Language", "da").get("/embed/ZZZZZZ/q").asString())
                .contains("Der er intet foredrag med denne deltagerkode. Tjek adressen.");
    }

    @Test
    void theEmbedAndEveryOtherPageMayBeFramedByTheSiteItselfOnlyByDefault() {
        Talk talk = TestTalks.create(importer);
        assertThat(given().get("/embed/{code}/q", talk.joinCode).getHeaders().getValues("Content-Security-Policy"))
                .containsExactly(POLICY);
        for (String path : List.of("/", "/t/" + talk.joinCode, "/present/" + talk.joinCode)) {
            assertThat(given().get(path).getHeaders().getValues("Content-Security-Policy")).as(path)
                    .containsExactly(POLICY);
        }
    }

    @Test
    void frameAncestorsAreOriginsSeparatedByCommasOrSpaces() {
        assertThat(EmbedFraming.sources(List.of())).containsExactly("'self'");
        assertThat(EmbedFraming.sources(List.of("https://intranet.example.dk", " http://127.0.0.1:8000/")))
                .containsExactly("'self'", "https://intranet.example.dk", "http://127.0.0.1:8000");
        // The setting's earlier, CSP-shaped value still reads.
        assertThat(EmbedFraming.sources(List.of("'self' https://*.example.dk:*")))
                .containsExactly("'self'", "https://*.example.dk:*");
        for (String wrong : List.of("*", "'none'", "https://a.dk; script-src *", "intranet.example.dk",
                "javascript:alert(1)", "https://a.dk/path")) {
            assertThatThrownBy(() -> EmbedFraming.sources(List.of(wrong))).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an origin");
        }
    }
}
