package dk.afstemning.security;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One {@link Rate} kept per key (a client address or a participant): a Bucket4j token bucket each, in a Caffeine map
 * of bounded size. A bucket unused for as long as it takes to fill up is dropped, which loses nothing: it would be full
 * again anyway.
 */
final class KeyedBuckets {

    private final Rate rate;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    KeyedBuckets(Rate rate, long maxKeys, Ticker ticker) {
        this.rate = rate;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return ticker.read();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder().ticker(ticker).maximumSize(maxKeys)
                .expireAfterAccess(rate.timeToFill().toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /** Takes one token for {@code key}: 0 when there was one, otherwise the nanoseconds until there is. */
    long take(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, probe.getNanosToWaitForRefill());
    }

    /** 0 when {@code key} has a token, otherwise the nanoseconds until it has one; takes nothing. */
    long wait(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return 0;
        }
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : Math.max(1, estimate.getNanosToWaitForRefill());
    }

    /** Gives back one token taken for {@code key} (never above the burst); nothing if the bucket is gone. */
    void giveBack(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    Rate rate() {
        return rate;
    }

    private Bucket newBucket() {
        return Bucket.builder().withCustomTimePrecision(time)
                .addLimit(limit -> limit.capacity(rate.burst()).refillGreedy(rate.tokens(), rate.period())).build();
    }
}
