package dk.afstemning.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dk.afstemning.TestLogins;
import dk.afstemning.deck.PptxConverter;
import dk.afstemning.deck.TestPdfs;
import dk.afstemning.deck.TestPptx;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.DeckImage;
import dk.afstemning.talk.DeckPage;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * PowerPoint decks through the deck API: a {@code .pptx} converted by LibreOffice (when installed; CI installs it),
 * a {@code .pptx} with its PDF, the presenter's replacement, and every refusal with its problem type, its Danish text
 * on the dashboard, and nothing stored.
 */
@QuarkusTest
class PptxDeckApiTest {

    @Inject
    PptxConverter converter;

    private static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static RequestSpecification organiser() {
        return TestLogins.csrf(TestLogins.organiser()).header("Accept-Language", "da-DK,da;q=0.9");
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return organiser().multiPart("deck", name, content, "application/octet-stream").post("/api/decks").then();
    }

    private static ValidatableResponse uploadBoth(String pptxName, byte[] pptx, String pdfName, byte[] pdf) {
        return organiser().multiPart("deck", pptxName, pptx, PPTX).multiPart("deck", pdfName, pdf, "application/pdf")
                .post("/api/decks").then();
    }

    private static List<Slide> slides(String code) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Slide.listByTalk(Talk.findByJoinCode(code).orElseThrow()));
    }

    private static List<String> pageTexts(String code) {
        return QuarkusTransaction.requiringNew().call(() -> DeckPage.listByDeck(
                Talk.findByJoinCode(code).orElseThrow().deck)).stream().map(p -> p.text).toList();
    }

    /** Rows of decks, talks, pages and images: a refused upload leaves them as they were. */
    private static List<Long> rows() {
        return QuarkusTransaction.requiringNew().call(() -> List.of(DeckEntity.count(), Talk.count(),
                DeckPage.count(), DeckImage.count()));
    }

    /** The dashboard's Danish text for a refusal, by its problem type. */
    private static String danish(String type) {
        String page = TestLogins.organiser().get("/organiser?lang=da").then().statusCode(200).extract().asString();
        Element problems = Jsoup.parse(page).getElementById("upload-problems");
        assertThat(problems).isNotNull();
        return problems.attr("data-" + type);
    }

    private static void refused(ValidatableResponse response, int status, String type, String detail,
            String danishText) {
        response.statusCode(status).contentType("application/problem+json").body("type", endsWith(":" + type))
                .body("detail", equalTo(detail));
        assertThat(danish(type)).isEqualTo(danishText);
    }

    @Test
    void aPresentationBecomesATalkWithItsSlidesTitlesAndNotes() {
        boolean soffice = converter.available();
        if (!soffice) {
            System.out.println("PptxDeckApiTest: soffice is not installed; the LibreOffice conversion was skipped");
        }
        Assumptions.assumeTrue(soffice, "soffice is not installed");
        long start = System.nanoTime();
        String code = upload("foredrag.pptx", TestPptx.deck(20)).statusCode(201).extract().path("code");
        System.out.printf("PptxDeckApiTest: a 20-slide .pptx became a talk in %d ms (conversion and rendering)%n",
                (System.nanoTime() - start) / 1_000_000);

        given().get("/api/talks/{c}", code).then().statusCode(200).body("title", equalTo(TestPptx.title(1)))
                .body("language", equalTo("da"));
        List<Slide> slides = slides(code);
        assertThat(slides).extracting(s -> s.title)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(TestPptx::title).toList());
        assertThat(slides).extracting(s -> s.notes)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(TestPptx::notes).toList());
        assertThat(pageTexts(code))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(TestPptx::pageText).toList());
        TestLogins.organiser().get("/api/decks").then().body("find { it.name == 'foredrag.pptx' }.format",
                equalTo("pdf"));
    }

    @Test
    void aPresentationAndItsPdfTogetherGiveThePdfsPagesAndThePresentationsNotes() {
        String code = uploadBoth("tale.pptx", TestPptx.deck(5), "tale.pdf", TestPdfs.deck(5)).statusCode(201)
                .extract().path("code");
        assertThat(slides(code)).extracting(s -> s.title)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5).mapToObj(TestPptx::title).toList());
        assertThat(slides(code)).extracting(s -> s.notes)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5).mapToObj(TestPptx::notes).toList());
        assertThat(pageTexts(code)).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 5).mapToObj(n -> TestPdfs.title(n) + "\n" + TestPdfs.body(n)).toList());
        String stored = QuarkusTransaction.requiringNew()
                .call(() -> Talk.findByJoinCode(code).orElseThrow().deck.markdown);
        assertThat(stored).startsWith("---\ntitle: Ledelse i en frisat kommune\nlang: da\n---\n\n<!-- page: 1 -->\n"
                + "<!-- Husk at spørge salen om dias 1.\nPil: --&gt; og <tag> & \"citat\" -->\n\n"
                + "# Ledelse i en frisat kommune\n\n---\n\n<!-- page: 2 -->\n");

        // Given again as a new talk, the deck keeps its titles and notes (they are in its manifest).
        int deckId = TestLogins.organiser().get("/api/decks").then().extract()
                .path("find { it.talks.any { t -> t.code == '" + code + "' } }.id");
        String given = TestLogins.organiser().contentType("application/json").body("{}")
                .post("/api/decks/{id}/talks", deckId).then().statusCode(201).extract().path("code");
        assertThat(slides(given)).extracting(s -> s.notes)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 5).mapToObj(TestPptx::notes).toList());

        // In either order, whatever their names.
        String again = organiser().multiPart("deck", "a.bin", TestPdfs.deck(2), "application/octet-stream")
                .multiPart("deck", "b.bin", TestPptx.deck(2), "application/octet-stream").post("/api/decks").then()
                .statusCode(201).extract().path("code");
        assertThat(slides(again)).extracting(s -> s.notes).containsExactly(TestPptx.notes(1), TestPptx.notes(2));
    }

    @Test
    void aHiddenSlideHasNoPageUnlessThePdfHoldsIt() {
        String code = uploadBoth("skjult.pptx", TestPptx.deck(3, 2), "skjult.pdf", TestPdfs.deck(2)).statusCode(201)
                .extract().path("code");
        assertThat(slides(code)).extracting(s -> s.notes).containsExactly(TestPptx.notes(1), TestPptx.notes(3));

        String all = uploadBoth("skjult.pptx", TestPptx.deck(3, 2), "alle.pdf", TestPdfs.deck(3)).statusCode(201)
                .extract().path("code");
        assertThat(slides(all)).extracting(s -> s.notes).containsExactly(TestPptx.notes(1), TestPptx.notes(2),
                TestPptx.notes(3));
    }

    @Test
    void aPresenterReplacesATalksDeckWithAPresentationAndItsPdf() {
        ValidatableResponse created = upload("first.pdf", TestPdfs.deck(2)).statusCode(201);
        String code = created.extract().path("code");
        String key = created.extract().path("presenterKey");
        TestLogins.csrf(given()).header("X-Presenter-Key", "wrong").multiPart("deck", "v2.pptx", TestPptx.deck(3), PPTX)
                .multiPart("deck", "v2.pdf", TestPdfs.deck(3), "application/pdf").put("/api/talks/{c}/deck", code)
                .then().statusCode(403);
        TestLogins.csrf(given()).header("X-Presenter-Key", key).multiPart("deck", "v2.pptx", TestPptx.deck(3), PPTX)
                .multiPart("deck", "v2.pdf", TestPdfs.deck(3), "application/pdf").put("/api/talks/{c}/deck", code)
                .then().statusCode(200).body("title", equalTo(TestPptx.title(1)));
        assertThat(slides(code)).extracting(s -> s.notes).containsExactly(TestPptx.notes(1), TestPptx.notes(2),
                TestPptx.notes(3));
    }

    @Test
    void otherFilesAreRefusedNamingWhatIsAcceptedAndNothingIsStored() {
        List<Long> before = rows();
        String accepted = "; a deck is a Markdown file (.md), a PDF, or a PowerPoint presentation (.pptx)";
        String danish = "Filen er ikke et diassæt. Upload en Markdown-fil (.md), en PDF eller en "
                + "PowerPoint-præsentation (.pptx).";
        refused(upload("referat.docx", TestPptx.docx()), 415, "deck-type-unsupported",
                "referat.docx is a Word document" + accepted, danish);
        refused(upload("dias.png", TestPptx.png()), 415, "deck-type-unsupported", "dias.png is an image (PNG)" + accepted,
                danish);
        refused(upload("foredrag.key", TestPptx.keynote()), 415, "deck-type-unsupported",
                "foredrag.key is a Keynote presentation" + accepted, danish);
        refused(organiser().multiPart("deck", "a.pdf", TestPdfs.deck(1), "application/pdf")
                .multiPart("deck", "b.pdf", TestPdfs.deck(1), "application/pdf").post("/api/decks").then(), 400,
                "deck-files", "a.pdf and b.pdf are not a presentation and its PDF; send one deck, or a PowerPoint "
                        + "presentation (.pptx) together with its PDF export",
                "Vælg ét diassæt, eller en PowerPoint-præsentation (.pptx) sammen med dens PDF.");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void oldLockedMacroAndBrokenPresentationsAreRefusedWithWhatToDoAndNothingIsStored() {
        List<Long> before = rows();
        refused(upload("gammel.ppt", TestPptx.legacyPpt()), 415, "pptx-legacy",
                "gammel.ppt is a PowerPoint 97–2003 file (.ppt); save it as a PowerPoint presentation (.pptx) or "
                        + "export it as PDF, and upload that",
                "Filen er en PowerPoint 97-2003-fil (.ppt). Gem den som PowerPoint-præsentation (.pptx), eller "
                        + "eksportér den som PDF, og upload den.");
        refused(upload("makro.pptm", TestPptx.withMacros(TestPptx.deck(2))), 415, "pptx-macros",
                "makro.pptm is a PowerPoint presentation with macros (.pptm); save it as a PowerPoint presentation "
                        + "(.pptx) or export it as PDF, and upload that",
                "Præsentationen indeholder makroer (.pptm). Gem den som PowerPoint-præsentation (.pptx), eller "
                        + "eksportér den som PDF, og upload den.");
        refused(upload("laast.pptx", TestPptx.encrypted(TestPptx.deck(2), "kode")), 400, "pptx-encrypted",
                "laast.pptx needs a password to open; save it without the password and upload it again",
                "Præsentationen er beskyttet med en adgangskode. Gem den uden adgangskode, og upload den igen.");
        refused(uploadBoth("skjult.pptx", TestPptx.deck(1, 1), "skjult.pdf", TestPdfs.deck(1)), 400, "pptx-empty",
                "skjult.pptx has only hidden slides", "Præsentationen har ingen dias at vise.");
        refused(uploadBoth("tale.pptx", TestPptx.deck(5), "tale.pdf", TestPdfs.deck(3)), 400, "pptx-pdf-mismatch",
                "tale.pdf has 3 pages, but tale.pptx shows 5 slides; export the PDF from this presentation again and "
                        + "upload both",
                "PDF-filen har ikke én side pr. dias i præsentationen. Eksportér PDF-filen fra præsentationen igen, og "
                        + "vælg begge filer.");
        refused(uploadBoth("tom.pptx", new byte[0], "tom.pdf", TestPdfs.deck(1)), 400, "deck-files",
                "tom.pptx and tom.pdf are not a presentation and its PDF; send one deck, or a PowerPoint "
                        + "presentation (.pptx) together with its PDF export",
                "Vælg ét diassæt, eller en PowerPoint-præsentation (.pptx) sammen med dens PDF.");
        upload("brudt.pptx", java.util.Arrays.copyOf(TestPptx.deck(2), 4000)).statusCode(415)
                .body("type", endsWith(":deck-type-unsupported"))
                .body("detail", equalTo("brudt.pptx is a damaged ZIP archive; a deck is a Markdown file (.md), a PDF, "
                        + "or a PowerPoint presentation (.pptx)"));
        assertThat(rows()).isEqualTo(before);
    }

    /**
     * The conversion's refusals (their types and English details: {@code PptxConverterTest}; without LibreOffice:
     * {@code PptxWithoutLibreOfficeTest}) and an unreadable presentation have their Danish texts on the dashboard.
     */
    @Test
    void theDashboardSaysConversionRefusalsInDanish() {
        String advice = "Eksportér diassættet som PDF (Filer → Eksportér → PDF), og upload den, eller vælg .pptx-filen og "
                + "dens PDF sammen for at beholde talenoterne.";
        assertThat(danish("pptx-conversion-failed")).isEqualTo("Præsentationen kunne ikke omdannes. " + advice);
        assertThat(danish("pptx-too-slow")).isEqualTo("Det tog for lang tid at omdanne præsentationen. " + advice);
        assertThat(danish("pptx-busy"))
                .isEqualTo("Serveren er optaget af at omdanne andre præsentationer. Prøv igen om et minut.");
        assertThat(danish("pptx-unreadable")).isEqualTo("Præsentationen kan ikke læses. Gem den igen i PowerPoint, "
                + "eller eksportér den som PDF (Filer → Eksportér → PDF), og upload den.");
    }

    @Test
    void aPresentationLinkingToAPictureElsewhereIsRefusedWithoutTheServerFetchingIt() throws IOException {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        elsewhere.start();
        try {
            List<Long> before = rows();
            refused(upload("link.pptx", TestPptx.withLinkedPicture("http://127.0.0.1:" + elsewhere.getAddress()
                    .getPort() + "/intern.png")), 422, "pptx-external-content", "link.pptx links to a picture, "
                            + "video or object outside the file (ppt/slides/_rels/slide1.xml.rels); insert it into "
                            + "the presentation instead of linking to it, or upload the .pptx and its PDF together",
                    "Præsentationen linker til et billede, en video eller et objekt uden for filen. Indsæt det i "
                            + "præsentationen i stedet for at linke til det, eller vælg .pptx-filen og dens PDF sammen.");
            assertThat(rows()).isEqualTo(before);
            assertThat(fetched).hasValue(0);
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aZipBombATooLargeFileAndTooManySlidesAreRefusedBeforeAnyConversion() {
        List<Long> before = rows();
        refused(upload("bombe.pptx", TestPptx.bomb(TestPptx.deck(1), 64L << 20)), 413, "pptx-unpacked-too-large",
                "bombe.pptx unpacks to more than 33554432 bytes unpacked",
                "Præsentationen fylder alt for meget udpakket og bliver ikke læst. Gem den igen i PowerPoint, og "
                        + "upload den.");
        byte[] large = TestPptx.padded(TestPptx.deck(1), 25 << 20);
        refused(upload("stor.pptx", large), 413, "pptx-too-large",
                "A presentation may be at most 26214400 bytes; stor.pptx is " + large.length,
                "Præsentationen er større end 25 MB.");
        refused(upload("lang.pptx", TestPptx.deck(201)), 413, "pptx-too-many-slides",
                "lang.pptx has 201 slides; a deck may have at most 200",
                "Præsentationen har for mange dias til ét diassæt. Del den op, og upload delene.");
        assertThat(rows()).isEqualTo(before);
    }
}
