package dk.afstemning.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live push settings, {@code afstemning.live.*}; see {@link LiveHub}. */
@ConfigMapping(prefix = "afstemning.live")
public interface LiveConfig {

    /** Least time between two live pushes of the same poll, in milliseconds. */
    @WithDefault("100")
    long pushIntervalMs();

    /**
     * Least time between two live pushes of the same poll's results to phones, in milliseconds (10,000 phones get
     * at most this many results messages per poll, not one per vote).
     */
    @WithDefault("500")
    long phonePushIntervalMs();

    /**
     * Messages a live connection may have waiting to be written, a count; one more closes it as too slow (code 1013).
     */
    @WithDefault("64")
    int maxPendingSends();

    /**
     * The live bus between instances: {@code none}, {@code postgresql} (LISTEN/NOTIFY), {@code redis} (pub/sub, at
     * {@code quarkus.redis.hosts}) or {@code auto}: postgresql in the PostgreSQL build, none on H2. See
     * {@link dk.afstemning.live.bus.LiveBus}.
     */
    @WithDefault("auto")
    String bus();

    /**
     * The Redis channel of the live bus ({@code afstemning.live.bus=redis}); deployments that share one Redis need one
     * each. PostgreSQL's channel is per database.
     */
    @WithDefault("afstemning_live")
    String redisChannel();

    /**
     * How long a live socket may stay silent (no pong to the server's pings, no message) before it is closed as dead
     * ({@link SilentConnections}); more than two of {@code quarkus.websockets-next.server.auto-ping-interval}.
     */
    @WithDefault("25s")
    java.time.Duration silenceLimit();

    /** How often {@link SilentConnections} looks for silent sockets. */
    @WithDefault("5s")
    java.time.Duration silenceCheck();
}
