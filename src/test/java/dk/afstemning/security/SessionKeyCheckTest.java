package dk.afstemning.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The PostgreSQL build refuses to start without one login session key for every instance; H2 starts without. */
class SessionKeyCheckTest {

    @Test
    void postgresqlWithoutAKeyRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> SessionKeyCheck.check("postgresql", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The PostgreSQL build needs a login session key: set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"
                        + " (quarkus.http.auth.session.encryption-key) to a secret of at least 16 characters, the same"
                        + " on every instance, so that an organiser's login works on whichever instance the load"
                        + " balancer picks");
    }

    @Test
    void postgresqlWithAShortKeyRefusesToStart() {
        assertThatThrownBy(() -> SessionKeyCheck.check("postgresql", Optional.of("fifteen-chars!!")))
                .hasMessageEndingWith("(the key given has only 15 characters)");
    }

    @Test
    void postgresqlWithAKeyOfSixteenCharactersStarts() {
        assertThatCode(() -> SessionKeyCheck.check("postgresql", Optional.of("sixteen-chars!!!"))).doesNotThrowAnyException();
    }

    @Test
    void h2StartsWithoutAKey() {
        assertThatCode(() -> SessionKeyCheck.check("h2", Optional.empty())).doesNotThrowAnyException();
    }
}
