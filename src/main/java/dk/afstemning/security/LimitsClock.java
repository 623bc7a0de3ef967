package dk.afstemning.security;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.arc.DefaultBean;

/** The clock of the rate limits and join-code miss windows: the system's monotonic clock (nanoseconds). */
public class LimitsClock {

    /** {@link Ticker#systemTicker()}; a test profile may replace it with a clock it moves itself. */
    @Produces
    @Singleton
    @DefaultBean
    Ticker limitsTicker() {
        return Ticker.systemTicker();
    }
}
