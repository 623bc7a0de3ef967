package dk.afstemning.deck;

/**
 * Something in a deck that Afstemning ignores or cannot show as Marp would, told to the organiser but not refusing the
 * deck. The dashboard and the deck editor show it in their language from {@link #code}, {@link #line} and
 * {@link #subject}; {@link #detail} says it in English for the API.
 *
 * @param code what kind: {@code front-matter-ignored} (a key Afstemning and Marp do not know), {@code date-ignored} (a
 *        {@code date} that is no ISO date), {@code revealjs} (a reveal.js Markdown deck), {@code one-slide} (plain
 *        Markdown with no slide breaks), {@code image-missing} (a relative image that is not in the upload),
 *        {@code theme-unknown} (a Marp theme that is not built in)
 * @param file the deck's file name
 * @param line 1-based line of the deck file
 * @param subject the key, value, marker or image path the warning is about
 * @param detail the warning in English, starting with {@code file:line:}
 */
public record DeckWarning(String code, String file, int line, String subject, String detail) {

    static DeckWarning of(String code, String file, int line, String subject, String what) {
        return new DeckWarning(code, file, line, subject, file + ":" + line + ": " + what);
    }
}
