package dk.afstemning.security;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start an instance of the PostgreSQL build without a login session key. The organisers' login cookie is
 * encrypted with {@code quarkus.http.auth.session.encryption-key}; without it each instance makes a random key of its
 * own, and behind a load balancer a login made on one instance fails on the next. The H2 build is one instance and
 * starts without a key (logins then last until the next restart), as before.
 */
@ApplicationScoped
public class SessionKeyCheck {

    /** Shortest key Quarkus accepts, in characters. */
    public static final int MIN_LENGTH = 16;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "quarkus.http.auth.session.encryption-key")
    Optional<String> key;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        check(dbKind, key);
    }

    /**
     * @throws IllegalStateException on PostgreSQL when the key is missing or shorter than {@link #MIN_LENGTH}, with a
     *         message for the operator
     */
    public static void check(String dbKind, Optional<String> key) {
        if (!"postgresql".equals(dbKind)) {
            return;
        }
        int length = key.map(String::length).orElse(0);
        if (length < MIN_LENGTH) {
            throw new IllegalStateException("The PostgreSQL build needs a login session key: set "
                    + "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (quarkus.http.auth.session.encryption-key) to a secret "
                    + "of at least " + MIN_LENGTH + " characters, the same on every instance, so that an organiser's "
                    + "login works on whichever instance the load balancer picks"
                    + (length == 0 ? "" : " (the key given has only " + length + " characters)"));
        }
    }
}
