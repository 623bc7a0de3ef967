package dk.afstemning.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;

import dk.afstemning.polltype.PollTypes;
import dk.afstemning.platform.DatabaseClock;
import dk.afstemning.platform.Leases;

/**
 * Deletes raw votes (and vote receipts) older than {@code afstemning.retention.raw-votes-days} days, every
 * {@code afstemning.retention.every}, of every poll type, keeping what each type's results need (counts per option,
 * value or place, merged words, shown open answers, who answered and quiz points; see {@link VotePruning}), so that
 * results stay the same. 0 days: keep for ever.
 * <p>
 * With several instances, each one's scheduler fires, but the job runs under the lease {@value #LEASE}
 * ({@link Leases}): never on two instances at once, and after a run no instance starts it again for half a period, so
 * it runs about once per period whichever instances are up.
 */
@ApplicationScoped
public class RawVoteRetention {

    @Inject
    RetentionConfig config;

    @Inject
    DatabaseClock clock;

    @Inject
    PollTypes types;

    @Inject
    Leases leases;

    /** The lease's name. */
    static final String LEASE = "raw-vote-retention";

    /** Longer than a run ever takes: a run that dies keeps the others off only this long. */
    static final Duration RUN_TTL = Duration.ofHours(1);

    @Scheduled(every = "{afstemning.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int days = config.rawVotesDays();
        if (days > 0) {
            pruneAlone(days, halfPeriod(config.every())).filter(deleted -> deleted > 0).ifPresent(deleted -> Log.infof(
                    "Retention: deleted %d raw vote(s) older than %d day(s); their aggregates are kept", deleted, days));
        }
    }

    /**
     * Prunes raw votes older than {@code days} days unless another instance holds the job's lease.
     *
     * @param keepOff how long after this run no instance runs the job again
     * @return the number of raw votes deleted, or empty when another instance is running the job
     */
    Optional<Integer> pruneAlone(int days, Duration keepOff) {
        if (!leases.tryAcquire(LEASE, RUN_TTL)) {
            Log.debugf("Retention: another instance holds the lease '%s'; skipped", LEASE);
            return Optional.empty();
        }
        Duration after = Duration.ZERO;
        try {
            int deleted = prune(clock.now().minus(Duration.ofDays(days)));
            after = keepOff;
            return Optional.of(deleted);
        } finally {
            leases.release(LEASE, leases.self(), after);
        }
    }

    /** Half of {@code afstemning.retention.every} ({@code 1h}, {@code PT30M}...); zero when it is not a duration. */
    static Duration halfPeriod(String every) {
        try {
            return DurationConverter.parseDuration(every).dividedBy(2);
        } catch (RuntimeException e) {
            return Duration.ZERO;
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
