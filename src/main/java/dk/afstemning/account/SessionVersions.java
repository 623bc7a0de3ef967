package dk.afstemning.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The second login cookie, {@value #COOKIE}: an HMAC of the account's id, name and session version, keyed with the
 * session key. Quarkus' own session cookie names only the account and a time, so it cannot be withdrawn; this one is
 * valid only while the account's version is the one the login was made with, and the version is bumped by logging
 * out, a password change and disabling. The id (never reused) ties it to that account, not to its name: an account
 * deleted and made again under the same name starts at version 0 but does not take up the old account's sessions.
 * Without the key it cannot be forged for a later version.
 */
@Singleton
public class SessionVersions {

    /** Name of the cookie, set beside {@code afstemning_session} at a form login. */
    public static final String COOKIE = "afstemning_session_v";

    private final byte[] key;

    /** What a session cookie is made of: the account's id and name, and its session version. */
    public record Stamp(long accountId, String username, int version) {
    }

    SessionVersions(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> sessionKey) {
        if (sessionKey.isPresent() && !sessionKey.get().isBlank()) {
            key = sessionKey.get().getBytes(StandardCharsets.UTF_8);
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    /** The cookie value for {@code stamp}. */
    public String token(Stamp stamp) {
        return token(stamp.accountId(), stamp.username(), stamp.version());
    }

    /** The cookie value for account {@code accountId} named {@code username} at {@code version}. */
    public String token(long accountId, String username, int version) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((accountId + "\n" + username + "\n" + version).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the request's cookie is the token of account {@code accountId} named {@code username} at {@code version}. */
    public boolean matches(RoutingContext context, long accountId, String username, int version) {
        Cookie cookie = context == null ? null : context.request().getCookie(COOKIE);
        return cookie != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                token(accountId, username, version).getBytes(StandardCharsets.US_ASCII));
    }

    /** Sets the cookie for a new login (HttpOnly, SameSite=Strict, like the session cookie). */
    public void set(RoutingContext context, long accountId, String username, int version) {
        context.response().addCookie(Cookie.cookie(COOKIE, token(accountId, username, version)).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(context.request().isSSL()));
    }
}
