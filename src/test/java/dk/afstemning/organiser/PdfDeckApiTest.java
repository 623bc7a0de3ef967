package dk.afstemning.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.TestPdfs;
import dk.afstemning.talk.DeckPage;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/** PDF decks through the deck API: uploaded, stored with their page images, served with caching, presented. */
@QuarkusTest
class PdfDeckApiTest {

    private static final Pattern IMAGE = Pattern.compile("src=\"(/deck-images/[0-9a-f]{64})\"");

    private static ValidatableResponse upload(String name, byte[] content) {
        return TestLogins.csrf(TestLogins.organiser()).header("Accept-Language", "da-DK,da;q=0.9,en;q=0.5")
                .multiPart("deck", name, content, "application/octet-stream").post("/api/decks").then();
    }

    private static List<Slide> slides(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Slide.listByTalk(Talk.findByJoinCode(code).orElseThrow()));
    }

    private static int decks() {
        return TestLogins.organiser().get("/api/decks").then().extract().path("size()");
    }

    @Test
    void aPdfBecomesATalkWithOneSlidePerPageWhateverItsName() {
        String code = upload("slides.bin", TestPdfs.deck(30)).statusCode(201).extract().path("code");

        given().get("/api/talks/{c}", code).then().statusCode(200)
                .body("title", equalTo("Ledelse i en frisat kommune")).body("language", equalTo("da"))
                .body("polls", hasSize(0));
        List<Slide> slides = slides(code);
        assertThat(slides).extracting(s -> s.title).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).mapToObj(TestPdfs::title).toList());
        assertThat(slides.get(0).html).startsWith("<img class=\"pdf-page\" src=\"/deck-images/")
                .endsWith("\" width=\"1920\" height=\"1080\" alt=\"Ledelse i en frisat kommune Perspektiver og "
                        + "erfaringer – forskningsmæssig viden\">");
        List<DeckPage> pages = QuarkusTransaction.requiringNew().call(() -> DeckPage.listByDeck(
                Talk.findByJoinCode(code).orElseThrow().deck));
        assertThat(pages).extracting(p -> p.text).containsExactlyElementsOf(IntStream.rangeClosed(1, 30)
                .mapToObj(n -> TestPdfs.title(n) + "\n" + TestPdfs.body(n)).toList());
        TestLogins.organiser().get("/api/decks").then().body("find { it.name == 'slides.bin' }.format",
                equalTo("pdf"));
    }

    @Test
    void pageImagesAndThumbnailsAreServedWithImmutableCaching() throws IOException {
        String code = upload("billeder.pdf", TestPdfs.deck(2)).statusCode(201).extract().path("code");
        Matcher image = IMAGE.matcher(slides(code).get(1).html);
        assertThat(image.find()).isTrue();
        byte[] png = given().get(image.group(1)).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("ETag", "\"" + image.group(1).substring("/deck-images/".length()) + "\"")
                .extract().asByteArray();
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(full.getWidth()).isEqualTo(1920);
        assertThat(full.getHeight()).isEqualTo(1080);

        String thumbHash = QuarkusTransaction.requiringNew().call(() -> DeckPage.listByDeck(
                Talk.findByJoinCode(code).orElseThrow().deck).get(1).thumbHash);
        byte[] thumb = given().get("/deck-images/" + thumbHash).then().statusCode(200).contentType("image/png")
                .header("Cache-Control", "public, max-age=31536000, immutable").extract().asByteArray();
        assertThat(ImageIO.read(new ByteArrayInputStream(thumb)).getWidth()).isEqualTo(320);

        given().header("If-None-Match", "\"" + thumbHash + "\"").get("/deck-images/" + thumbHash).then()
                .statusCode(304);
        given().get("/deck-images/" + "0".repeat(64)).then().statusCode(404);
        given().get("/deck-images/not-a-hash").then().statusCode(404);
    }

    @Test
    void aPdfDeckIsPresentedLikeAMarkdownDeckAndGivenAgainWithoutRendering() {
        ValidatableResponse created = upload("foredrag.pdf", TestPdfs.deck(5)).statusCode(201);
        String code = created.extract().path("code");
        String key = created.extract().path("presenterKey");
        int deckId = created.extract().path("deckId");

        given().contentType("application/json").header("X-Presenter-Key", key).body("{\"slide\":4}")
                .put("/api/talks/{c}/show", code).then().statusCode(200).body("slide", equalTo(4));
        given().get("/api/talks/{c}/show", code).then().statusCode(200).body("slide", equalTo(4))
                .body("slides", equalTo(5)).body("title", equalTo("Slide 4"));

        String again = TestLogins.organiser().contentType("application/json").body("{}")
                .post("/api/decks/{id}/talks", deckId).then().statusCode(201).extract().path("code");
        assertThat(slides(again)).extracting(s -> s.html).containsExactlyElementsOf(
                slides(code).stream().map(s -> s.html).toList());
    }

    @Test
    void aBrokenEncryptedOrEmptyPdfIsAProblemAndNothingIsStored() {
        int before = decks();
        upload("broken.pdf", TestPdfs.broken()).statusCode(400).contentType("application/problem+json")
                .body("type", endsWith(":pdf-unreadable"));
        upload("secret.pdf", TestPdfs.encrypted("user-secret")).statusCode(400)
                .body("type", endsWith(":pdf-encrypted"));
        upload("empty.pdf", TestPdfs.empty()).statusCode(400).body("type", endsWith(":pdf-empty"))
                .body("detail", equalTo("empty.pdf has no pages"));
        assertThat(decks()).isEqualTo(before);
    }

    @Test
    void aPresenterReplacesATalksDeckWithAPdf() {
        ValidatableResponse created = upload("first.pdf", TestPdfs.deck(2)).statusCode(201);
        String code = created.extract().path("code");
        String key = created.extract().path("presenterKey");
        TestLogins.csrf(given()).header("X-Presenter-Key", "wrong")
                .multiPart("deck", "v2.pdf", TestPdfs.deck(3), "application/pdf").put("/api/talks/{c}/deck", code)
                .then().statusCode(403);
        TestLogins.csrf(given()).header("X-Presenter-Key", key)
                .multiPart("deck", "v2.pdf", TestPdfs.deck(3), "application/pdf").put("/api/talks/{c}/deck", code)
                .then().statusCode(200).body("title", equalTo("Ledelse i en frisat kommune"));
        assertThat(slides(code)).hasSize(3);
    }

    @Test
    void aLargeBodyIsRefusedOutsideTheDeckUploads() {
        given().contentType("application/json").body(new byte[1024 * 1024 + 1]).post("/api/talks/ABCDEF/participants")
                .then().statusCode(413).body("type", endsWith(":body-too-large"));
    }
}
