package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/**
 * Marp decks without polls open: directives, themes, loose front matter, {@code headingDivider}, background images
 * and raw HTML. The decks in {@code src/test/resources/decks} use the constructs seen in public Marp decks.
 */
class MarpDeckTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private Deck deck(String name) throws Exception {
        return parser.parse(name, Files.readString(Path.of("src/test/resources/decks", name)), "/slides/");
    }

    @Test
    void directivesAreNotNotesAndDashesSplitSlides() throws Exception {
        Deck deck = deck("marp-directives.md");
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("Velkommen", "Plan", "Tre gode råd", null);
        assertThat(deck.slides()).extracting(DeckSlide::notes).containsExactly(null, null,
                "Husk at nævne Frikommuneforsøg II", null);
        assertThat(deck.polls()).isEmpty();
        assertThat(deck.title()).isEqualTo("Velkommen");
    }

    @Test
    void relativeImagesPointIntoTheSlidesFolderAndFitCommentsDisappear() throws Exception {
        String html = deck("marp-directives.md").slides().get(2).html();
        assertThat(html).isEqualTo("<p><img src=\"/slides/img/frikommune.png\" alt=\"bg right:40%\"></p>\n"
                + "<h1>Tre <strong>gode</strong> råd</h1>\n");
    }

    @Test
    void codeBlocksStayCode() throws Exception {
        assertThat(deck("marp-directives.md").slides().get(3).html())
                .isEqualTo("<pre><code class=\"language-mermaid\">flowchart LR\n    A --&gt; B\n</code></pre>\n");
    }

    @Test
    void headingDividerSplitsBeforeHeadingsUpToItsLevelEvenWithLooseFrontMatter() throws Exception {
        Deck deck = deck("marp-heading-divider.md");
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("Ledelse i praksis", "Første del",
                "Anden del");
        assertThat(deck.slides()).extracting(DeckSlide::line).containsExactly(8, 15, 21);
        assertThat(deck.slides().get(1).html()).contains("<h3>Detaljer uden nyt dias</h3>");
    }

    @Test
    void rawHtmlKeepsItsFormattingButNothingRuns() throws Exception {
        String html = deck("marp-heading-divider.md").slides().get(2).html();
        assertThat(html).contains("<div>\n<strong>Vigtigt</strong><br>\nTekst i en boks\n</div>")
                .doesNotContain("<style", "color: red", "<script", "alert(", "class=\"box\"");
    }
}
