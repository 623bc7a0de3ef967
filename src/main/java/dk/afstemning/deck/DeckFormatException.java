package dk.afstemning.deck;

import java.util.List;

/**
 * A Markdown file of another slide format that Afstemning does not read (a Slidev deck, a Quarto or R Markdown
 * document): refused with a message naming the format, the line that shows it and what to upload instead.
 */
public class DeckFormatException extends DeckException {

    private final String format;

    /** @param format {@code slidev} or {@code quarto} */
    DeckFormatException(String format, DeckProblem problem) {
        super(List.of(problem), 0);
        this.format = format;
    }

    /** {@code slidev} or {@code quarto}. */
    public String format() {
        return format;
    }
}
