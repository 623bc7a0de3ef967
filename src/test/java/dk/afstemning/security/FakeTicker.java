package dk.afstemning.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A clock for the limit classes that moves only when a test says so; the {@link LowLimits} profile makes it the
 * limits' clock of the whole application, so that every {@code Retry-After} is exact however slow the machine.
 */
@Alternative
@Singleton
public class FakeTicker implements Ticker {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long read() {
        return nanos.get();
    }

    public void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
