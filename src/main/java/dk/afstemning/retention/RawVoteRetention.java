package dk.afstemning.retention;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

import dk.afstemning.results.VoteTally;

/**
 * Deletes raw votes (and vote receipts) older than {@code afstemning.retention.raw-votes-days} days, every
 * {@code afstemning.retention.every}, keeping per-option counts so that results stay the same. 0 days: keep for ever.
 * Only {@code choice} polls are pruned ({@link VoteTally#PRUNED_TYPE}): the other types' results cannot be kept as
 * counts per option, so their raw votes stay, and each run that finds such old votes says so in the log.
 */
@ApplicationScoped
public class RawVoteRetention {

    @ConfigProperty(name = "afstemning.retention.raw-votes-days", defaultValue = "0")
    int days;

    @Scheduled(every = "{afstemning.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (days > 0) {
            int deleted = prune(Instant.now().minus(Duration.ofDays(days)));
            if (deleted > 0) {
                Log.infof("Retention: deleted %d raw vote(s) older than %d day(s); their counts are kept", deleted,
                        days);
            }
            long kept = kept(Instant.now().minus(Duration.ofDays(days)));
            if (kept > 0) {
                Log.infof("Retention: kept %d raw vote(s) older than %d day(s) of polls that are not single choice"
                        + " (multiple, scale, slider, ranking, quiz): their results need every vote", kept, days);
            }
        }
    }

    /**
     * Prunes raw votes cast before {@code cutoff} (see {@link VoteTally#prune}).
     *
     * @return the number of raw votes deleted
     */
    @Transactional
    public int prune(Instant cutoff) {
        return VoteTally.prune(cutoff);
    }

    /** Raw votes older than {@code cutoff} that pruning keeps (see {@link VoteTally#countKept}). */
    @Transactional
    public long kept(Instant cutoff) {
        return VoteTally.countKept(cutoff);
    }
}
