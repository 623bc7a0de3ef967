package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dk.afstemning.deck.PptxReader.PptxSlide;
import dk.afstemning.problem.ApiProblem;

/**
 * Reading titles and notes of PowerPoint presentations the tests build with POI, recognising uploads by content,
 * and refusing what is not a deck or is hostile.
 */
class PptxReaderTest {

    private static final PptxReader.Limits LIMITS = new PptxReader.Limits(10_000, 256L << 20, 200);

    @Test
    void theTitlesAndNotesOfTwentySlidesAreReadExactly() {
        List<PptxSlide> slides = PptxReader.read("foredrag.pptx", TestPdfs.file(TestPptx.deck(20)), LIMITS);

        assertThat(slides).containsExactlyElementsOf(IntStream.rangeClosed(1, 20)
                .mapToObj(n -> new PptxSlide(n, false, TestPptx.title(n), TestPptx.notes(n))).toList());
    }

    @Test
    void aHiddenSlideIsMarkedAndASlideWithoutNotesHasNone() {
        List<PptxSlide> slides = PptxReader.read("skjult.pptx", TestPdfs.file(TestPptx.deck(3, 2)), LIMITS);
        assertThat(slides).extracting(PptxSlide::hidden).containsExactly(false, true, false);

        assertThat(PptxReader.read("tom.pptx", TestPdfs.file(TestPptx.deckWithoutNotes()), LIMITS))
                .containsExactly(new PptxSlide(1, false, "Uden noter", null));
    }

    @Test
    void aPptxIsKnownByItsContentWhateverItsName() {
        assertThat(DeckFiles.kind("slides.bin", TestPdfs.file(TestPptx.deck(1)))).isEqualTo(DeckFiles.Kind.PPTX);
        assertThat(DeckFiles.kind("slides.pptx", TestPdfs.file(TestPdfs.deck(1)))).isEqualTo(DeckFiles.Kind.PDF);
        assertThat(DeckFiles.kind("talk.pdf", TestPdfs.file("# Titel\n".getBytes())))
                .isEqualTo(DeckFiles.Kind.MARKDOWN);
    }

