package dk.afstemning.participant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.afstemning.problem.ApiProblem;

/**
 * The rules for quiz nicknames: trimmed, runs of white space collapsed to one space, Unicode NFC, 1 to {@link #MAX}
 * user-visible characters (extended grapheme clusters, so an emoji with skin tone or a flag counts once and is never
 * cut), and no control or invisible formatting characters (the zero-width joiner and variation selectors inside emoji
 * are allowed). Nicknames are unique within a talk, ignoring case ({@link #key}).
 */
public final class Nicknames {

    /** Most grapheme clusters in a nickname. */
    public static final int MAX = 20;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Nicknames() {
    }

    /**
     * @return the nickname as it is stored and shown
     * @throws ApiProblem 400 {@code invalid-nickname} when empty, too long or holding control characters
     */
    public static String normalise(String raw) {
        String nickname = Normalizer.normalize(SPACES.matcher(raw == null ? "" : raw).replaceAll(" ").strip(),
                Normalizer.Form.NFC);
        if (nickname.isEmpty()) {
            throw invalid("A nickname must not be empty");
        }
        if (nickname.codePoints().anyMatch(Nicknames::invisible)) {
            throw invalid("A nickname must not contain control or invisible characters");
        }
        int length = graphemes(nickname);
        if (length > MAX) {
            throw invalid("A nickname has at most " + MAX + " characters, not " + length);
        }
        return nickname;
    }

    /** The case-folded form that must be unique within a talk. */
    public static String key(String nickname) {
        return nickname.toLowerCase(Locale.ROOT);
    }

    /** The number of user-visible characters (extended grapheme clusters). */
    public static int graphemes(String text) {
        Matcher m = CLUSTER.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        boolean emojiJoiner = cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F || cp >= 0xE0020 && cp <= 0xE007F;
        return type == Character.CONTROL || type == Character.FORMAT && !emojiJoiner
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
    }

    private static ApiProblem invalid(String detail) {
        return ApiProblem.badRequest("invalid-nickname", detail);
    }
}
