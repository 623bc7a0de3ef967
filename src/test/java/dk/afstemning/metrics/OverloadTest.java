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
    void postgresqlsLockTimeoutDeadlockAndSerializationFailureAreOverload() {
        assertThat(VoteMeteredInterceptor.overloaded(new PersistenceException("could not execute statement",
                new SQLException("ERROR: canceling statement due to lock timeout", "55P03")))).isTrue();
        assertThat(VoteMeteredInterceptor.overloaded(new RuntimeException(
                new SQLException("ERROR: deadlock detected", "40P01")))).isTrue();
        assertThat(VoteMeteredInterceptor.overloaded(new RuntimeException(
                new SQLException("ERROR: could not serialize access due to concurrent update", "40001")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(VoteMeteredInterceptor.overloaded(new PersistenceException("constraint",
                new SQLException("Unique index or primary key violation", "23505", 23505)))).isFalse();
        assertThat(VoteMeteredInterceptor.overloaded(new PersistenceException("not null",
                new SQLException("ERROR: null value in column", "23502")))).isFalse();
        assertThat(VoteMeteredInterceptor.overloaded(new IllegalStateException("boom"))).isFalse();
    }
}
