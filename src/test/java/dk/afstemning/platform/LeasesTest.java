package dk.afstemning.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.testkit.AtOnce;

/** Leases in the database: one holder at a time, whoever races, until it releases or its time runs out. */
@QuarkusTest
class LeasesTest {

    @Inject
    Leases leases;

    private static String fresh() {
        return "test-" + UUID.randomUUID();
    }

    @Test
    void ofFourInstancesRacingForANewLeaseExactlyOneGetsIt() throws Exception {
        raceOnce(fresh(), 4);
    }

    @Test
    void ofFourInstancesRacingForAFreedLeaseExactlyOneGetsIt() throws Exception {
        String name = fresh();
        assertThat(leases.tryAcquire(name, "first", Duration.ofMinutes(1))).isTrue();
        leases.release(name, "first", Duration.ZERO);
        raceOnce(name, 4);
    }

    private void raceOnce(String name, int instances) throws Exception {
        List<Boolean> won = AtOnce.run(instances,
                i -> () -> leases.tryAcquire(name, "instance-" + i, Duration.ofMinutes(1)));
        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void aHeldLeaseIsRefusedToEveryoneUntilReleased() {
        String name = fresh();
        assertThat(leases.tryAcquire(name, "a", Duration.ofMinutes(1))).isTrue();
        assertThat(leases.tryAcquire(name, "b", Duration.ofMinutes(1))).isFalse();
        assertThat(leases.tryAcquire(name, "a", Duration.ofMinutes(1))).isFalse();
        leases.release(name, "b", Duration.ZERO);
        assertThat(leases.tryAcquire(name, "b", Duration.ofMinutes(1))).as("only the holder releases").isFalse();
        leases.release(name, "a", Duration.ZERO);
        assertThat(leases.tryAcquire(name, "b", Duration.ofMinutes(1))).isTrue();
    }

    @Test
    void aReleaseCanKeepEveryoneOffForAWhile() {
        String name = fresh();
        assertThat(leases.tryAcquire(name, "a", Duration.ofMinutes(1))).isTrue();
        leases.release(name, "a", Duration.ofMinutes(30));
        assertThat(leases.tryAcquire(name, "a", Duration.ofMinutes(1))).isFalse();
        assertThat(leases.tryAcquire(name, "b", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void aDeadHoldersLeaseIsTakenOnceItsTimeRanOutOnTheDatabasesClock() {
        String name = fresh();
        assertThat(leases.tryAcquire(name, "died", Duration.ofMinutes(1))).isTrue();
        QuarkusMock.installMockForType(new DatabaseClock() {
            @Override
            public Instant now() {
                return Instant.now().plus(Duration.ofMinutes(1).plusSeconds(1));
            }
        }, DatabaseClock.class);
        assertThat(leases.tryAcquire(name, "survivor", Duration.ofMinutes(1))).isTrue();
    }
}
