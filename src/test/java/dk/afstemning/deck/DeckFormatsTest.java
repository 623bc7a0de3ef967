package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/**
 * Issue 18, item 2: what reaches the parser. Front matter keys neither Afstemning nor Marp knows and a free-text date
 * are ignored with a warning; Slidev and Quarto/R Markdown files are refused naming the format; a reveal.js deck and a
 * plain Markdown file without slide breaks are read with a warning.
 */
class DeckFormatsTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private List<DeckWarning> warnings(String markdown) {
        DeckFormats.refuseOtherFormats("d.md", markdown);
        return DeckFormats.warnings("d.md", markdown, parser.parse("d.md", markdown).slides().size());
    }

    @Test
    void freeTextDateIsIgnoredWithAWarningNamingKeyAndLine() {
        String deck = "---\ntitle: T\ndate: 26 June 2023\n---\n# A\n\n---\n\n# B\n";
        assertThat(parser.parse("d.md", deck).date()).isNull();
        assertThat(warnings(deck)).containsExactly(new DeckWarning("date-ignored", "d.md", 3, "26 June 2023",
                "d.md:3: front matter 'date' (26 June 2023) is not an ISO date such as 2022-11-02; it is ignored"));
        assertThat(warnings("---\ndate: 2023-06-26\n---\n# A\n\n---\n\n# B\n")).isEmpty();
    }

    @Test
    void unknownFrontMatterKeyIsIgnoredWithAWarning() {
        String deck = "---\nmarp: true\nsubtitle: Et forsøg\ncustomer:\n  name: Aarhus\n---\n# A\n";
        assertThat(warnings(deck)).extracting(DeckWarning::detail).containsExactly(
                "d.md:3: front matter key 'subtitle' is not one Afstemning or Marp knows; it is ignored",
                "d.md:4: front matter key 'customer' is not one Afstemning or Marp knows; it is ignored");
        assertThat(parser.parse("d.md", deck).title()).isEqualTo("A");
    }

    @Test
    void marpDirectivesAndMetadataAreAcceptedSilently() {
        String deck = """
                ---
                marp: true
                theme: gaia
                size: 4:3
                paginate: true
                header: '![](logo.png)'
                footer: Aarhus Kommune
                _class: lead
                class: invert
                backgroundColor: '#fff'
                backgroundImage: url('bg.png')
                color: black
                math: katex
                headingDivider: 2
                lang: da
                title: T
                description: Et oplæg
                author: Ulf
                keywords: ledelse
                url: https://example.org
                image: https://example.org/og.png
                transition: fade
                style: |
                  section { font-size: 20px; }
                ---
                # A
                """;
        assertThat(warnings(deck)).isEmpty();
    }

    @Test
    void afstemningsOwnKeysStayStrict() {
        assertThatThrownBy(() -> parser.parse("d.md", "---\nqa: maybe\n---\n# A\n"))
                .hasMessage("d.md:2: front matter 'qa' must be on, off or moderated");
    }

    @Test
    void slidevDeckIsRefusedNamingTheFormat() {
        String headmatter = "---\ntheme: seriph\nlayout: cover\n---\n# Velkommen\n";
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("s.md", headmatter))
                .isInstanceOf(DeckFormatException.class).hasMessage("s.md:2: this looks like a Slidev deck "
                        + "(theme: seriph); Afstemning reads Marp decks: export it from Slidev as PDF (slidev export) "
                        + "and upload the PDF, or rewrite it for Marp")
                .extracting(e -> ((DeckFormatException) e).format()).isEqualTo("slidev");
        String perSlide = "# A\n\n---\nlayout: center\n---\n\n# B\n";
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("s.md", perSlide))
                .hasMessageStartingWith("s.md:4: this looks like a Slidev deck (layout: center)");
        String classOnly = "# A\n\n---\nclass: text-center\ntransition: fade\n---\n\n# B\n";
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("s.md", classOnly))
                .hasMessageStartingWith("s.md:4: this looks like a Slidev deck (class: text-center)");
        // A Marp slide whose text is a "key: value" line under a heading is no front matter.
        DeckFormats.refuseOtherFormats("m.md", "# A\n\n---\n\n# B\nTid: 10 minutter\n\n---\n\n# C\n");
        String clicks = "# A\n\n<v-click>\n\nHidden\n\n</v-click>\n";
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("s.md", clicks))
                .hasMessageStartingWith("s.md:3: this looks like a Slidev deck (<v-click)");
    }

    @Test
    void quartoAndRMarkdownAreRefusedNamingTheFormat() {
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("q.qmd", "---\ntitle: T\nformat: revealjs\n---\n# A\n"))
                .isInstanceOf(DeckFormatException.class).hasMessage("q.qmd:3: this looks like a Quarto or R Markdown "
                        + "document (format: revealjs); Afstemning reads Marp decks: render it to PDF and upload the PDF");
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("r.Rmd", "---\noutput: ioslides_presentation\n---\n"))
                .hasMessageStartingWith("r.Rmd:2: this looks like a Quarto or R Markdown document");
        assertThatThrownBy(() -> DeckFormats.refuseOtherFormats("r.md", "# A\n\n```{r}\nplot(x)\n```\n"))
                .hasMessageStartingWith("r.md:3: this looks like a Quarto or R Markdown document (```{r})");
    }

    @Test
    void aMarpThemeThatIsNotBuiltInIsAWarning() {
        // Retrial of issue 18: theme: indie-gaia fell back to the default theme without a word.
        String deck = "---\nmarp: true\ntheme: indie-gaia\n---\n# A\n";
        assertThat(warnings(deck)).extracting(DeckWarning::code, DeckWarning::line, DeckWarning::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("theme-unknown", 3, "indie-gaia"));
        assertThat(warnings("---\nmarp: true\ntheme: gaia\n---\n# A\n")).isEmpty();
        assertThat(warnings("---\nmarp: true\ntheme: \"uncover\"\n---\n# A\n")).isEmpty();
    }

    @Test
    void revealJsDeckIsReadWithAWarning() {
        String deck = "# A\n\n--\n\n## A.1\n\nNote: say hello\n\n---\n\n# B\n";
        assertThat(parser.parse("r.md", deck).slides()).hasSize(2);
        assertThat(warnings(deck)).extracting(DeckWarning::code, DeckWarning::line, DeckWarning::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("revealjs", 3, "--"));
        // A quoted Note: line is cut after a whole word (the trial saw "Note: speaker note r").
        String notes = "# A\n\nNote: speaker note read aloud by the speaker\n";
        assertThat(warnings(notes)).extracting(DeckWarning::subject).containsExactly("Note: speaker note read…");
    }

    @Test
    void plainMarkdownWithoutSlideBreaksIsOneSlideWithAWarning() {
        String notes = "# Referat\n\nPunkt et.\n\n## Næste\n\nPunkt to.\n";
        assertThat(warnings(notes)).extracting(DeckWarning::detail).containsExactly("d.md:1: no '---' line splits "
                + "this Markdown file into slides, so it is one slide; Afstemning reads Marp decks: put a line of --- "
                + "between slides");
        assertThat(warnings("---\nmarp: true\n---\n" + notes)).isEmpty();
        assertThat(warnings(notes + "\n---\n\n# B\n")).isEmpty();
        // One slide of one heading is a deck of one slide, such as a single poll.
        assertThat(warnings("# Afstemning\n\nHvad mener du?\n")).isEmpty();
    }

    /** The seed deck and the Marp decks of the tests are Marp decks: nothing refused, nothing to warn of. */
    @Test
    void everyMarpDeckOfTheRepositoryPassesWithoutWarnings() throws java.io.IOException {
        List<java.nio.file.Path> decks = new java.util.ArrayList<>();
        for (String folder : new String[] {"slides", "src/test/resources/marp", "src/test/resources/decks"}) {
            try (var files = java.nio.file.Files.list(java.nio.file.Path.of(folder))) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(decks::add);
            }
        }
        assertThat(decks).hasSizeGreaterThanOrEqualTo(15).contains(java.nio.file.Path.of("slides",
                "ledelse-i-en-frisat-kommune.md"), java.nio.file.Path.of("src/test/resources/marp/hostile.md"));
        for (java.nio.file.Path deck : decks) {
            assertThat(warnings(java.nio.file.Files.readString(deck))).as(deck.toString()).isEmpty();
        }
    }

    @Test
    void markersInsideCodeOrNotesDoNotCount() {
        String deck = "# Slidev vs Marp\n\n```html\n<v-click>x</v-click>\n```\n\n<!--\nNote: a note\n-->\n\n---\n\n# B\n";
        assertThat(warnings(deck)).isEmpty();
    }
}
