package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.afstemning.deck.PageManifest.PageSlide;

/** The page slides of a PDF deck's manifest: written and read back, and what DeckParser makes of them. */
class PageManifestTest {

    private static final String FRONT = "---\ntitle: Tale\nlang: da\n---\n";

    @Test
    void titlesAndNotesAreWrittenAsPageSlidesAndReadBackExactly() {
        List<PageSlide> pages = List.of(new PageSlide("Første dias", "Sig hej.\n\nAnden afsnit --> pil"),
                new PageSlide(null, null), new PageSlide("# Ikke en overskrift", "---\n```\nkode\n```"));
        String manifest = PageManifest.write(FRONT, pages);

        assertThat(manifest).isEqualTo(FRONT + "\n<!-- page: 1 -->\n\n# Første dias\n\n<!--\nSig hej.\n\nAnden afsnit "
                + "--&gt; pil\n-->\n\n---\n\n<!-- page: 2 -->\n\n---\n\n<!-- page: 3 -->\n\n# # Ikke en overskrift\n\n"
                + "<!--\n- - -\n    ```\nkode\n    ```\n-->\n");
        assertThat(PageManifest.read(manifest)).isEqualTo(Map.of(1, pages.get(0), 2, pages.get(1), 3,
                new PageSlide("# Ikke en overskrift", "- - -\n    ```\nkode\n    ```")));
    }

    @Test
    void aManifestOfFrontMatterOnlyHasNoPageSlides() {
        assertThat(PageManifest.read(FRONT)).isEmpty();
        assertThat(PageManifest.read(null)).isEmpty();
    }

    @Test
    void aMarkdownDeckParserReadsTheSameSlidesTitlesAndNotes() {
        List<PageSlide> pages = List.of(new PageSlide("Første dias", "Sig hej --> nu"),
                new PageSlide("Andet", "---\nslut"));
        Deck deck = new DeckParser().parse("manifest.md", PageManifest.write(FRONT, pages));
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("Første dias", "Andet");
        assertThat(deck.slides()).extracting(DeckSlide::notes).containsExactly("page: 1\n\nSig hej --&gt; nu",
                "page: 2\n\n- - -\nslut");
    }
}
