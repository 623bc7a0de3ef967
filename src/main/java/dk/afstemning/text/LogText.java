package dk.afstemning.text;

/**
 * Client text (user names, join codes, paths, headers, file names, deck texts) as it may go into the log: in quotes,
 * at most {@link #MAX_CODE_POINTS} code points, with every character that could end or disguise a line visible as an
 * escape, so no client can forge a log line or hide one. Line feed, carriage return and tab become {@code \n},
 * {@code \r} and {@code \t}; other control characters, format characters (bidi overrides, zero-width ones), line and
 * paragraph separators, lone surrogates, unassigned and private-use code points become a backslash, {@code u} and four
 * hex digits (beyond the BMP: {@code u{1f600}}-style); a quote and a backslash are escaped too, so the quotes always
 * bound the client's text. Letters of any script and emoji stay as they are.
 */
public final class LogText {

    /** Code points kept of a text; a longer text ends in {@code …} after the closing quote. */
    public static final int MAX_CODE_POINTS = 120;

    private LogText() {
    }

    /** {@code text} quoted and escaped for the log; {@code (none)} for null. */
    public static String quoted(CharSequence text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CODE_POINTS) + 8).append('"');
        int kept = 0;
        int i = 0;
        while (i < text.length() && kept < MAX_CODE_POINTS) {
            int cp = Character.codePointAt(text, i);
            escape(cp, out);
            i += Character.charCount(cp);
            kept++;
        }
        out.append('"');
        return i < text.length() ? out.append('…').toString() : out.toString();
    }

    /**
     * {@code text} with every character that could end a line, start one or move the terminal's cursor shown as an
     * escape, nothing else changed (no quotes, no bound): CR and LF become {@code \r} and {@code \n}; other control
     * characters but the tab (among them ESC, which starts ANSI escapes), next line, line and paragraph separators and
     * the bidi controls become a backslash, {@code u} and four hex digits. What the central log filter applies to every
     * formatted message and exception message ({@code platform.OneLineLog}); null stays null.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !breaksLine(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (breaksLine(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean breaksLine(char c) {
        return (Character.isISOControl(c) && c != '\t') || c == '\u2028' || c == '\u2029' || c == '\u061c'
                || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static void escape(int cp, StringBuilder out) {
        switch (cp) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            default -> {
                int type = Character.getType(cp);
                if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                        || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                        || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                    if (Character.isBmpCodePoint(cp)) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\u{%x}", cp));
                    }
                } else {
                    out.appendCodePoint(cp);
                }
            }
        }
    }
}
