package dk.afstemning.deck;

/**
 * A deck that cannot be read. The message always starts with {@code file:line:} so that a speaker can jump to the
 * mistake; {@link #line()} is 1-based and counts lines of the whole deck file, front matter included.
 */
public class DeckException extends RuntimeException {

    private final String file;
    private final int line;
    private final String reason;

    public DeckException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
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
