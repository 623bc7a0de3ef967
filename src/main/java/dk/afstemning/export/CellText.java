package dk.afstemning.export;

/**
 * Keeps spreadsheet programs from interpreting text cells of a CSV file as formulas ("CSV injection", OWASP). A text
 * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe {@code '}; everything after it is the original text. Every text that people typed (option texts, talk
 * titles, questions, and later free-text answers) goes through {@link #neutralise} before it is written to CSV.
 * Numbers are written as numbers and are not touched, so {@code -5} as a count stays {@code -5}.
 */
public final class CellText {

    /** The prefix added to a neutralised cell. */
    public static final String PREFIX = "'";

    private CellText() {
    }

    /** The text, with {@link #PREFIX} in front when it starts with a character a spreadsheet would interpret. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> PREFIX + text;
            default -> text;
        };
    }
}
