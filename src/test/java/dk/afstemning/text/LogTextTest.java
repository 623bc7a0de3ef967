package dk.afstemning.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 21, item 4: client text goes into the log quoted, escaped and capped, so it cannot forge or hide a line. */
class LogTextTest {

    @Test
    void lineBreaksAndTabsBecomeVisibleEscapes() {
        assertThat(LogText.quoted("evil\r\nDeckStartup presenter: x\tz"))
                .isEqualTo("\"evil\\r\\nDeckStartup presenter: x\\tz\"");
    }

    @Test
    void otherControlAndFormatCharactersAndSeparatorsBecomeUnicodeEscapes() {
        assertThat(LogText.quoted("a\u0000b\u001bc\u0085d\u2028e\u2029f\u202eg\u200bh"))
                .isEqualTo("\"a\\u0000b\\u001bc\\u0085d\\u2028e\\u2029f\\u202eg\\u200bh\"");
        assertThat(LogText.quoted("x\ud800y")).isEqualTo("\"x\\ud800y\"");
    }

    @Test
    void quotesAndBackslashesAreEscapedSoTheQuotesBoundTheText() {
        assertThat(LogText.quoted("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
    }

    @Test
    void lettersOfAnyScriptAndEmojiStayAsTheyAre() {
        assertThat(LogText.quoted("Æblegrød på Ærø 👍 Ωμέγα")).isEqualTo("\"Æblegrød på Ærø 👍 Ωμέγα\"");
    }

    @Test
    void aLongTextIsCutAt120CodePointsWithAnEllipsisAfterTheQuote() {
        assertThat(LogText.quoted("a".repeat(120))).isEqualTo("\"" + "a".repeat(120) + "\"");
        assertThat(LogText.quoted("a".repeat(4000))).isEqualTo("\"" + "a".repeat(120) + "\"…");
        assertThat(LogText.quoted("👍".repeat(121))).isEqualTo("\"" + "👍".repeat(120) + "\"…");
    }

    @Test
    void nullIsNone() {
        assertThat(LogText.quoted(null)).isEqualTo("(none)");
    }

    @Test
    void oneLineEscapesWhatBreaksOrMovesALineAndKeepsTheRest() {
        assertThat(LogText.oneLine("a\r\nb\u2028c\u2029d\u0085e\u001b[31mf\u202eg\th \\n \"q\" Ærø 👍"))
                .isEqualTo("a\\r\\nb\\u2028c\\u2029d\\u0085e\\u001b[31mf\\u202eg\th \\n \"q\" Ærø 👍");
        assertThat(LogText.oneLine("plain")).isSameAs("plain");
        assertThat(LogText.oneLine(null)).isNull();
    }
}
