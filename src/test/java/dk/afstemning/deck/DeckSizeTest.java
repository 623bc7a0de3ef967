package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/**
 * Issue 21, item 3: a deck holds at most {@link DeckParser#MAX_SLIDES} slides and {@link DeckParser#MAX_POLLS} polls;
 * one more is refused naming the file and the line of the first slide or poll too many.
 */
class DeckSizeTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    /** {@code slides} slides, the first {@code polls} of them with a poll each; one list entry per deck line. */
    private static List<String> deck(int slides, int polls) {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= slides; n++) {
            if (n > 1) {
                lines.add("---");
            }
            lines.add("# Slide " + n);
            if (n <= polls) {
                lines.addAll(List.of("```poll", "id: p" + n, "question: Question " + n + "?", "options:", "  - Yes",
                        "  - No", "```"));
            }
        }
        return lines;
    }

    @Test
    void aDeckOfThreeHundredSlidesAndAHundredPollsIsRead() {
        Deck deck = parser.parse("big.md", String.join("\n", deck(300, 100)));
        assertThat(deck.slides()).hasSize(300);
        assertThat(deck.polls()).hasSize(100);
    }

    @Test
    void slide301IsRefusedAtItsLine() {
        List<String> lines = deck(301, 0);
        DeckException e = catchThrowableOfType(DeckException.class,
                () -> parser.parse("huge.md", String.join("\n", lines)));
        assertThat(e.line()).isEqualTo(lines.indexOf("# Slide 301") + 1);
        assertThat(e.getMessage()).isEqualTo("huge.md:" + e.line() + ": a deck may have at most 300 slides; this one"
                + " has 301");
    }

    @Test
    void poll101IsRefusedAtItsLine() {
        List<String> lines = deck(120, 101);
        DeckException e = catchThrowableOfType(DeckException.class,
                () -> parser.parse("quizzes.md", String.join("\n", lines)));
        assertThat(e.line()).isEqualTo(lines.indexOf("id: p101"));
        assertThat(e.getMessage()).isEqualTo("quizzes.md:" + e.line() + ": a deck may have at most 100 polls; this"
                + " one has 101");
    }
}
