package dk.afstemning.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Trial of issue 21, item 6: forty wrong logins sent at once with forty unknown names (no per-name limit, inside the
 * per-address burst) kept bcrypt busy on both cores and a valid login waited 13 s. One address now has at most
 * {@link ParallelLogins#PER_ADDRESS} logins checked at once; more are refused without bcrypt work.
 */
class ParallelLoginsTest {

    @Test
    void anAddressHasAtMostItsBoundOfLoginsCheckedAtOnce() {
        ParallelLogins logins = new ParallelLogins(4);
        for (int i = 0; i < 4; i++) {
            assertThat(logins.enter("198.51.100.7")).as("login %d", i + 1).isTrue();
        }
        assertThat(logins.enter("198.51.100.7")).isFalse();
        assertThat(logins.enter("198.51.100.7")).isFalse();
        // another address is not held up
        assertThat(logins.enter("203.0.113.9")).isTrue();

        logins.leave("198.51.100.7");
        assertThat(logins.enter("198.51.100.7")).isTrue();
        assertThat(logins.enter("198.51.100.7")).isFalse();

        for (int i = 0; i < 4; i++) {
            logins.leave("198.51.100.7");
        }
        logins.leave("203.0.113.9");
        assertThat(logins.addresses()).isZero();
        logins.leave("203.0.113.9"); // an extra leave changes nothing
        assertThat(logins.enter("203.0.113.9")).isTrue();
    }
}
