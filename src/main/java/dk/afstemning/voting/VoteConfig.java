package dk.afstemning.voting;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The vote writer's settings, {@code afstemning.votes.*}; see {@link VoteService}. */
@ConfigMapping(prefix = "afstemning.votes")
public interface VoteConfig {

    /** How many votes may wait for the writer, a count; a vote beyond that is refused at once with 503 {@code busy}. */
    @WithDefault("10000")
    int queueCapacity();

    /** The most votes stored in one transaction, a count. */
    @WithDefault("500")
    int maxBatch();

    /**
     * How long a caller waits for its vote's commit before answering 503 {@code busy}, in milliseconds (the vote may
     * still be stored; the resend with the same request id then gets its ack). Well below the transaction timeout.
     */
    @WithDefault("15000")
    long waitMs();
}
