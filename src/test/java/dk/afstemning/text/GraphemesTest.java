package dk.afstemning.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Lengths in user-visible characters (UAX #29 extended grapheme clusters) and truncation that never cuts one. */
class GraphemesTest {

    static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 👩‍👩‍👧, 8 UTF-16 units
    static final String DANISH_FLAG = "\uD83C\uDDE9\uD83C\uDDF0"; // 🇩🇰, two regional indicators
    static final String RAINBOW_FLAG = "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08"; // 🏳️‍🌈
    static final String THUMB_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD"; // 👍🏽
    static final String E_ACUTE_NFD = "e\u0301";

    @Test
    void emojiZwjSequenceIsOneCharacter() {
        assertThat(FAMILY).hasSize(8);
        assertThat(Graphemes.count(FAMILY)).isEqualTo(1);
        assertThat(Graphemes.count(RAINBOW_FLAG)).isEqualTo(1);
        assertThat(Graphemes.count(THUMB_MEDIUM)).isEqualTo(1);
    }

    @Test
    void flagsAreOneCharacterEach() {
        assertThat(Graphemes.count(DANISH_FLAG)).isEqualTo(1);
        assertThat(Graphemes.count(DANISH_FLAG + "\uD83C\uDDEC\uD83C\uDDE7")).isEqualTo(2); // 🇩🇰🇬🇧
    }

    @Test
    void combiningMarksBelongToTheirBase() {
        assertThat(Graphemes.count(E_ACUTE_NFD)).isEqualTo(1);
        assertThat(Graphemes.count("Å" + "A\u030A" + "ø")).isEqualTo(3);
        assertThat(Graphemes.count("Tillid")).isEqualTo(6);
        assertThat(Graphemes.count("")).isZero();
        assertThat(Graphemes.count(null)).isZero();
        assertThat(Graphemes.count("a\r\nb")).isEqualTo(3);
    }

    @Test
    void truncationKeepsWholeClusters() {
        String text = "ab" + FAMILY + "cd";
        assertThat(Graphemes.count(text)).isEqualTo(5);
        assertThat(Graphemes.truncate(text, 3)).isEqualTo("ab" + FAMILY);
        assertThat(Graphemes.truncate(text, 2)).isEqualTo("ab");
        assertThat(Graphemes.truncate(DANISH_FLAG + DANISH_FLAG, 1)).isEqualTo(DANISH_FLAG);
        assertThat(Graphemes.truncate("caf" + E_ACUTE_NFD + "!", 4)).isEqualTo("caf" + E_ACUTE_NFD);
        assertThat(Graphemes.truncate(text, 5)).isSameAs(text);
        assertThat(Graphemes.truncate(text, 50)).isSameAs(text);
        assertThat(Graphemes.truncate(text, 0)).isEmpty();
        assertThatThrownBy(() -> Graphemes.truncate(text, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A stored text fits its column: at most max characters and max × 8 UTF-16 units (trial of issue 21, item 14). */
    @Test
    void aTextFitsWhenItsCharactersAndItsUnitsDo() {
        String coder = "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"; // 👩🏽‍💻, 7 units
        assertThat(Graphemes.fits(coder.repeat(300), 300)).isTrue();
        assertThat(Graphemes.fits(coder.repeat(301), 300)).isFalse();
        assertThat(Graphemes.fits("a" + "\u0301".repeat(2399), 300)).isTrue(); // 2,400 units, one character
        assertThat(Graphemes.fits("a" + "\u0301".repeat(2400), 300)).isFalse();
        assertThat(Graphemes.fits(null, 1)).isTrue();
        assertThat(Graphemes.fits("abcd", 4, 3)).isFalse();

        assertThat(Graphemes.clip(coder.repeat(301), 300)).isEqualTo(coder.repeat(300));
        String piled = "a" + "\u0301".repeat(2500) + "b";
        assertThat(Graphemes.clip(piled, 2)).isEmpty(); // the one cluster that does not fit is left out whole
        assertThat(Graphemes.clip("ab" + FAMILY, 2)).isEqualTo("ab");
        assertThat(Graphemes.clip(null, 3)).isNull();
    }
}
