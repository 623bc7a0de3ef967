package dk.afstemning.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Unknown join codes per client address, counted in a fixed window that starts at the client's first miss. Once a
 * client has {@code limit} misses in its window it is blocked until the window ends; then the count starts again.
 */
final class MissWindows {

    private record Window(long startNanos, AtomicInteger misses) {
    }

    private final int limit;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    MissWindows(int limit, Duration window, long maxKeys, Ticker ticker) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        // Written once, when the window starts: it expires exactly when the window ends.
        this.windows = Caffeine.newBuilder().ticker(ticker).maximumSize(maxKeys)
                .expireAfterWrite(windowNanos, TimeUnit.NANOSECONDS).build();
    }

    /** Counts one unknown join code for {@code client}. */
    void miss(String client) {
        windows.get(client, k -> new Window(ticker.read(), new AtomicInteger())).misses().incrementAndGet();
    }

    /** 0 when {@code client} may look codes up, otherwise the nanoseconds until its window ends. */
    long blockedFor(String client) {
        Window window = windows.getIfPresent(client);
        if (window == null || window.misses().get() < limit) {
            return 0;
        }
        return Math.max(1, window.startNanos() + windowNanos - ticker.read());
    }
}
