package dk.afstemning.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The pong deadline's bookkeeping: which sockets have been silent for longer than the limit, at a given time. */
class SilentConnectionsTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aSocketIsSilentOnlyOnceNothingWasHeardForLongerThanTheLimit() {
        SilentConnections silence = new SilentConnections();
        silence.heard("opened-long-ago", 0);
        silence.heard("answered-a-ping", 0);
        silence.heard("answered-a-ping", 20 * SECOND);
        silence.heard("at-the-limit", 5 * SECOND);
        assertThat(silence.silent(30 * SECOND, Duration.ofSeconds(25))).containsExactly("opened-long-ago");
        assertThat(silence.silent(30 * SECOND + 1, Duration.ofSeconds(25)))
                .containsExactlyInAnyOrder("opened-long-ago", "at-the-limit");
    }
}
