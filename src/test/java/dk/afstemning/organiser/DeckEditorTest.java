package dk.afstemning.organiser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import dk.afstemning.TestLogins;
import dk.afstemning.account.AccountService;
import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.deck.TestPdfs;
import dk.afstemning.deck.TestPptx;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * The deck editor through its page's forms (issue 17, part 3): a poll added to a PDF deck after a page, moved, with
 * notes; the deck downloaded as its zip and uploaded again as the same slides, polls and notes; a refused poll with
 * the poll block's message in both languages; a Markdown deck written back with its untouched slides as they were;
 * hostile zips refused.
 */
@QuarkusTest
class DeckEditorTest {

    @Inject
    DeckImporter importer;

    @Inject
    AccountService accounts;

    private static final String QUESTION = "Hvad får du mest værdi ud af?";
    private static final String SEED_FILE = "ledelse-i-en-frisat-kommune.md";

    private static RequestSpecification form() {
        return TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static ValidatableResponse upload(String name, byte[] content) {
        return TestLogins.csrf(TestLogins.organiser()).multiPart("deck", name, content, "application/octet-stream")
                .post("/api/decks").then();
    }

    private static void addPoll(String code, int after) {
        form().formParam("after", after).formParam("id", "afstemning").formParam("type", "choice")
                .formParam("question", QUESTION).formParam("option", "Viden").formParam("option", "Erfaringer")
                .formParam("option", "").post("/organiser/talks/{c}/deck/polls", code).then().statusCode(303)
                .header("Location", containsString("/organiser/talks/" + code + "/deck#slide-" + (after + 1)));
    }

    /** Each slide as "title | poll | notes". */
    private static List<String> slides(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Slide.listByTalk(Talk.findByJoinCode(code).orElseThrow())
                .stream().map(s -> s.title + " | " + s.pollKey + " | " + s.notes).toList());
    }

    private static String markdown(String code) {
        return QuarkusTransaction.requiringNew().call(() -> Talk.findByJoinCode(code).orElseThrow().deck.markdown);
    }

    /** The talk's deck zip, named {@code base}.zip, holding exactly {@code base}.pdf (the PDF as uploaded) and deck.md. */
    private static byte[] downloadZip(String code, String base, byte[] pdf) throws IOException {
        byte[] zip = TestLogins.organiser().get("/organiser/talks/{c}/deck/download", code).then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + base + ".zip\"").extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly(base + ".pdf", "deck.md");
        assertThat(entries.get(base + ".pdf")).isEqualTo(pdf);
        return zip;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aPollAddedToAPdfDeckAfterPageSevenMovesAndRoundTripsThroughTheZip() throws IOException {
        byte[] pdf = TestPdfs.deck(8);
        String code = upload("foredrag.pdf", pdf).statusCode(201).extract().path("code");
        addPoll(code, 7);
        form().formParam("notes", "Husk at spørge salen").post("/organiser/talks/{c}/deck/slides/2/notes", code)
                .then().statusCode(303);
        form().formParam("direction", "-1").post("/organiser/talks/{c}/deck/slides/8/move", code).then()
                .statusCode(303).header("Location", containsString("#slide-7"));
        List<String> expected = List.of(TestPdfs.title(1) + " | null | null",
                TestPdfs.title(2) + " | null | Husk at spørge salen", TestPdfs.title(3) + " | null | null",
                TestPdfs.title(4) + " | null | null", TestPdfs.title(5) + " | null | null",
                TestPdfs.title(6) + " | null | null", QUESTION + " | afstemning | null",
                TestPdfs.title(7) + " | null | null", TestPdfs.title(8) + " | null | null");
        assertThat(slides(code)).containsExactlyElementsOf(expected);
        given().get("/api/talks/{c}", code).then().body("polls[0].id", equalTo("afstemning"))
                .body("polls[0].question", equalTo(QUESTION));
        String manifest = markdown(code);
        assertThat(manifest).contains("<!-- page: 2 -->\n<!-- Husk at spørge salen -->\n\n---\n")
                .contains("<!-- page: 6 -->\n\n---\n\n## " + QUESTION + "\n\n```poll\nid: afstemning\ntype: choice\n"
                        + "question: " + QUESTION + "\noptions:\n  - Viden\n  - Erfaringer\n```\n\n---\n\n"
                        + "<!-- page: 7 -->\n");

        // The editor page lists the slides in order, pages with their thumbnails.
        String page = TestLogins.organiser().get("/organiser/talks/{c}/deck?lang=en", code).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("id=\"slide-9\"").contains("Download (PDF and polls, zip)")
                .contains("<code>afstemning</code> · choice");

        byte[] zip = downloadZip(code, "foredrag", pdf);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(new String(entries.get("deck.md"), StandardCharsets.UTF_8)).isEqualTo(manifest);

        String again = upload("foredrag.zip", zip).statusCode(201).extract().path("code");
        assertThat(again).isNotEqualTo(code);
        assertThat(slides(again)).containsExactlyElementsOf(expected);
        assertThat(markdown(again)).isEqualTo(manifest);
        byte[] second = TestLogins.organiser().get("/organiser/talks/{c}/deck/download", again).then().statusCode(200)
                .extract().asByteArray();
        assertThat(unzip(second).get("foredrag.pdf")).isEqualTo(pdf);
        assertThat(unzip(second).get("deck.md")).isEqualTo(entries.get("deck.md"));
    }

