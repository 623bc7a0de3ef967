package dk.afstemning.deck;

/** The text of a PDF page as kept: for the slide's title on phones and the image's alt text. */
final class PageText {

    /** Most characters of a slide title (the column's size). */
    static final int MAX_TITLE = 300;
    /** Most characters of an image's alt text. */
    static final int MAX_ALT = 1000;

    private PageText() {
    }

    /**
     * The text with line breaks as {@code \n}, control characters (but tab and line break) removed, each line without
     * trailing blanks, no blank lines, at most {@code max} characters.
     */
    static String clean(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (String line : normalised.split("\n", -1)) {
            StringBuilder chars = new StringBuilder(line.length());
            line.codePoints().filter(c -> c == '\t' || !Character.isISOControl(c) && c != 0xFFFE && c != 0xFFFF)
                    .forEach(chars::appendCodePoint);
            String kept = chars.toString().stripTrailing();
            if (!kept.isBlank()) {
                out.append(kept).append('\n');
            }
        }
        return cut(out.toString().strip(), max);
    }

    /** The first line that is not blank, its blanks collapsed, at most {@link #MAX_TITLE} characters; null if none. */
    static String title(String text) {
        for (String line : text.split("\n")) {
            String collapsed = line.strip().replaceAll("\\s+", " ");
            if (!collapsed.isEmpty()) {
                return cut(collapsed, MAX_TITLE);
            }
        }
        return null;
    }

    /** The whole text on one line, for alt text, at most {@link #MAX_ALT} characters; {@code fallback} if blank. */
    static String alt(String text, String fallback) {
        String collapsed = text.strip().replaceAll("\\s+", " ");
        return collapsed.isEmpty() ? fallback : cut(collapsed, MAX_ALT);
    }

    /** At most {@code max} UTF-16 units, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
