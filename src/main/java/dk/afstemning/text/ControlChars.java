package dk.afstemning.text;

/**
 * Control characters in text a person typed: U+0000 to U+001F except tab, line feed and carriage return. None makes
 * sense in a question, a nickname, an answer or a deck, and PostgreSQL refuses U+0000 in text even as a parameter, so
 * input holding one is refused as a whole ({@code invalid-text}) before anything is stored.
 */
public final class ControlChars {

    private ControlChars() {
    }

    /** True when {@code text} (may be null) holds no control character but tab, line feed and carriage return. */
    public static boolean isClean(CharSequence text) {
        return text == null || first(text) < 0;
    }

    /** The index of the first refused control character of {@code text}, or -1. */
    public static int first(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** The character at {@code index} as {@code U+0000}, for messages. */
    public static String name(CharSequence text, int index) {
        return String.format("U+%04X", (int) text.charAt(index));
    }
}
