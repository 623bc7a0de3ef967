package dk.afstemning.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dk.afstemning.deck.Deck;
import dk.afstemning.deck.DeckException;
import dk.afstemning.deck.DeckParser;
import dk.afstemning.polltype.TestPollTypes;

/** The deck's front matter {@code qa} and {@code profanity-filter}. */
class QaDeckSettingsTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private Deck parse(String frontMatter) {
        return parser.parse("qa.md", "---\ntitle: T\n" + frontMatter + "---\n\n# Slide\n");
    }

    @Test
    void seedDeckTakesQuestionsWithTheFilterOn() throws Exception {
        Path file = Path.of("slides/ledelse-i-en-frisat-kommune.md");
        Deck seed = parser.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        assertThat(seed.qa()).isEqualTo("on");
        assertThat(seed.profanityFilter()).isTrue();
    }

    @Test
    void qaIsOffUnlessTheDeckSaysOnOrModerated() {
        assertThat(parse("").qa()).isEqualTo("off");
        assertThat(parse("qa: on\n").qa()).isEqualTo("on");
        assertThat(parse("qa: true\n").qa()).isEqualTo("on");
        assertThat(parse("qa: moderated\n").qa()).isEqualTo("moderated");
        assertThat(parse("qa: Moderated\n").qa()).isEqualTo("moderated");
        assertThat(parse("qa: off\n").qa()).isEqualTo("off");
        assertThat(parse("qa: no\n").qa()).isEqualTo("off");
    }

    @Test
    void profanityFilterIsOnUnlessTheDeckSaysFalse() {
        assertThat(parse("").profanityFilter()).isTrue();
        assertThat(parse("profanity-filter: false\n").profanityFilter()).isFalse();
        assertThat(parse("profanity-filter: true\n").profanityFilter()).isTrue();
    }

    @Test
    void otherValuesStopTheImportNamingFileAndLine() {
        assertThatThrownBy(() -> parse("qa: sometimes\n")).isInstanceOf(DeckException.class)
                .hasMessage("qa.md:3: front matter 'qa' must be on, off or moderated");
        assertThatThrownBy(() -> parse("lang: da\nprofanity-filter: maybe\n")).isInstanceOf(DeckException.class)
                .hasMessage("qa.md:4: front matter 'profanity-filter' must be true or false");
    }

    @Test
    void profanityWordsAndAllowAreListsOfWordsAndPhrases() {
        Deck deck = parse("profanity-words: [skod, dumme svin]\nprofanity-allow: \"fanden, for helvede\"\n");
        assertThat(deck.profanityWords()).containsExactly("skod", "dumme svin");
        assertThat(deck.profanityAllow()).containsExactly("fanden", "for helvede");
        assertThat(parse("").profanityWords()).isEmpty();
        assertThat(parse("").profanityAllow()).isEmpty();
    }

    @Test
    void badProfanityListsStopTheImportNamingFileAndLine() {
        assertThatThrownBy(() -> parse("lang: da\nprofanity-words:\n  skod: 1\n")).isInstanceOf(DeckException.class)
                .hasMessage("qa.md:4: front matter 'profanity-words' must be a list of words, such as [fanden, for pokker]");
        assertThatThrownBy(() -> parse("profanity-allow: [\"!!\"]\n")).isInstanceOf(DeckException.class)
                .hasMessage("qa.md:3: front matter 'profanity-allow' lists '!!', which holds no letters or digits");
        assertThatThrownBy(() -> parse("profanity-words: [" + "x".repeat(51) + "]\n")).isInstanceOf(DeckException.class)
                .hasMessage("qa.md:3: front matter 'profanity-words' lists a word longer than 50 characters");
        String many = String.join(", ", java.util.stream.IntStream.rangeClosed(1, 201).mapToObj(i -> "w" + i).toList());
        assertThatThrownBy(() -> parse("profanity-words: [" + many + "]\n")).isInstanceOf(DeckException.class)
                .hasMessage("qa.md:3: front matter 'profanity-words' lists 201 words; at most 200 are allowed");
    }
}
