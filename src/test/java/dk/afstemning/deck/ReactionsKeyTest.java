package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/** The front matter's {@code reactions}: on unless the deck says off; anything else names file and line. */
class ReactionsKeyTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private Deck parse(String frontMatter) {
        return parser.parse("r.md", "---\ntitle: R\n" + frontMatter + "---\n\n# One\n");
    }

    @Test
    void reactionsAreOnUnlessTheDeckTurnsThemOff() {
        assertThat(parse("").reactions()).isTrue();
        assertThat(parse("reactions: on\n").reactions()).isTrue();
        assertThat(parse("reactions: off\n").reactions()).isFalse();
        assertThat(parse("reactions: false\n").reactions()).isFalse();
        assertThat(parse("reactions: \"Off\"\n").reactions()).isFalse();
        assertThat(parse("profanity-filter: false\n").profanityFilter()).isFalse();
    }

    @Test
    void anotherValueIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> parse("lang: da\nreactions: sometimes\n")).isInstanceOf(DeckException.class)
                .hasMessage("r.md:4: front matter 'reactions' must be on or off");
        assertThatThrownBy(() -> parse("profanity-filter: off-ish\n")).isInstanceOf(DeckException.class)
                .hasMessage("r.md:3: front matter 'profanity-filter' must be true or false");
    }
}
