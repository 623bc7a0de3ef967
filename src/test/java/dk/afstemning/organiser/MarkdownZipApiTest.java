package dk.afstemning.organiser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.TestDeckZips;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * Issue 18, items 1–3 through the API: a Markdown deck uploaded as a zip with its images shows them from
 * {@code /deck-images/{sha256}} (stored in the database, like PDF pages); warnings come back from
 * {@code POST /api/decks} and {@code PUT /api/talks/{code}/deck}; a Slidev deck and a hostile zip are refused as
 * problems naming the file and entry.
 */
@QuarkusTest
class MarkdownZipApiTest {

    private static ValidatableResponse upload(String name, byte[] content) {
        return TestLogins.csrf(TestLogins.organiser()).multiPart("deck", name, content, "application/octet-stream")
                .post("/api/decks").then();
    }

    private static List<String> html(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Slide.listByTalk(Talk.findByJoinCode(code).orElseThrow())
                .stream().map(s -> s.html).toList());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void zipWithImagesShowsThemFromTheDatabase() {
        byte[] chart = TestDeckZips.png(0x123456);
        String hash = sha256(chart);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("foredrag/tale.md", utf8("---\ndate: 26 June 2023\n---\n# Kort\n\n![kort](img/kort.png)\n\n---\n\n"
                + "# B\n\n![](img/mangler.png)\n"));
        entries.put("foredrag/img/kort.png", chart);
        ValidatableResponse created = upload("foredrag.zip", TestDeckZips.zip(entries)).statusCode(201)
                .body("warnings", hasSize(2))
                .body("warnings[0].code", equalTo("date-ignored")).body("warnings[0].line", equalTo(2))
                .body("warnings[1].code", equalTo("image-missing")).body("warnings[1].line", equalTo(12))
                .body("warnings[1].detail", equalTo("tale.md:12: image 'img/mangler.png' was not uploaded with the "
                        + "deck; the slide shows a broken image, as in Marp: upload the deck as a .zip with its "
                        + "images, or add the image in the deck editor"));
        String code = created.extract().path("code");
        assertThat(html(code).get(0)).contains("<img src=\"/deck-images/" + hash + "\" alt=\"kort\"");
        assertThat(html(code).get(1)).contains("src=\"img/mangler.png\"");
        byte[] served = TestLogins.organiser().get("/deck-images/" + hash).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(served).isEqualTo(chart);

        // The same zip replaces another talk's deck; the answer is the talk with the warnings beside its fields.
        ValidatableResponse other = upload("anden.md", utf8("# Anden\n")).statusCode(201)
                .body("warnings", hasSize(0));
        String otherCode = other.extract().path("code");
        TestLogins.csrf(TestLogins.organiser()).header("X-Presenter-Key", other.extract().path("presenterKey")
                .toString()).multiPart("deck", "foredrag.zip", TestDeckZips.zip(entries), "application/zip")
                .put("/api/talks/{c}/deck", otherCode).then().statusCode(200)
                .body("code", equalTo(otherCode)).body("title", equalTo("Kort"))
                .body("warnings.code", equalTo(List.of("date-ignored", "image-missing")));
        assertThat(html(otherCode).get(0)).contains("/deck-images/" + hash);
    }

    @Test
    void deckEditorAddsAnImageThatTheDeckNamesAndShowsWarningsInBothLanguages() {
        String code = upload("tale.md", utf8("---\nsubtitle: Et forsøg\n---\n# Kort\n\n![kort](kort.png)\n"))
                .statusCode(201).body("warnings.code", equalTo(List.of("front-matter-ignored", "image-missing")))
                .extract().path("code");
        TestLogins.organiser().get("/organiser/talks/{c}/deck?lang=da", code).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Linje 2: nøglen &#39;subtitle&#39; i front matter (indstillingerne øverst i filen)"))
                .body(org.hamcrest.Matchers.containsString("Linje 6: billedet &#39;kort.png&#39; blev ikke uploadet"));
        TestLogins.organiser().get("/organiser/talks/{c}/deck?lang=en", code).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Line 6: the image &#39;kort.png&#39; was not uploaded"));

        byte[] kort = TestDeckZips.png(0xabcdef);
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .multiPart("image", "kort.png", kort, "image/png").post("/organiser/talks/{c}/deck/images", code)
                .then().statusCode(303);
        assertThat(html(code).get(0)).contains("<img src=\"/deck-images/" + sha256(kort) + "\" alt=\"kort\"");
        TestLogins.organiser().get("/organiser/talks/{c}/deck?lang=en", code).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<li><code>kort.png</code></li>"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("was not uploaded")));

        // An SVG is refused on the page, with the reason, and nothing is added.
        TestLogins.csrf(TestLogins.organiser()).multiPart("image", "logo.svg",
                utf8("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "image/svg+xml")
                .post("/organiser/talks/{c}/deck/images?lang=da", code).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("<p>Billedet blev ikke tilføjet:</p><ul class=\"deck-errors\">"
                        + "<li>&#39;logo.svg&#39; er ikke et PNG-, JPEG-, GIF- eller WebP-billede (SVG kan indeholde "
                        + "script og afvises)</li>"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("is not a PNG")));
    }

    @Test
    void anImageAddedInTheEditorTakesTheFolderPathTheDeckNamesItBy() {
        // Trial of issue 18: a Marp deck keeps its images in a folder (img/kort.png); the editor stored an added
        // kort.png at the top level, so the warning and the broken image stayed.
        String code = upload("tale.md", utf8("# Kort\n\n![kort](img/kort.png)\n\n![logo](assets/logo.png)\n"))
                .statusCode(201).body("warnings.code", equalTo(List.of("image-missing", "image-missing")))
                .extract().path("code");
        byte[] kort = TestDeckZips.png(0x123456);
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .multiPart("image", "kort.png", kort, "image/png").post("/organiser/talks/{c}/deck/images", code)
                .then().statusCode(303);
        assertThat(html(code).get(0)).contains("<img src=\"/deck-images/" + sha256(kort) + "\" alt=\"kort\"")
                .contains("src=\"assets/logo.png\"");
        TestLogins.organiser().get("/organiser/talks/{c}/deck?lang=en", code).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("<li><code>img/kort.png</code></li>"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("&#39;img/kort.png&#39; was not")))
                .body(org.hamcrest.Matchers.containsString("&#39;assets/logo.png&#39; was not uploaded"));
    }

    @Test
    void slidevDeckIsRefusedNamingTheFormat() {
        upload("slidev.md", utf8("---\ntheme: seriph\n---\n# Hej\n")).statusCode(415)
                .body("type", equalTo("urn:afstemning:problem:deck-format-slidev"))
                .body("detail", equalTo("slidev.md:2: this looks like a Slidev deck (theme: seriph); Afstemning "
                        + "reads Marp decks: export it from Slidev as PDF (slidev export) and upload the PDF, or "
                        + "rewrite it for Marp"));
        upload("q.qmd", utf8("---\nformat: revealjs\n---\n# Hej\n")).statusCode(415)
                .body("type", equalTo("urn:afstemning:problem:deck-format-quarto"));
    }

    @Test
    void hostileZipIsAProblemNamingFileAndEntry() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("deck.md", utf8("# A\n"));
        entries.put("../evil.png", TestDeckZips.png(1));
        upload("ond.zip", TestDeckZips.zip(entries)).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:afstemning:problem:deck-zip-refused"))
                .body("detail", equalTo("ond.zip: the entry '../evil.png' has an unsafe name (absolute, or climbing "
                        + "out with ..); a deck zip holds plain relative names only"));
    }
}
