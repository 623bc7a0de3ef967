package dk.afstemning.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dk.afstemning.platform.DatabaseClock;

/**
 * Closes polls whose countdown ran out, on the database's clock ({@link DatabaseClock}). Votes are already refused from
 * {@code closes_at} on by the guarded UPDATE in the vote path; this timer makes the closed state official and pushes it
 * to every screen. After a restart, running countdowns are picked up again (and expired ones closed at once).
 * <p>
 * Every instance runs one: each schedules a check when it hears of a poll's state change, its own after commit or
 * another instance's through the live bus (fired without a transaction, so observed at once). Two instances then race
 * to close the same poll; {@link PollService#closeIfExpired}'s guarded UPDATE lets exactly one of them close it and fire
 * {@link PollChanged}.
 */
@ApplicationScoped
public class Countdowns {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "afstemning-countdown");
        t.setDaemon(true);
        return t;
    });

    @Inject
    PollService polls;

    @Inject
    DatabaseClock clock;

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().call(Poll::listCountingDown).forEach(p -> schedule(p.id, Duration.ZERO));
    }

    /**
     * Inside a transaction: after it commits (a rolled-back change schedules nothing). Without one (a change relayed
     * from another instance by the live bus): at once, as CDI notifies transactional observers when no transaction is
     * active.
     */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollChanged change) {
        if (change.stateChanged()) {
            schedule(change.pollId(), Duration.ZERO);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private void schedule(long pollId, Duration delay) {
        timer.schedule(() -> check(pollId), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check(long pollId) {
        try {
            Instant closesAt = QuarkusTransaction.requiringNew().call(() -> {
                Poll poll = Poll.findById(pollId);
                return poll == null || poll.status != PollStatus.OPEN ? null : poll.closesAt;
            });
            if (closesAt == null) {
                return;
            }
            Duration left = Duration.between(clock.now(), closesAt);
            if (left.isNegative() || left.isZero()) {
                QuarkusTransaction.requiringNew().call(() -> polls.closeIfExpired(pollId));
            } else {
                schedule(pollId, left.plusMillis(5));
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Countdown check of poll %d failed; retrying in 1 s", pollId);
            schedule(pollId, Duration.ofSeconds(1));
        }
    }
}
