package dk.afstemning.deck;

/**
 * A deck that cannot be read. The message always starts with {@code file:line:} so that a speaker can jump to the
 * mistake; {@link #line()} is 1-based and counts lines of the whole deck file, front matter included.
 */
public class DeckException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    private final boolean tooLarge;

    public DeckException(String file, int line, String reason) {
        this(file, line, reason, false);
    }

    /** @param tooLarge true when the deck is well-formed but has more slides or polls than a deck may have */
    DeckException(String file, int line, String reason, boolean tooLarge) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
        this.tooLarge = tooLarge;
    }

    /** True when the deck has more slides or polls than {@link DeckParser#MAX_SLIDES} or {@link DeckParser#MAX_POLLS}. */
    public boolean tooLarge() {
        return tooLarge;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
