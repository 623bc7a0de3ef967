package dk.afstemning.text;

import com.ibm.icu.text.BreakIterator;

/**
 * Text length as people see it: extended grapheme clusters by Unicode UAX #29, from ICU4J's character break iterator
 * (ICU follows UAX #29 for emoji ZWJ sequences, flags and combining marks; Java 17's {@code java.text.BreakIterator}
 * does not). "👩‍👩‍👧" is one character here, as are "🇩🇰" and "e" followed by a combining acute accent.
 */
public final class Graphemes {

    /**
     * Most UTF-16 units one user-visible character may take on average in a stored text: a column for texts of at
     * most n characters holds n × this, so 300 × "👩🏽‍💻" (7 units each) fits in 2,400, and a text of combining marks
     * piled on a few letters cannot overflow its column ({@link #fits}).
     */
    public static final int UNITS_PER_CHARACTER = 8;

    private static final BreakIterator PROTOTYPE = BreakIterator.getCharacterInstance(java.util.Locale.ROOT);

    private Graphemes() {
    }

    /** The number of user-visible characters (extended grapheme clusters) in {@code text}; 0 for null. */
    public static int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        BreakIterator clusters = iterator(text);
        int n = 0;
        while (clusters.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /**
     * User-visible characters in {@code text}, counted no further than {@code limit}, so a huge text costs no more
     * than the limit: {@code count("👨‍👩‍👧", 10)} is 1, {@code count("e\u0301", 10)} is 1.
     */
    public static int count(CharSequence text, int limit) {
        if (text == null || text.length() == 0) {
            return 0;
        }
        BreakIterator clusters = (BreakIterator) PROTOTYPE.clone();
        clusters.setText(text);
        int n = 0;
        while (n < limit && clusters.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /**
     * True when {@code text} has at most {@code max} user-visible characters and at most {@code max} ×
     * {@link #UNITS_PER_CHARACTER} UTF-16 units, so it fits a column sized by that rule; true for null.
     */
    public static boolean fits(CharSequence text, int max) {
        return fits(text, max, max * UNITS_PER_CHARACTER);
    }

    /** As {@link #fits(CharSequence, int)}, with the most UTF-16 units given (a column of another size). */
    public static boolean fits(CharSequence text, int max, int maxUnits) {
        return text == null || text.length() <= maxUnits && count(text, max + 1) <= max;
    }

    /**
     * {@code text} cut to fit {@link #fits(CharSequence, int)}: at most {@code max} user-visible characters and
     * {@code max} × {@link #UNITS_PER_CHARACTER} units, never cutting a cluster in half; {@code text} itself when it
     * fits, null for null.
     */
    public static String clip(String text, int max) {
        String cut = truncate(text, max);
        if (cut == null || cut.length() <= max * UNITS_PER_CHARACTER) {
            return cut;
        }
        BreakIterator clusters = iterator(cut);
        int end = clusters.preceding(max * UNITS_PER_CHARACTER + 1);
        return cut.substring(0, Math.max(end, 0));
    }

    /**
     * The first {@code max} user-visible characters of {@code text}, never cutting a cluster in half; {@code text}
     * itself when it is no longer.
     *
     * @throws IllegalArgumentException when {@code max} is negative
     */
    public static String truncate(String text, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be 0 or more");
        }
        if (text == null) {
            return null;
        }
        BreakIterator clusters = iterator(text);
        int end = 0;
        for (int n = 0; n < max; n++) {
            int next = clusters.next();
            if (next == BreakIterator.DONE) {
                return text;
            }
            end = next;
        }
        return text.substring(0, end);
    }

    private static BreakIterator iterator(String text) {
        BreakIterator clusters = (BreakIterator) PROTOTYPE.clone();
        clusters.setText(text);
        return clusters;
    }
}