    @Test
    void otherDocumentsAndImagesAreRefusedNamingWhatIsAccepted() {
        String accepted = "; a deck is a Markdown file (.md), a PDF, or a PowerPoint presentation (.pptx)";
        assertThat(catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("referat.docx", TestPdfs.file(TestPptx.docx()))))
                .extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail)
                .containsExactly(415, "deck-type-unsupported", "referat.docx is a Word document" + accepted);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("foredrag.key", TestPdfs.file(TestPptx.keynote()))).detail())
                .isEqualTo("foredrag.key is a Keynote presentation" + accepted);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("dias.png", TestPdfs.file(TestPptx.png()))).detail())
                .isEqualTo("dias.png is an image (PNG)" + accepted);
        // Trial of #18: an SVG on its own became a talk whose slide showed its source.
        assertThat(catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("logo.svg", TestPdfs.file(
                "\uFEFF  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8)))).detail())
                .isEqualTo("logo.svg is an image (SVG)" + accepted);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("logo.md", TestPdfs.file(
                "<?xml version=\"1.0\"?>\n<svg/>".getBytes()))).detail()).isEqualTo("logo.md is an image (SVG)" + accepted);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("side.md", TestPdfs.file(
                "<!DOCTYPE html><html></html>".getBytes()))).detail()).isEqualTo("side.md is an HTML page" + accepted);
        assertThat(DeckFiles.kind("talk.md", TestPdfs.file("<!-- a note -->\n# Titel\n".getBytes())))
                .isEqualTo(DeckFiles.Kind.MARKDOWN);
    }

    @Test
    void legacyMacroEnabledAndEncryptedPresentationsAreRefusedWithWhatToDo() {
        ApiProblem legacy = catchThrowableOfType(ApiProblem.class, () -> DeckFiles.kind("gammel.ppt", TestPdfs.file(TestPptx.legacyPpt())));
        assertThat(legacy).extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(415,
                "pptx-legacy", "gammel.ppt is a PowerPoint 97–2003 file (.ppt); save it as a PowerPoint presentation "
                        + "(.pptx) or export it as PDF, and upload that");
        ApiProblem macros = catchThrowableOfType(ApiProblem.class, 
                () -> DeckFiles.kind("makro.pptm", TestPdfs.file(TestPptx.withMacros(TestPptx.deck(2)))));
        assertThat(macros).extracting(ApiProblem::status, ApiProblem::type).containsExactly(415, "pptx-macros");
        ApiProblem locked = catchThrowableOfType(ApiProblem.class, 
                () -> DeckFiles.kind("laast.pptx", TestPdfs.file(TestPptx.encrypted(TestPptx.deck(2), "kode"))));
        assertThat(locked).extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(400,
                "pptx-encrypted", "laast.pptx needs a password to open; save it without the password and upload it "
                        + "again");
    }

    @Test
    void aPictureLinkedFromOutsideTheFileIsRefusedBeforeConversionAndAHyperlinkIsNot() {
        Path linked = TestPdfs.file(TestPptx.withLinkedPicture("http://10.0.0.1/intern.png"));
        assertThat(catchThrowableOfType(ApiProblem.class, () -> PptxReader.requireNoExternalContent("link.pptx",
                linked))).extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(422,
                        "pptx-external-content", "link.pptx links to a picture, video or object outside the file "
                                + "(ppt/slides/_rels/slide1.xml.rels); insert it into the presentation instead of "
                                + "linking to it, or upload the .pptx and its PDF together");
        // Titles and notes are still read (POI fetches nothing), so the .pptx with its PDF is fine.
        assertThat(PptxReader.read("link.pptx", linked, LIMITS)).extracting(PptxSlide::title).containsExactly("Link");
        PptxReader.requireNoExternalContent("tale.pptx", TestPdfs.file(TestPptx.deck(2)));
    }

    @Test
    void aZipBombIsRefusedAtTheUnpackedLimit() {
        byte[] bomb = TestPptx.bomb(TestPptx.deck(1), 64L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertThat(DeckFiles.kind("bombe.pptx", TestPdfs.file(bomb))).isEqualTo(DeckFiles.Kind.PPTX);

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> PptxReader.read("bombe.pptx", TestPdfs.file(bomb),
                new PptxReader.Limits(10_000, 16L << 20, 200)));
        assertThat(refused).extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail).containsExactly(413,
                "pptx-unpacked-too-large", "bombe.pptx unpacks to more than 16777216 bytes unpacked");
        // Within the inspection's limit, POI's own guard refuses an entry that inflates over 100 times.
        assertThat(catchThrowableOfType(ApiProblem.class, () -> PptxReader.read("bombe.pptx", TestPdfs.file(bomb), LIMITS)).type())
                .isEqualTo("pptx-unreadable");
        ApiProblem entries = catchThrowableOfType(ApiProblem.class, () -> PptxReader.read("mange.pptx", TestPdfs.file(TestPptx.deck(1)),
                new PptxReader.Limits(10, 256L << 20, 200)));
        assertThat(entries.type()).isEqualTo("pptx-unpacked-too-large");
        assertThat(entries.detail()).matches("mange\\.pptx unpacks to \\d+ entries; at most 10");
    }

    @Test
    void tooManySlidesABrokenFileAndOnlyHiddenSlidesAreRefused() {
        assertThatThrownBy(() -> PptxReader.read("lang.pptx", TestPdfs.file(TestPptx.deck(3)),
                new PptxReader.Limits(10_000, 256L << 20, 2))).isInstanceOfSatisfying(ApiProblem.class,
                        p -> assertThat(p).extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail)
                                .containsExactly(413, "pptx-too-many-slides",
                                        "lang.pptx has 3 slides; a deck may have at most 2"));
        byte[] truncated = java.util.Arrays.copyOf(TestPptx.deck(2), 2000);
        assertThat(catchThrowableOfType(ApiProblem.class, () -> PptxReader.read("brudt.pptx", TestPdfs.file(truncated), LIMITS)).type())
                .isEqualTo("pptx-unreadable");
        assertThat(catchThrowableOfType(ApiProblem.class, () -> PptxReader.read("skjult.pptx", TestPdfs.file(TestPptx.deck(1, 1)), LIMITS)))
                .extracting(ApiProblem::status, ApiProblem::type, ApiProblem::detail)
                .containsExactly(400, "pptx-empty", "skjult.pptx has only hidden slides");
    }
}
