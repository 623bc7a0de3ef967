package dk.afstemning.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.quarkus.elytron.security.common.BcryptUtil;

import dk.afstemning.problem.ApiProblem;

/**
 * The rules a new password must pass: {@value #MIN} to {@value #MAX_BYTES} UTF-8 bytes long (bcrypt reads only the
 * first 72 bytes, so a longer password would silently be cut), and not on the bundled list of common passwords
 * ({@code text/common-passwords.txt}: the 10,000 most common of SecLists' "10 million password list", compared in
 * lower case).
 */
public final class Passwords {

    /** Fewest characters of a password. */
    public static final int MIN = 10;
    /** Most bytes of a password in UTF-8: all that bcrypt reads. */
    public static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private Passwords() {
    }

    /**
     * @throws ApiProblem 400 {@code invalid-password} for a password that is too short or too long, 400
     *         {@code common-password} for one on the list
     */
    public static void check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN
                || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiProblem.badRequest("invalid-password", "A password has " + MIN + " characters or more and at most "
                    + MAX_BYTES + " bytes in UTF-8 (bcrypt reads no more): 72 letters a-z, fewer with æ, ø, å");
        }
        if (isCommon(password)) {
            throw ApiProblem.badRequest("common-password",
                    "This password is on the list of the 10,000 most common passwords: choose another");
        }
    }

    /**
     * True when {@code password} is the one hashed in {@code hash}. bcrypt reads only the first {@value #MAX_BYTES}
     * bytes, and no longer password can be set ({@link #check}), so a longer one never matches: it is not cut to a
     * prefix that would.
     */
    public static boolean matches(String password, String hash) {
        boolean same = BcryptUtil.matches(password == null ? "" : password, hash);
        return same && password != null && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** True when the password, in lower case, is on the list. */
    public static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = Passwords.class.getResourceAsStream("/text/common-passwords.txt");
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.lines().map(l -> l.strip().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
