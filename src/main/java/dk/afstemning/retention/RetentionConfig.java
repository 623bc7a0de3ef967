package dk.afstemning.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The retention of raw votes, {@code afstemning.retention.*}; see {@link RawVoteRetention}. */
@ConfigMapping(prefix = "afstemning.retention")
public interface RetentionConfig {

    /** Raw votes and vote receipts older than this many days are deleted; 0 keeps them for ever. */
    @WithDefault("0")
    int rawVotesDays();

    /**
     * How often the retention job runs, a {@code @Scheduled(every)} period such as {@code 1h} or {@code PT30M}. The
     * scheduler reads it through its {@code {afstemning.retention.every}} expression; it is a string here because
     * that expression also accepts {@code off} and {@code disabled}.
     */
    String every();
}
