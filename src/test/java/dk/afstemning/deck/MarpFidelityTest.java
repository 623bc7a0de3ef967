package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.afstemning.polltype.TestPollTypes;

/**
 * Slide boundaries and speaker notes equal to what Marp itself renders (issue 18). The expected values in
 * {@code src/test/resources/marp/marp-expected.json} are {@code @marp-team/marp-core} 5.0.2's output for the decks next
 * to it, written by {@code marp-expected.js} there (see README "Marp fidelity"): per deck the slide count, each slide's
 * first heading (Marp renders emoji shortcodes) and its notes (the slide's non-directive HTML comments joined by a
 * blank line; none is "").
 */
class MarpFidelityTest {

    private static final Path DIR = Path.of("src/test/resources/marp");

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private static JsonNode marp(String name) throws Exception {
        return new ObjectMapper().readTree(DIR.resolve("marp-expected.json").toFile()).get(name);
    }

    private Deck deck(Path file) throws Exception {
        return parser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.isNull() ? null : n.asText()));
        return result;
    }

    /** Slide count and notes equal Marp's; titles too unless {@code titles} is false. */
    private void assertLikeMarp(Path file, boolean titles) throws Exception {
        JsonNode expected = marp(file.getFileName().toString());
        Deck deck = deck(file);
        assertThat(deck.slides()).hasSize(expected.get("count").asInt());
        assertThat(deck.slides()).extracting(s -> s.notes() == null ? "" : s.notes())
                .containsExactlyElementsOf(strings(expected.get("notes")));
        if (titles) {
            assertThat(deck.slides()).extracting(DeckSlide::title).containsExactlyElementsOf(strings(expected.get("titles")));
        }
    }

    @Test
    void seedDeckSplitsAndKeepsNotesAsMarpDoes() throws Exception {
        assertLikeMarp(Path.of("slides/ledelse-i-en-frisat-kommune.md"), true);
    }

    @Test
    void backgroundImagesHeaderFooterAndFitLeaveSlidesAndNotesAsMarps() throws Exception {
        assertLikeMarp(DIR.resolve("backgrounds.md"), false);
    }

    @Test
    void emojiShortcodesInTitlesBecomeEmojiAsInMarp() throws Exception {
        assertLikeMarp(DIR.resolve("backgrounds.md"), true);
    }

    @Test
    void everyThematicBreakSplitsButSetextUnderlinesFencesAndLongFrontMatterFencesDoNot() throws Exception {
        assertLikeMarp(DIR.resolve("separators.md"), true);
    }

    @Test
    void dashesAndHeadingsInsideMultiLineCommentsStayInTheNoteAndInlineNotesAreKept() throws Exception {
        assertLikeMarp(DIR.resolve("comments.md"), true);
    }

    @Test
    void mathAndFencedCodeSplitAsMarpDoes() throws Exception {
        assertLikeMarp(DIR.resolve("math.md"), true);
    }

    @Test
    void headingDividerInAGlobalDirectiveCommentSplitsAsInFrontMatter() throws Exception {
        assertLikeMarp(DIR.resolve("heading-divider.md"), true);
    }

    @Test
    void directiveCommentsAreNotNotesButUnknownKeysMagicCommentsAndStandaloneFitAreAsInMarp() throws Exception {
        assertLikeMarp(DIR.resolve("directives.md"), true);
    }

    @Test
    void directiveCommentsOfRealDecksLeaveExactlyTheNarration() throws Exception {
        Deck deck = deck(DIR.resolve("directives.md"));
        // <!-- _paginate: false -->, <!-- transition: cube --> (Marp CLI) and a two-line _class/_footer comment are
        // directives; the narration alone is the note.
        assertThat(deck.slides().get(0).notes()).isEqualTo("Narration for the first slide.");
        // Text after a comment's --> on its closing line is hidden in Marp, so it must not reach the slide either.
        assertThat(deck.slides().get(1).html()).doesNotContain("closing line").doesNotContain("second is hidden");
        assertThat(deck.slides().get(3).title()).isEqualTo("👋 code in a title :nope_x: 👍 ❌smile:");
        assertThat(deck.slides().get(4).title()).isEqualTo("Välkommen ☁️ struck ~single~");
        assertThat(deck.slides().get(4).html()).contains("<del>struck</del> ~single~");
    }

    @Test
    void emptySlidesAreKeptAsMarpKeepsThem() throws Exception {
        assertLikeMarp(DIR.resolve("empty-slides.md"), true);
        // Each slide starts on the line after its separator (the first after the front matter), the last one after
        // the deck's closing '---' too.
        assertThat(deck(DIR.resolve("empty-slides.md")).slides()).extracting(DeckSlide::line)
                .containsExactly(4, 6, 10, 12, 15);
    }

    @Test
    void headingDividerListsInFrontMatterAndInACommentDivideOnlyAtTheirLevels() throws Exception {
        assertLikeMarp(DIR.resolve("heading-divider-array.md"), true);
        assertLikeMarp(DIR.resolve("heading-divider-comment-array.md"), true);
    }

    @Test
    void aSeparatorRightBeforeADividingHeadingMakesAnEmptySlideAsInMarp() throws Exception {
        // Marpit divides before a heading once the deck so far shows anything, a separator included; comments, styles
        // and link definitions show nothing. Eight slides (trial of issue 18); a slide's line is its first line after its separator, a
        // divided heading's own line.
        assertLikeMarp(DIR.resolve("heading-divider-separator.md"), true);
        assertThat(deck(DIR.resolve("heading-divider-separator.md")).slides()).extracting(DeckSlide::line)
                .containsExactly(5, 7, 8, 11, 12, 17, 20, 24);
    }

    @Test
    void aCommentNeverClosedHidesTheRestOfTheDeckAsInMarp() throws Exception {
        assertLikeMarp(DIR.resolve("unclosed-comment.md"), true);
        String html = deck(DIR.resolve("unclosed-comment.md")).slides().get(0).html();
        assertThat(html).contains("Text before the drafts.").doesNotContain("draft slide").doesNotContain("alert")
                .doesNotContain("Drafts below");
    }

    @Test
    void frontMatterNeverClosedIsRefusedNamingItsLineBecauseMarpShowsNothingOfTheDeck() {
        // marp-core 5.0.2 renders this deck as one empty slide: the open front matter swallows everything.
        String markdown = "---\n# Opened with a rule, never closed\n\nMarp reads it all as front matter.\n";
        assertThatThrownBy(() -> parser.parse("open.md", markdown)).isInstanceOf(DeckException.class)
                .hasMessage("open.md:1: front matter starts with '---' but is never closed");
    }

    @Test
    void blockMathShieldsRulesAndSetextUnderlinesAndAnOpenBlockRunsToTheEndAsInMarpWithKatex() throws Exception {
        assertLikeMarp(DIR.resolve("math-blocks.md"), true);
        assertThat(deck(DIR.resolve("math-blocks.md")).slides().get(0).html()).contains("<p>$$\na = b\n\n---\n\nc = d\n$$</p>");
    }
}
