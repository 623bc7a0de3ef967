package dk.afstemning.metrics;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The live engine's meters, published at {@code /q/metrics} (Prometheus text format):
 * <ul>
 * <li>{@code afstemning_participants_connected}: open participant sockets, all talks together (gauge);</li>
 * <li>{@code afstemning_votes_accepted_total}: acknowledged votes, REST and socket (a resend acknowledged again counts
 * again);</li>
 * <li>{@code afstemning_votes_refused_total{reason=…}}: refused votes by problem slug, e.g. {@code poll-closed},
 * {@code rate-limited}, {@code unknown-option};</li>
 * <li>{@code afstemning_vote_latency_seconds}: from a vote's receipt to its acknowledgement (after commit), accepted
 * votes only (histogram);</li>
 * <li>{@code afstemning_push_lag_seconds}: from the oldest vote commit a results push carries to that push being
 * handed to every presenter socket (histogram);</li>
 * <li>{@code afstemning_connections_dropped_total{reason="too-slow"}}: connections closed because their send queue
 * was full;</li>
 * <li>{@code afstemning_sockets_open}: open live sockets of every kind, all talks (gauge);</li>
 * <li>{@code afstemning_sockets_refused_total{reason="sockets-per-ip"}}: socket upgrades refused because their
 * client address held {@code afstemning.limits.sockets-per-ip} sockets already.</li>
 * </ul>
 */
@ApplicationScoped
public class LiveMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger sockets = new AtomicInteger();
    private final Counter accepted;
    private final Counter tooSlow;
    private final Counter socketsPerIp;
    private final Timer voteLatency;
    private final Timer pushLag;
    private final ConcurrentHashMap<String, Counter> refused = new ConcurrentHashMap<>();

    @Inject
    public LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("afstemning.participants.connected", connected, AtomicInteger::get)
                .description("Open participant sockets, all talks").register(registry);
        accepted = Counter.builder("afstemning.votes.accepted").description("Acknowledged votes").register(registry);
        tooSlow = Counter.builder("afstemning.connections.dropped").tag("reason", "too-slow")
                .description("Connections closed because their send queue was full").register(registry);
        Gauge.builder("afstemning.sockets.open", sockets, AtomicInteger::get)
                .description("Open live sockets of every kind, all talks").register(registry);
        socketsPerIp = Counter.builder("afstemning.sockets.refused").tag("reason", "sockets-per-ip")
                .description("Socket upgrades refused because the address held too many sockets").register(registry);
        voteLatency = Timer.builder("afstemning.vote.latency").description("Vote receipt to acknowledgement")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        pushLag = Timer.builder("afstemning.push.lag").description("Vote commit to results push sent")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    /** A participant socket opened. */
    public void participantConnected() {
        connected.incrementAndGet();
    }

    /** A participant socket that was counted as connected closed. */
    public void participantDisconnected() {
        connected.decrementAndGet();
    }

    /** A vote was acknowledged {@code nanos} after it was received. */
    public void voteAccepted(long nanos) {
        accepted.increment();
        voteLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A vote was refused with problem slug {@code reason}. */
    public void voteRefused(String reason) {
        refused.computeIfAbsent(reason, r -> Counter.builder("afstemning.votes.refused").tag("reason", r)
                .description("Refused votes by reason").register(registry)).increment();
    }

    /** A results push went out {@code nanos} after the oldest vote commit it carries. */
    public void pushed(long nanos) {
        pushLag.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A live socket of any kind opened. */
    public void socketOpened() {
        sockets.incrementAndGet();
    }

    /** A live socket of any kind closed. */
    public void socketClosed() {
        sockets.decrementAndGet();
    }

    /** A socket upgrade was refused because its client address held too many open sockets. */
    public void socketRefusedPerIp() {
        socketsPerIp.increment();
    }

    /** A connection was closed because it did not keep up with its pushes. */
    public void droppedTooSlow() {
        tooSlow.increment();
    }
}
