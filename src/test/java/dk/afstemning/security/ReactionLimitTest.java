package dk.afstemning.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import io.smallrye.config.WithDefault;

import dk.afstemning.problem.RateLimited;

/** The default reaction limit on a clock the test moves: quick taps pass, a finger held on a button does not. */
class ReactionLimitTest {

    final FakeTicker clock = new FakeTicker();

    /** The limits as configured by default ({@code @WithDefault} of every {@link LimitsConfig} setting). */
    private AbuseLimits defaults() {
        LimitsConfig config = Mockito.mock(LimitsConfig.class, invocation -> {
            String value = invocation.getMethod().getAnnotation(WithDefault.class).value();
            Class<?> type = invocation.getMethod().getReturnType();
            if (type == Rate.class) {
                return Rate.parse(value);
            }
            if (type == int.class) {
                return Integer.parseInt(value);
            }
            if (type == long.class) {
                return Long.parseLong(value);
            }
            return Duration.ofMinutes(1);
        });
        return new AbuseLimits(config, clock);
    }

    @Test
    void theDefaultIsThreeASecondWithABurstOfEight() throws Exception {
        assertThat(LimitsConfig.class.getMethod("reactionsPerParticipant").getAnnotation(WithDefault.class).value())
                .isEqualTo("3/s burst 8");
    }

    @Test
    void fourReactionsInTwoSecondsPassAgainAndAgain() {
        AbuseLimits limits = defaults();
        for (int tap = 0; tap < 40; tap++) {
            limits.reaction("10.0.0.1", "phone-a");
            clock.advance(Duration.ofMillis(500));
        }
    }

    @Test
    void aFingerHeldOnAButtonIsRefusedAfterTheBurstWithItsOwnProblem() {
        AbuseLimits limits = defaults();
        int passed = 0;
        int refused = 0;
        // Ten taps a second for two seconds: 8 at once, then the refill of 3 a second.
        for (int tap = 0; tap < 20; tap++) {
            try {
                limits.reaction("10.0.0.1", "phone-b");
                passed++;
            } catch (RateLimited e) {
                refused++;
                assertThat(e.type()).isEqualTo("reaction-rate-limited");
                assertThat(e.status()).isEqualTo(429);
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(passed).isEqualTo(8 + 5);
        assertThat(refused).isEqualTo(7);
        // Another phone is not affected.
        limits.reaction("10.0.0.1", "phone-c");
        assertThatThrownBy(() -> {
            for (int tap = 0; tap < 9; tap++) {
                limits.reaction("10.0.0.1", "phone-d");
            }
        }).isInstanceOf(RateLimited.class).hasMessageContaining("Too many reactions");
    }
}
