package dk.afstemning.participant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the database keeps of a participant's cookie token: HMAC-SHA256(identity key, talk id and token) as 64 hex
 * digits, where the identity key is HMAC-SHA256(the login session key, "participant-identity"). So one browser's rows
 * in two talks are unrelated, and a database reader (without the session key, which lives in the data folder or the
 * deployment's configuration, never in the database) can neither link them nor recover a token to act with.
 * <p>
 * The session key comes from {@code quarkus.http.auth.session.encryption-key}, set by the operator or made once into
 * the data folder ({@code security.SessionKeyFile}); changing it makes every participant join again as new.
 */
@Singleton
public class ParticipantTokens {

    private static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    /** Length of a stored hash; a raw token (43 characters) stored before V18 is told apart by its length. */
    public static final int HASH_LENGTH = 64;

    private volatile byte[] key;

    /** The stored form of {@code token} in talk {@code talkId}. */
    public String hash(long talkId, String token) {
        return hash(key(), talkId, token);
    }

    /** The stored form of {@code token} in talk {@code talkId} under this session key (for tools and tests). */
    public static String hash(String sessionKey, long talkId, String token) {
        return hash(identityKey(sessionKey), talkId, token);
    }

    private static String hash(byte[] identityKey, long talkId, String token) {
        return HexFormat.of().formatHex(hmac(identityKey, talkId + ":" + token));
    }

    private static byte[] identityKey(String sessionKey) {
        return hmac(sessionKey.getBytes(StandardCharsets.UTF_8), "participant-identity");
    }

    private byte[] key() {
        if (key == null) {
            key = identityKey(ConfigProvider.getConfig().getOptionalValue(SESSION_KEY, String.class)
                    .orElseThrow(() -> new IllegalStateException(SESSION_KEY + " is not set")));
        }
        return key;
    }

    /** HMAC-SHA256 of the message's UTF-8 bytes. */
    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