    @Test
    void aRefusedPollComesBackInItsFormWithThePollBlocksMessage() {
        String code = upload("kort.pdf", TestPdfs.deck(2)).statusCode(201).extract().path("code");
        String en = form().formParam("after", 1).formParam("type", "choice").formParam("question", "Ja eller nej?")
                .formParam("option", "Ja").post("/organiser/talks/{c}/deck/polls?lang=en", code).then().statusCode(400)
                .extract().asString();
        assertThat(errors(en)).containsExactly("The poll was not saved:", "kort.pdf:17: a poll needs at least 2 options");
        assertThat(en).contains("value=\"Ja eller nej?\"");
        String da = form().formParam("after", 1).formParam("type", "scale").formParam("question", "Hvor enig?")
                .formParam("min", "en").post("/organiser/talks/{c}/deck/polls?lang=da", code).then().statusCode(400)
                .extract().asString();
        assertThat(errors(da)).containsExactly("Afstemningen blev ikke gemt:",
                "kort.pdf:16: 'min' skal være et helt tal, ikke 'en'");
        assertThat(slides(code)).hasSize(2);
    }

    @Test
    void aPollWithThreeErrorsListsAllThreeInThePagesLanguage() {
        String code = upload("tre.pdf", TestPdfs.deck(1)).statusCode(201).extract().path("code");
        for (String lang : List.of("en", "da")) {
            String page = form().formParam("after", 1).formParam("id", "Bad Id").formParam("type", "choice")
                    .formParam("question", "Hvad?").formParam("option", "A").formParam("option", "B")
                    .formParam("results", "secret").formParam("time-limit", "2")
                    .post("/organiser/talks/{c}/deck/polls?lang=" + lang, code).then().statusCode(400).extract()
                    .asString();
            if (lang.equals("en")) {
                assertThat(errors(page)).containsExactly("The poll was not saved:",
                        "tre.pdf:13: poll id 'Bad Id' must be 1-64 lower-case letters, digits, '-' or '_'",
                        "tre.pdf:19: 'results' must be one of live, hidden, not 'secret'",
                        "tre.pdf:20: 'time-limit' must be a whole number of seconds from 5 to 3600, not '2'");
            } else {
                assertThat(errors(page)).containsExactly("Afstemningen blev ikke gemt:",
                        "tre.pdf:13: afstemnings-id'et 'Bad Id' skal være 1-64 små bogstaver, cifre, '-' eller '_'",
                        "tre.pdf:19: 'results' skal være en af live, hidden, ikke 'secret'",
                        "tre.pdf:20: 'time-limit' skal være et helt antal sekunder fra 5 til 3600, ikke '2'");
            }
        }
        assertThat(slides(code)).hasSize(1);
    }

    /** The poll form's refusal: its lead-in, then each fault as the page lists it. */
    private static List<String> errors(String page) {
        var box = org.jsoup.Jsoup.parse(page).selectFirst("#poll-form .feedback.error");
        assertThat(box).as("the poll form's refusal").isNotNull();
        return java.util.stream.Stream.concat(box.select("p").stream(), box.select("li").stream())
                .map(org.jsoup.nodes.Element::text).toList();
    }

