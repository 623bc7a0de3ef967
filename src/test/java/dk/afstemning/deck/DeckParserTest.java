package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/** The deck format: front matter, slides, tables, notes, poll blocks, and errors that name file and line. */
class DeckParserTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private Deck seed() throws Exception {
        Path file = Path.of("slides/ledelse-i-en-frisat-kommune.md");
        return parser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void seedDeckHasTheAfstemningPollWithBothStatementsWordForWord() throws Exception {
        Deck deck = seed();
        assertThat(deck.polls()).extracting(PollSpec::id)
                .containsExactly("afstemning", "tilgange", "ny-kultur", "kontinuum", "raad", "quiz-kommuner",
                        "ordsky-ledelse", "fri-spoergsmaal");
        assertThat(deck.polls()).extracting(PollSpec::type)
                .containsExactly("choice", "multiple", "scale", "slider", "ranking", "quiz", "wordcloud", "open");
        PollSpec poll = deck.polls().get(0);
        assertThat(poll.id()).isEqualTo("afstemning");
        assertThat(poll.type()).isEqualTo("choice");
        assertThat(poll.question()).isEqualTo("Hvad får du mest værdi ud af?");
        assertThat(poll.options()).extracting(PollSpec.OptionSpec::text).containsExactly(
                "Jeg får mest værdi ud af den forskningsmæssige viden.",
                "Jeg får mest værdi ud af de praktisk baserede erfaringer fra frikommunerne.");
        DeckSlide slide = deck.slides().stream().filter(s -> s.poll() != null).findFirst().orElseThrow();
        assertThat(slide.title()).isEqualTo("Afstemning");
        assertThat(slide.notes()).startsWith("Spørg salen");
    }

    @Test
    void seedDeckFrontMatter() throws Exception {
        Deck deck = seed();
        assertThat(deck.title()).isEqualTo("Ledelse i en frisat kommune – Perspektiver og erfaringer");
        assertThat(deck.speaker()).isEqualTo("Ulf Hjelm, professor mso");
        assertThat(deck.organisation()).isEqualTo("VIVE");
        assertThat(deck.date()).isEqualTo(LocalDate.of(2022, 11, 2));
        assertThat(deck.language()).isEqualTo("da");
        assertThat(deck.slides()).hasSize(17);
        assertThat(deck.slides().get(9).title()).isEqualTo("Workshop-spørgsmål");
    }

    @Test
    void seedDeckFrikommuneTableIsATable() throws Exception {
        DeckSlide table = seed().slides().get(2);
        assertThat(table.title()).isEqualTo("Lidt om frikommunerne");
        assertThat(table.html()).contains("<table>", "<th align=\"right\">Antal forsøg</th>",
                "<td>Frikommuneforsøg III</td>", "<td>2021-24</td>", "<td align=\"right\">44</td>");
    }

    @Test
    void slidesSplitOnDashLinesButNotInsideCodeBlocks() {
        Deck deck = parser.parse("d.md", "# One\n\n---\n\n# Two\n\n```\n---\n```\n\n---\n# Three\n");
        assertThat(deck.slides()).extracting(DeckSlide::title).containsExactly("One", "Two", "Three");
        assertThat(deck.slides()).extracting(DeckSlide::line).containsExactly(1, 4, 12);
        assertThat(deck.title()).isEqualTo("One");
        assertThat(deck.language()).isEqualTo("en");
    }

    @Test
    void rawHtmlIsSanitisedSoNothingRunsAndJavascriptLinksAreDropped() {
        Deck deck = parser.parse("d.md", "# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[link](javascript:alert(3)) <b onclick=\"alert(4)\">fed</b>\n");
        assertThat(deck.slides().get(0).html()).isEqualTo(
                "<h1>T</h1>\n\n<img src=\"x\">\n<p><a href=\"\">link</a> <b>fed</b></p>\n");
    }

    @Test
    void commentsBecomeSpeakerNotesAndLeaveTheSlide() {
        DeckSlide slide = parser.parse("d.md", "# T\n\nText\n\n<!-- say hello -->\n").slides().get(0);
        assertThat(slide.notes()).isEqualTo("say hello");
        assertThat(slide.html()).isEqualTo("<h1>T</h1>\n<p>Text</p>\n");
    }

    @Test
    void optionsMayHaveExplicitIds() {
        PollSpec poll = parser.parse("d.md", "```poll\nid: p\nquestion: Q?\noptions:\n  - id: yes\n    text: Ja\n"
                + "  - Nej\n```\n").polls().get(0);
        assertThat(poll.options()).extracting(PollSpec.OptionSpec::key).containsExactly("yes",
                PollBlockParser.derivedKey("Nej"));
        assertThat(poll.line()).isEqualTo(1);
    }

