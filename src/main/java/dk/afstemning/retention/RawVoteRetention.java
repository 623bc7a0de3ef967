package dk.afstemning.retention;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import dk.afstemning.polltype.PollTypes;
import dk.afstemning.platform.DatabaseClock;

/**
 * Deletes raw votes (and vote receipts) older than {@code afstemning.retention.raw-votes-days} days, every
 * {@code afstemning.retention.every}, of every poll type, keeping what each type's results need (counts per option,
 * value or place, merged words, shown open answers, who answered and quiz points; see {@link VotePruning}), so that
 * results stay the same. 0 days: keep for ever.
 */
@ApplicationScoped
public class RawVoteRetention {

    @Inject
    RetentionConfig config;

    @Inject
    DatabaseClock clock;

    @Inject
    PollTypes types;

    @Scheduled(every = "{afstemning.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int days = config.rawVotesDays();
        if (days > 0) {
            int deleted = prune(clock.now().minus(Duration.ofDays(days)));
            if (deleted > 0) {
                Log.infof("Retention: deleted %d raw vote(s) older than %d day(s); their aggregates are kept", deleted,
                        days);
            }
        }
    }

    /**
     * Prunes raw votes cast before {@code cutoff}, except those of a poll's open current round (see
     * {@link VotePruning#prune}).
     *
     * @return the number of raw votes deleted
     */
    @Transactional
    public int prune(Instant cutoff) {
        return VotePruning.prune(cutoff, types);
    }
}
