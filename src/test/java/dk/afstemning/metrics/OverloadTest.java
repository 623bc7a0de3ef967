package dk.afstemning.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Which failures of a vote count as an overloaded database (answered 503 busy, safe to resend). */
class OverloadTest {

    @Test
    void noPooledConnectionInTimeIsOverload() {
        assertThat(VoteMeteredInterceptor.overloaded(new PersistenceException("could not open",
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void anH2LockTimeoutIsOverload() {
        assertThat(VoteMeteredInterceptor.overloaded(new RuntimeException(
                new SQLException("Timeout trying to lock table", "HYT00", 50200)))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(VoteMeteredInterceptor.overloaded(new PersistenceException("constraint",
                new SQLException("Unique index or primary key violation", "23505", 23505)))).isFalse();
        assertThat(VoteMeteredInterceptor.overloaded(new IllegalStateException("boom"))).isFalse();
    }
}
