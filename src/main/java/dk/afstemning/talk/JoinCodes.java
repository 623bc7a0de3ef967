package dk.afstemning.talk;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * Join codes and presenter keys. Join codes are {@value #LENGTH} characters from an alphabet without the look-alikes
 * 0/O, 1/I/L and U/V, so a code read off a projector is typed right: 29^6 ≈ 595 million codes.
 */
public final class JoinCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCodes() {
    }

    /** A fresh random join code; uniqueness is the caller's (and the database's) business. */
    public static String next() {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** A 256-bit random secret, base64url without padding (43 characters). */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a person typed, made comparable: upper case, spaces and dashes removed. Null stays null. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** True when the text could be a join code at all; cheap to check before touching the database. */
    public static boolean isWellFormed(String code) {
        if (code == null || code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