    @Test
    void unknownKeyNamesFileAndLine() {
        String deck = "---\ntitle: T\n---\n\n# A\n\n---\n\n```poll\nid: q\nquestion: Q?\ncolour: red\noptions: [a, b]\n```\n";
        assertThatThrownBy(() -> parser.parse("broken.md", deck)).isInstanceOf(DeckException.class)
                .hasMessage("broken.md:12: unknown key 'colour' in poll block; allowed keys are correct, high, id, low, max, max-chars, max-entries, min, moderation, options, phone-results, profanity-filter, question, results, time-limit, type, vote-changes")
                .extracting(e -> ((DeckException) e).line()).isEqualTo(12);
    }

    @Test
    void missingIdNamesTheFenceLine() {
        assertThatThrownBy(() -> parser.parse("d.md", "# A\n\n```poll\nquestion: Q?\noptions: [a, b]\n```\n"))
                .hasMessage("d.md:3: poll block has no 'id'");
    }

    @Test
    void wrongTypesAndBadValuesNameTheirLine() {
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: just one\n```\n"))
                .hasMessage("d.md:4: 'options' must be a list");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions:\n  - only\n```\n"))
                .hasMessage("d.md:5: a poll needs at least 2 options");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: Bad Id\nquestion: Q?\noptions: [a, b]\n```\n"))
                .hasMessage("d.md:2: poll id 'Bad Id' must be 1-64 lower-case letters, digits, '-' or '_'");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\ntype: cloud\nquestion: Q?\noptions: [a, b]\n```\n"))
                .hasMessage("d.md:3: unsupported poll type 'cloud'; supported: choice, multiple, open, quiz, ranking, scale, slider, wordcloud");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: [a, b]\noptions: [a, b]\n```\n"))
                .hasMessage("d.md:3: question must be a single value, not a list or mapping");
    }

    @Test
    void invalidYamlNamesItsLine() {
        assertThatThrownBy(() -> parser.parse("d.md", "# A\n\n```poll\nid: q\nquestion: \"unclosed\noptions: [a, b]\n```\n"))
                .isInstanceOf(DeckException.class).hasMessageStartingWith("d.md:");
        DeckException e = org.junit.jupiter.api.Assertions.assertThrows(DeckException.class,
                () -> parser.parse("d.md", "```poll\nid: q\nid: r\nquestion: Q?\noptions: [a, b]\n```\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.reason()).isEqualTo("duplicate key 'id'");
    }

    @Test
    void unclosedFenceAndFrontMatterAreErrors() {
        assertThatThrownBy(() -> parser.parse("d.md", "# A\n\n---\n\n```poll\nid: q\n"))
                .hasMessage("d.md:5: code block opened here is never closed");
        assertThatThrownBy(() -> parser.parse("d.md", "---\ntitle: T\n# A\n"))
                .hasMessage("d.md:1: front matter starts with '---' but is never closed");
    }

    @Test
    void duplicatePollIdsAndTwoPollsOnASlideAreErrors() {
        String poll = "```poll\nid: q\nquestion: Q?\noptions: [a, b]\n```\n";
        assertThatThrownBy(() -> parser.parse("d.md", poll + "\n---\n\n" + poll))
                .hasMessage("d.md:9: poll id 'q' is used twice");
        assertThatThrownBy(() -> parser.parse("d.md", poll + "\n" + poll.replace("id: q", "id: r")))
                .hasMessage("d.md:7: a slide holds at most one poll; start a new slide with ---");
    }

    @Test
    void hostileOptionTextIsKeptExactly() {
        List<String> hostile = List.of("<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
                "**fed** _kursiv_", ":)", "{\"type\":\"results\",\"counts\":{\"A\":999}}", "${7*7}", "{msg:title}",
                "[link](javascript:alert(3))");
        StringBuilder deck = new StringBuilder("```poll\nid: q\nquestion: Q?\noptions:\n");
        hostile.forEach(h -> deck.append("  - '").append(h.replace("'", "''")).append("'\n"));
        PollSpec poll = parser.parse("d.md", deck.append("```\n").toString()).polls().get(0);
        assertThat(poll.options()).extracting(PollSpec.OptionSpec::text).containsExactlyElementsOf(hostile);
    }

    @Test
    void frontMatterErrorsNameTheKeysLine() {
        // A free-text date is ignored (issue 18; DeckFormatsTest checks the warning); the other keys stay strict.
        assertThat(parser.parse("d.md", "---\ntitle: T\ndate: 2. november\n---\n# A\n").date()).isNull();
        assertThatThrownBy(() -> parser.parse("d.md", "---\ntitle: T\nspeaker: x\nlang: dansk\n---\n# A\n"))
                .hasMessage("d.md:4: front matter 'lang' must be a language code such as da or en");
    }

    @Test
    void theAccentColourIsAHexColourNamedInTheError() {
        assertThat(parser.parse("d.md", "---\ntitle: T\naccent: \"#AA3377\"\n---\n# A\n").accent()).isEqualTo("#aa3377");
        assertThat(parser.parse("d.md", "---\ntitle: T\n---\n# A\n").accent()).isNull();
        assertThatThrownBy(() -> parser.parse("d.md", "---\ntitle: T\nspeaker: x\naccent: red\n---\n# A\n"))
                .hasMessage("d.md:4: front matter 'accent' must be a colour such as \"#0047a0\" (quoted: # starts a "
                        + "comment in YAML)");
        assertThatThrownBy(() -> parser.parse("d.md", "---\ntitle: T\naccent: \"#12345\"\n---\n# A\n"))
                .hasMessage("d.md:3: front matter 'accent' must be a colour such as \"#0047a0\" (quoted: # starts a "
                        + "comment in YAML)");
        // Unquoted, the colour is a YAML comment and the key has no value: refused, not silently the default (trial).
        assertThatThrownBy(() -> parser.parse("d.md", "---\ntitle: T\naccent: #00ff00\n---\n# A\n"))
                .hasMessage("d.md:3: front matter 'accent' must be a colour such as \"#0047a0\" (quoted: # starts a "
                        + "comment in YAML)");
    }

    @Test
    void phoneResultsComeFromThePollBlockElseTheFrontMatterElseAfterVote() {
        String polls = "# A\n\n```poll\nid: a\nquestion: Q?\noptions: [x, y]\nphone-results: never\n```\n\n---\n\n"
                + "```poll\nid: b\nquestion: Q?\noptions: [x, y]\n```\n";
        Deck plain = parser.parse("d.md", polls);
        assertThat(plain.polls()).extracting(plain::phoneResults).containsExactly("never", "after-vote");
        Deck closing = parser.parse("d.md", "---\ntitle: T\nphone-results: after-close\n---\n" + polls);
        assertThat(closing.polls()).extracting(closing::phoneResults).containsExactly("never", "after-close");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: [a, b]\n"
                + "phone-results: always\n```\n"))
                .hasMessage("d.md:5: 'phone-results' must be one of after-vote, after-close, never, not 'always'");
        assertThatThrownBy(() -> parser.parse("d.md", "---\ntitle: T\nspeaker: S\nphone-results: later\n---\n# A\n"))
                .hasMessage("d.md:4: front matter 'phone-results' must be one of after-vote, after-close, never, "
                        + "not 'later'");
    }

    @Test
    void pollSettingsAreReadStrictly() {
        PollSpec poll = parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: [a, b]\nresults: hidden\n"
                + "vote-changes: false\ntime-limit: 60\n```\n").polls().get(0);
        assertThat(poll.settings()).isEqualTo(new PollSpec.Settings(true, false, 60));
        assertThat(parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: [a, b]\n```\n").polls().get(0)
                .settings()).isEqualTo(PollSpec.Settings.DEFAULT);
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: [a, b]\nresults: secret\n```\n"))
                .hasMessage("d.md:5: 'results' must be one of live, hidden, not 'secret'");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: [a, b]\ntime-limit: 2\n```\n"))
                .hasMessage("d.md:5: 'time-limit' must be a whole number of seconds from 5 to 3600, not '2'");
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: [a, b]\nvote-changes: maybe\n```\n"))
                .hasMessage("d.md:5: 'vote-changes' must be one of true, false, not 'maybe'");
    }

    /**
     * Issue 21, item 14: deck texts count user-visible characters like phones, answers and notes do. 👩🏽‍💻 is one
     * character of four code points (seven UTF-16 units): 75, 76 and 300 of them fit the 300-character limit, 301 do
     * not.
     */
    @Test
    void deckTextsCountUserVisibleCharacters() throws Exception {
        String coder = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB";
        for (int n : new int[] {75, 76, 300}) {
            Deck deck = parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: ['" + coder.repeat(n)
                    + "', b]\n```\n");
            assertThat(deck.polls().get(0).options().get(0).text()).isEqualTo(coder.repeat(n));
        }
        assertThatThrownBy(() -> parser.parse("d.md", "```poll\nid: q\nquestion: Q?\noptions: ['" + coder.repeat(301)
                + "', b]\n```\n")).isInstanceOf(DeckException.class)
                .hasMessageContaining("is longer than 300 characters");
    }
}
