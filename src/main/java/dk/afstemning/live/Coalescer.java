package dk.afstemning.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;

/**
 * Runs a task per key at most once per interval, and always once more after the last request, so bursts of changes
 * become a steady stream of pushes that ends with the latest state. Runs of one key never overlap.
 */
final class Coalescer {

    private final ScheduledExecutorService executor;
    private final long intervalNanos;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final AtomicBoolean pending = new AtomicBoolean();
        volatile long lastRun = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    }

    /** @param intervalMillis the least time between two runs of the same key, in milliseconds */
    Coalescer(ScheduledExecutorService executor, long intervalMillis) {
        this.executor = executor;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    }

    /** Asks for {@code task} to run for {@code key}; requests made before it starts share one run. */
    void request(String key, Runnable task) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        if (!slot.pending.compareAndSet(false, true)) {
            return;
        }
        long delay = Math.max(0, slot.lastRun + intervalNanos - System.nanoTime());
        executor.schedule(() -> {
            synchronized (slot) {
                slot.pending.set(false);
                slot.lastRun = System.nanoTime();
                try {
                    task.run();
                } catch (RuntimeException e) {
                    Log.warnf(e, "Live update %s failed", key);
                }
            }
        }, delay, TimeUnit.NANOSECONDS);
    }
}
