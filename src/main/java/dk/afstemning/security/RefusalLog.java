package dk.afstemning.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkus.logging.Log;

/**
 * Logs refusals at most once per kind and client a minute, so an abuser cannot flood the log. Messages hold only
 * the kind of refusal and the client key ({@link ClientAddress}), never text the client sent.
 */
final class RefusalLog {

    private static final Duration QUIET = Duration.ofMinutes(1);

    private final Cache<String, Boolean> recent;

    RefusalLog(long maxKeys, Ticker ticker) {
        this.recent = Caffeine.newBuilder().ticker(ticker).maximumSize(maxKeys)
                .expireAfterWrite(QUIET.toNanos(), TimeUnit.NANOSECONDS).build();
    }

    /**
     * Logs {@code what} at INFO unless this kind of refusal of this client was logged in the last minute.
     *
     * @param kind the kind of refusal, e.g. {@code votes-per-ip}
     * @param client the client key
     * @param what the message, made by the server
     * @return true when the message was logged
     */
    boolean refused(String kind, String client, String what) {
        if (recent.asMap().putIfAbsent(kind + " " + client, Boolean.TRUE) != null) {
            return false;
        }
        Log.infof("Refused (%s) for client %s: %s; more refusals like it for this client go unlogged for a minute",
                kind, client, what);
        return true;
    }
}
