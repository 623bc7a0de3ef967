package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;
import dk.afstemning.talk.DeckPage;

/**
 * The deck editor's write-back (issue 17, part 3): a deck cut into its slides' source and written back is the same
 * text; edits change only the slides they touch; a PDF deck's manifest gives its page and poll slides.
 */
class DeckSourceTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());
    private static final java.util.function.Predicate<String> KEEP = inner -> PdfDecks.PAGE_COMMENT.matcher(inner)
            .matches() || !MarpComments.isNote(inner, false);

    private static final String DECK = """
            ---
            title: Test
            lang: da
            ---

            # One

            <!-- _class: lead -->
            <!-- the first note -->

            ---

            ## Two
            ```html
            <!-- not a note -->
            ```

            ---
            ## Three
            """;

    private DeckSource source(String text) {
        return DeckSource.of(text, parser.parse("t.md", text));
    }

    private static String seed() throws IOException {
        return Files.readString(Path.of("slides/ledelse-i-en-frisat-kommune.md"), StandardCharsets.UTF_8);
    }

    @Test
    void theSeedDeckComesBackByteForByteFromANoOpSave() throws IOException {
        String seed = seed();
        DeckSource source = source(seed);
        assertThat(source.size()).isEqualTo(parser.parse("seed.md", seed).slides().size());
        assertThat(source.text()).isEqualTo(seed);
    }

    @Test
    void newNotesReplaceTheOldNotesAndKeepMarpDirectivesOfTheSlide() {
        String body = "# A\n\n<!-- _paginate: false -->\n<!-- transition: cube -->\n<!-- foo: bar -->\n<!-- old note -->\n";
        assertThat(DeckSource.withNotes(body, "new", KEEP))
                .isEqualTo("# A\n\n<!-- _paginate: false -->\n<!-- transition: cube -->\n<!-- new -->\n");
    }

    @Test
    void emptySlidesMarpKeepsComeBackByteForByteWithOrWithoutAFinalLineEnd() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/marp/empty-slides.md"), StandardCharsets.UTF_8);
        for (String deck : List.of(text, text.stripTrailing(), "# A\n\n---\n\n---\n# B\n---")) {
            DeckSource source = source(deck);
            assertThat(source.size()).isEqualTo(parser.parse("t.md", deck).slides().size());
            assertThat(source.text()).isEqualTo(deck);
        }
    }

    @Test
    void everyMarpSeparatorIsAGapNotSlideTextAndTheDeckComesBackByteForByte() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/marp/separators.md"), StandardCharsets.UTF_8);
        DeckSource source = source(text);
        assertThat(source.size()).isEqualTo(6);
        assertThat(source.get(0).body()).endsWith("Setext heading, level two\n---\n\nStill slide one: the dashes above "
                + "underline a heading.\n");
        assertThat(source.get(1).body()).isEqualTo("# Slide two (after ***)\n");
        assertThat(source.get(1).gap()).isEqualTo("\n___\n\n");
        assertThat(source.get(3).gap()).isEqualTo("\n-----------------\n\n");
        assertThat(source.text()).isEqualTo(text);
    }

    @Test
    void aPollAddedAfterASlideIsItsOwnSlideAndTheOthersKeepTheirText() {
        DeckSource source = source(DECK);
        PollForm form = new PollForm("", "choice", "Hvad får du mest værdi ud af?", List.of("Viden", "", "Erfaringer"),
                Map.of("results", "hidden", "min", "3"));
        source.insert(1, form.slide(TestPollTypes.all(), "hvad-faar-du", "Spørg salen"));
        String text = source.text();
        assertThat(text).isEqualTo("""
                ---
                title: Test
                lang: da
                ---

                # One

                <!-- _class: lead -->
                <!-- the first note -->

                ---

                ## Hvad får du mest værdi ud af?

                ```poll
                id: hvad-faar-du
                type: choice
                question: Hvad får du mest værdi ud af?
                options:
                  - Viden
                  - Erfaringer
                results: hidden
                ```

                <!-- Spørg salen -->

                ---

                ## Two
                ```html
                <!-- not a note -->
                ```

                ---
                ## Three
                """);
        Deck deck = parser.parse("t.md", text);
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("One", "Hvad får du mest værdi ud af?",
                "Two", "Three");
        DeckSlide poll = deck.slides().get(1);
        assertThat(poll.poll().options()).extracting(PollSpec.OptionSpec::text).containsExactly("Viden", "Erfaringer");
        assertThat(poll.poll().settings().resultsHidden()).isTrue();
        assertThat(poll.notes()).isEqualTo("Spørg salen");
    }

    @Test
    void movingAPollSwapsItWithItsNeighbourAndTheLastSlideEndsTheDeck() {
        DeckSource source = source(DECK);
        source.insert(3, new PollForm("p", "choice", "Q", List.of("A", "B"), Map.of())
                .slide(TestPollTypes.all(), "p", null));
        source.swap(3, 2);
        Deck deck = parser.parse("t.md", source.text());
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("One", "Two", "Q", "Three");
        assertThat(source.text()).endsWith("```\n\n---\n\n## Three\n");
        source.swap(2, 3);
        assertThat(source.text()).endsWith("<!-- not a note -->\n```\n\n---\n## Three\n\n---\n\n## Q\n\n```poll\n"
                + "id: p\ntype: choice\nquestion: Q\noptions:\n  - A\n  - B\n```\n");
        assertThat(parser.parse("t.md", source.text()).slides()).extracting(DeckSlide::title)
                .containsExactly("One", "Two", "Three", "Q");
    }

    @Test
    void notesAreReplacedWhileDirectivesAndCommentsInCodeStay() {
        DeckSource source = source(DECK);
        source.set(0, DeckSource.withNotes(source.get(0).body(), "New --> note", KEEP));
        source.set(1, DeckSource.withNotes(source.get(1).body(), "Second", KEEP));
        String text = source.text();
        assertThat(text).contains("# One\n\n<!-- _class: lead -->\n<!-- New --&gt; note -->\n\n---\n")
                .contains("## Two\n```html\n<!-- not a note -->\n```\n\n<!-- Second -->\n\n---\n## Three\n");
        Deck deck = parser.parse("t.md", text);
        assertThat(deck.slides()).extracting(DeckSlide::notes).containsExactly("New --> note", "Second", null);
        assertThat(deck.slides().get(1).html()).contains("&lt;!-- not a note --&gt;");
    }

    @Test
    void aFormIsCheckedByThePollBlockParserWithItsOwnMessages() {
        DeckSource source = source(DECK);
        source.insert(1, new PollForm("x", "scale", "Hvor enig?", List.of("A", "B"), Map.of("min", "en", "low", "Uenig"))
                .slide(TestPollTypes.all(), "x", null));
        assertThatThrownBy(() -> parser.parse("t.md", source.text())).isInstanceOf(DeckException.class)
                .extracting(e -> ((DeckException) e).reason()).isEqualTo("'min' must be a whole number, not 'en'");
        DeckSource other = source(DECK);
        other.insert(1, new PollForm("x", "choice", "", List.of("A"), Map.of()).slide(TestPollTypes.all(), "x", null));
        assertThatThrownBy(() -> parser.parse("t.md", other.text()))
                .extracting(e -> ((DeckException) e).reason()).isEqualTo("poll 'x' has no 'question'");
    }

    @Test
    void aPollFormReadsBackFromItsBlock() {
        PollForm form = new PollForm("q", "quiz", "2 + 2?", List.of("3", "4"), Map.of("correct", "4\n", "time-limit",
                "30"));
        String yaml = form.yaml(TestPollTypes.all(), "q", Map.of());
        assertThat(yaml).isEqualTo("id: q\ntype: quiz\nquestion: 2 + 2?\noptions:\n  - '3'\n  - '4'\ntime-limit: 30\n"
                + "correct:\n  - '4'\n");
        PollForm back = PollForm.of(yaml);
        assertThat(back.options()).containsExactly("3", "4");
        assertThat(back.keys()).containsEntry("correct", "4").containsEntry("time-limit", "30");
        assertThat(PollForm.idFrom("Hvad får du mest værdi ud af?")).isEqualTo("hvad-faar-du-mest-vaerdi-ud-af");
    }

    @Test
    void aPdfManifestGivesPageSlidesWithNotesAndPollSlidesBetweenThem() {
        List<DeckPage> pages = pages(3);
        String manifest = PdfDecks.manifest("Foredrag", "da", java.util.Arrays.asList(null, "Noter til side 2", null));
        assertThat(manifest).isEqualTo("---\ntitle: Foredrag\nlang: da\n---\n\n<!-- page: 1 -->\n\n---\n\n"
                + "<!-- page: 2 -->\n<!-- Noter til side 2 -->\n\n---\n\n<!-- page: 3 -->\n");
        DeckSource source = DeckSource.of(manifest, parser.parse("f.pdf", manifest));
        source.insert(2, new PollForm("afstemning", "choice", "Hvad?", List.of("A", "B"), Map.of())
                .slide(TestPollTypes.all(), "afstemning", null));
        Deck deck = PdfDecks.deck(parser, "f.pdf", source.text(), pages);
        assertThat(deck.title()).isEqualTo("Foredrag");
        assertThat(deck.language()).isEqualTo("da");
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("Page one", "Page two", "Hvad?",
                "Page three");
        assertThat(deck.slides()).extracting(DeckSlide::notes).containsExactly(null, "Noter til side 2", null, null);
        assertThat(deck.slides().get(1).html()).startsWith("<img class=\"pdf-page\" src=\"/deck-images/image-2\"");
        assertThat(deck.slides().get(2).poll().id()).isEqualTo("afstemning");
        assertThat(deck.slides()).extracting(DeckSlide::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anOldManifestMeansEveryPageInOrderAndAMissingPageIsRefused() {
        List<DeckPage> pages = pages(3);
        Deck deck = PdfDecks.deck(parser, "f.pdf", PdfDecks.manifest("Gammel", "en"), pages);
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("Page one", "Page two", "Page three");
        assertThat(PdfDecks.explicit(PdfDecks.manifest("Gammel", "en"), 2))
                .isEqualTo("---\ntitle: Gammel\nlang: en\n---\n\n<!-- page: 1 -->\n\n---\n\n<!-- page: 2 -->\n");
        assertThatThrownBy(() -> PdfDecks.deck(parser, "f.pdf", "---\ntitle: X\n---\n\n<!-- page: 4 -->\n", pages))
                .hasMessage("f.pdf:4: page 4 does not exist; the PDF has 3 pages");
    }

    @Test
    void aPowerPointManifestKeepsSlideTitlesAndNotesThatStayOneComment() {
        List<DeckPage> pages = pages(3);
        String manifest = PdfDecks.pagesManifest("Tale", "da", List.of(
                new PdfDecks.PageSlide("Første dias", "Sig hej --> nu"), new PdfDecks.PageSlide(null, null),
                new PdfDecks.PageSlide("Tredje", "---\n```\nkode\n```")));
        assertThat(manifest).isEqualTo("---\ntitle: Tale\nlang: da\n---\n\n<!-- page: 1 -->\n<!-- Sig hej --&gt; nu -->\n\n"
                + "# Første dias\n\n---\n\n<!-- page: 2 -->\n\n---\n\n<!-- page: 3 -->\n<!-- - - -\n    ```\nkode\n"
                + "    ``` -->\n\n# Tredje\n");
        Deck deck = PdfDecks.deck(parser, "tale.pptx", manifest, pages);
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("Første dias", "Page two", "Tredje");
        assertThat(deck.slides()).extracting(DeckSlide::notes).containsExactly("Sig hej --> nu", null,
                "- - -\n    ```\nkode\n    ```");
        assertThat(deck.slides().get(0).html()).startsWith("<img class=\"pdf-page\" src=\"/deck-images/image-1\"");
        // The editor's notes change keeps the title heading.
        DeckSource source = DeckSource.of(manifest, parser.parse("tale.pptx", manifest));
        source.set(0, DeckSource.withNotes(source.get(0).body(), "Nye noter", KEEP));
        Deck edited = PdfDecks.deck(parser, "tale.pptx", source.text(), pages);
        assertThat(edited.slides()).extracting(DeckSlide::title).containsExactly("Første dias", "Page two", "Tredje");
        assertThat(edited.slides()).extracting(DeckSlide::notes).containsExactly("Nye noter", null,
                "- - -\n    ```\nkode\n    ```");
    }

    private static List<DeckPage> pages(int count) {
        String[] words = {"one", "two", "three"};
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(n -> {
            DeckPage page = new DeckPage();
            page.position = n;
            page.text = "Page " + words[n - 1] + "\nBody";
            page.imageHash = "image-" + n;
            page.thumbHash = "thumb-" + n;
            page.width = 1920;
            page.height = 1080;
            return page;
        }).toList();
    }
}
