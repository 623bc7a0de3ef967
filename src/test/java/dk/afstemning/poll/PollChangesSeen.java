package dk.afstemning.poll;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/** Counts the committed state changes of each poll, as every screen would hear them. */
@ApplicationScoped
public class PollChangesSeen {

    private final Map<Long, AtomicInteger> stateChanges = new ConcurrentHashMap<>();

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollChanged change) {
        if (change.stateChanged()) {
            stateChanges.computeIfAbsent(change.pollId(), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** How many state changes of the poll committed so far. */
    public int of(long pollId) {
        AtomicInteger n = stateChanges.get(pollId);
        return n == null ? 0 : n.get();
    }
}
