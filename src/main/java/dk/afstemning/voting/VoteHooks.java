package dk.afstemning.voting;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A test seam: lets a test slow down vote storage, to reproduce a vote still being stored while the presenter closes
 * the poll (field case F4). The delay is zero outside such a test; nothing else reads it.
 */
@ApplicationScoped
public class VoteHooks {

    private volatile Duration storageDelay = Duration.ZERO;

    /** Delay every vote by {@code delay} after it has taken the poll's lock and before it is stored. */
    public void slowDownStorage(Duration delay) {
        storageDelay = delay;
    }

    void whileStoring() {
        Duration delay = storageDelay;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
