package dk.afstemning.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counting user-visible characters: extended grapheme clusters, {@code \X} of {@link Pattern} (Unicode UAX #29). */
public final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {
    }

    /**
     * User-visible characters in {@code text}, counted no further than {@code limit}, so a huge text costs no more
     * than the limit: {@code count("👨‍👩‍👧", 10)} is 1, {@code count("e\u0301", 10)} is 1.
     */
    public static int count(CharSequence text, int limit) {
        Matcher m = CLUSTER.matcher(text);
        int n = 0;
        while (n < limit && m.find()) {
            n++;
        }
        return n;
    }
}