    @Test
    void aMarkdownDeckKeepsItsUntouchedSlidesAndDownloadsAsMarkdown() throws IOException {
        String seed = Files.readString(Path.of("slides", SEED_FILE));
        String code = upload("seed.md", seed.getBytes(StandardCharsets.UTF_8)).statusCode(201).extract().path("code");
        assertThat(TestLogins.organiser().get("/organiser/talks/{c}/deck/download", code).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"seed.md\"").extract().asString())
                .isEqualTo(seed);
        // The poll id is the seed's own: refused as the deck parser refuses it, and nothing changes.
        String refused = form().formParam("after", 1).formParam("id", "afstemning").formParam("type", "choice")
                .formParam("question", QUESTION).formParam("option", "A").formParam("option", "B")
                .post("/organiser/talks/{c}/deck/polls?lang=en", code).then().statusCode(400).extract().asString();
        assertThat(errors(refused)).containsExactly("The poll was not saved:",
                "seed.md:93: poll id 'afstemning' is used twice");
        assertThat(markdown(code)).isEqualTo(seed);
        form().formParam("after", 1).formParam("id", "start").formParam("type", "choice").formParam("question", "Q?")
                .formParam("option", "A").formParam("option", "B").post("/organiser/talks/{c}/deck/polls", code)
                .then().statusCode(303);
        String added = markdown(code);
        String slide = "## Q?\n\n```poll\nid: start\ntype: choice\nquestion: Q?\noptions:\n  - A\n  - B\n```\n\n---\n\n";
        int at = added.indexOf(slide);
        assertThat(at).isPositive();
        assertThat(added.substring(0, at) + added.substring(at + slide.length())).isEqualTo(seed);
        form().post("/organiser/talks/{c}/deck/slides/2/delete", code).then().statusCode(303);
        assertThat(markdown(code)).isEqualTo(seed);
    }

    @Test
    void votesStayWithTheirPollWhenTheEditorMovesItAndTheSharedDeckIsNotTouched() {
        Talk talk = TestTalks.create(importer, "Stemmer", List.of("Ja", "Nej"));
        String folderDeck = markdown(talk.joinCode);
        TestTalks.open(talk, "q");
        List<Integer> options = TestTalks.optionIds(talk.joinCode);
        TestTalks.vote(talk.joinCode, TestTalks.join(talk.joinCode), options.get(0), "e-1").statusCode(200);
        form().formParam("after", 1).formParam("id", "ny").formParam("type", "choice").formParam("question", "Ny?")
                .formParam("option", "A").formParam("option", "B").post("/organiser/talks/{c}/deck/polls",
                        talk.joinCode).then().statusCode(303);
        form().formParam("direction", "-1").post("/organiser/talks/{c}/deck/slides/3/move", talk.joinCode).then()
                .statusCode(303);
        assertThat(slides(talk.joinCode)).containsExactly("Intro | null | null", "null | q | null",
                "Ny? | ny | null");
        given().get("/api/talks/{c}/polls/q/results", talk.joinCode).then().statusCode(200).body("total", equalTo(1))
                .body("counts[0].count", equalTo(1));
        // The slides folder's deck is copied for this talk, not changed.
        String folderFile = QuarkusTransaction.requiringNew().call(() -> Talk.<Talk>findById(talk.id).deck.folderFile);
        assertThat(folderFile).isNull();
        assertThat(QuarkusTransaction.requiringNew().call(() -> dk.afstemning.talk.DeckEntity
                .findByFolderFile(talk.deck.folderFile).orElseThrow().markdown)).isEqualTo(folderDeck);
    }

    @Test
    void aPresenterAccountEditsTheDeckOfItsOwnTalkOnly() {
        Talk mine = TestTalks.create(importer, "Min", List.of("Ja", "Nej"));
        Talk other = TestTalks.create(importer, "Anden", List.of("Ja", "Nej"));
        String name = TestLogins.presenter(accounts, mine);
        TestLogins.as(name, "presenter-password").get("/organiser/talks/{c}/deck?lang=en", mine.joinCode).then()
                .statusCode(200).body(containsString("id=\"slide-2\""));
        TestLogins.as(name, "presenter-password").get("/organiser/talks/{c}/deck?lang=en", other.joinCode).then()
                .statusCode(403);
        TestLogins.as(name, "presenter-password").get("/organiser/talks/{id}", mine.id).then().statusCode(403);
    }

    @Test
    void aPowerPointDeckOpensInTheEditorAndRoundTripsThroughTheZip() throws IOException {
        byte[] pdf = TestPdfs.deck(3);
        String code = TestLogins.csrf(TestLogins.organiser()).multiPart("deck", "tale.pptx", TestPptx.deck(3),
                "application/octet-stream").multiPart("deck", "tale.pdf", pdf, "application/pdf").post("/api/decks")
                .then().statusCode(201).extract().path("code");
        TestLogins.organiser().get("/organiser/talks/{c}/deck?lang=en", code).then().statusCode(200)
                .body(containsString("id=\"slide-3\""));
        addPoll(code, 2);
        List<String> expected = List.of(TestPptx.title(1) + " | null | " + TestPptx.notes(1),
                TestPptx.title(2) + " | null | " + TestPptx.notes(2), QUESTION + " | afstemning | null",
                TestPptx.title(3) + " | null | " + TestPptx.notes(3));
        assertThat(slides(code)).containsExactlyElementsOf(expected);

        byte[] zip = downloadZip(code, "tale", pdf);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(new String(entries.get("deck.md"), StandardCharsets.UTF_8)).isEqualTo(markdown(code))
                .contains("<!-- page: 2 -->\n<!-- Husk at spørge salen om dias 2.\nPil: --&gt; og <tag> & \"citat\" -->"
                        + "\n\n# " + TestPptx.title(2) + "\n\n---\n\n## " + QUESTION + "\n");

        String again = upload("tale.zip", zip).statusCode(201).extract().path("code");
        assertThat(slides(again)).containsExactlyElementsOf(expected);
        assertThat(markdown(again)).isEqualTo(markdown(code));

        // The zip also replaces a talk's deck, for its presenter.
        ValidatableResponse other = upload("anden.pdf", TestPdfs.deck(1)).statusCode(201);
        String otherCode = other.extract().path("code");
        TestLogins.csrf(given()).header("X-Presenter-Key", other.extract().path("presenterKey").toString())
                .multiPart("deck", "tale.zip", zip, "application/zip").put("/api/talks/{c}/deck", otherCode).then()
                .statusCode(200).body("title", equalTo(TestPptx.title(1)));
        assertThat(slides(otherCode)).containsExactlyElementsOf(expected);
    }

    @Test
    void hostileZipsAreRefused() throws IOException {
        byte[] pdf = TestPdfs.deck(1);
        byte[] manifest = "---\ntitle: X\n---\n".getBytes(StandardCharsets.UTF_8);
        upload("a.zip", zip(Map.of("../a.pdf", pdf, "deck.md", manifest))).statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:invalid-archive"));
        // Without a PDF, deck.md is a Markdown deck's zip (deck/DeckBundle): this one has no slides.
        upload("b.zip", zip(Map.of("deck.md", manifest))).statusCode(400)
                .body("type", equalTo("urn:afstemning:problem:invalid-deck"))
                .body("detail", equalTo("deck.md:3: deck has no slides"));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            many.put("d" + i + "/", new byte[0]);
        }
        // A zip is a deck zip by its deck.md (deck/DeckFiles); without one it is not a deck at all.
        upload("f.zip", zip(many)).statusCode(415).body("type", equalTo("urn:afstemning:problem:deck-type-unsupported"));
        many.put("deck.md", manifest);
        many.put("a.pdf", pdf);
        upload("c.zip", zip(many)).statusCode(400).body("type", equalTo("urn:afstemning:problem:invalid-archive"));
        upload("d.zip", zip(Map.of("a.pdf", pdf, "deck.md", new byte[600 * 1024]))).statusCode(413)
                .body("type", equalTo("urn:afstemning:problem:archive-too-large"));
        upload("e.zip", zip(Map.of("a.pdf", pdf, "deck.md", "---\ntitle: X\n---\n\n<!-- page: 2 -->\n"
                .getBytes(StandardCharsets.UTF_8)))).statusCode(400)
                .body("detail", equalTo("a.pdf:4: page 2 does not exist; the PDF has 1 pages"));
    }
}
