package dk.afstemning.organiser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.JoinCodes;

/**
 * The organiser key guards uploading decks and starting new talks. It is {@code afstemning.organiser-key} when set;
 * otherwise a random key made at the first start, kept in the database and printed in the start-up log.
 */
@Singleton
public class OrganiserKey {

    /** Header that carries the organiser key. */
    public static final String HEADER = "X-Organiser-Key";
    private static final String SETTING = "organiser-key";

    @ConfigProperty(name = "afstemning.organiser-key")
    Optional<String> configured;

    private volatile String key;

    /** The key, made and stored on first use when not configured. */
    @Transactional
    public String key() {
        if (key == null) {
            key = configured.filter(k -> !k.isBlank()).orElseGet(() -> Setting.get(SETTING).orElseGet(() -> {
                Setting s = new Setting();
                s.name = SETTING;
                s.value = JoinCodes.secret();
                s.persist();
                return s.value;
            }));
        }
        return key;
    }

    /** @throws ApiProblem 403 unless {@code given} is the organiser key (compared in constant time) */
    public void require(String given) {
        if (given == null || !MessageDigest.isEqual(key().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.forbidden("A valid organiser key is required in " + HEADER);
        }
    }
}
