package dk.afstemning.text;

import com.ibm.icu.text.BreakIterator;

/**
 * Text length as people see it: extended grapheme clusters by Unicode UAX #29, from ICU4J's character break iterator
 * (ICU follows UAX #29 for emoji ZWJ sequences, flags and combining marks; Java 17's {@code java.text.BreakIterator}
 * does not). "👩‍👩‍👧" is one character here, as are "🇩🇰" and "e" followed by a combining acute accent.
 */
public final class Graphemes {

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
