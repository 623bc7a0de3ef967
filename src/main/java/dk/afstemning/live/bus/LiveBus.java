package dk.afstemning.live.bus;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;

/**
 * The live bus between instances of one deployment ({@code afstemning.live.bus}): {@code none} (one instance, the
 * default on H2), {@code postgresql} ({@code LISTEN/NOTIFY}, the default in the PostgreSQL build) or {@code redis}
 * (pub/sub, {@code quarkus.redis.hosts}).
 * <p>
 * A change is announced only once it committed: on PostgreSQL the notification is sent inside the committing
 * transaction (PostgreSQL delivers it at commit, never on rollback), on Redis right after the commit. Messages carry
 * ids, never snapshots, and are coalesced per poll or talk: at most one per {@code afstemning.live.push-interval-ms}
 * (the first at once, then one more at the end of the interval for everything that committed meanwhile). Neither engine
 * replays what an instance missed, so each time the subscription is (re)established the instance resynchronises its
 * own sockets from the database (the {@code resync} of {@link #start}).
 */
@ApplicationScoped
public class LiveBus {

    @ConfigProperty(name = "afstemning.live.bus", defaultValue = "auto")
    String mode;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ConfigProperty(name = "afstemning.live.push-interval-ms", defaultValue = "100")
    long intervalMs;

    @ConfigProperty(name = "afstemning.instance")
    Optional<String> instanceName;

    @Inject
    Instance<PostgresTransport> postgres;

    @Inject
    Instance<RedisTransport> redis;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    private Transport transport;
    private String instance;
    private long intervalNanos;
    private volatile boolean connected;
    private volatile boolean everConnected;
    private Consumer<BusMessage> handler = m -> {
    };
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();
    private final AtomicLong lastPrune = new AtomicLong(System.nanoTime());
    private ScheduledExecutorService out;
    private ExecutorService in;
    private Timer lag;
    private Counter sent;
    private Counter received;

    /** Per coalescing key: when the last message left, and what waits for the end of the interval. */
    private static final class Gate {
        long last = Long.MIN_VALUE / 2;
        boolean trailing;
        BusMessage pending;
    }

    @PostConstruct
    void init() {
        instance = instanceName.filter(s -> !s.isBlank()).orElseGet(LiveBus::defaultInstance).replace('|', '_');
        intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        String chosen = "auto".equals(mode) ? ("postgresql".equals(dbKind) ? "postgresql" : "none") : mode;
        switch (chosen) {
            case "none" -> transport = null;
            case "postgresql" -> {
                if (!"postgresql".equals(dbKind)) {
                    throw new IllegalStateException("afstemning.live.bus=postgresql needs the PostgreSQL build "
                            + "(./mvnw -B -Ppostgresql package); this one stores in " + dbKind);
                }
                transport = postgres.get();
            }
            case "redis" -> transport = redis.get();
            default -> throw new IllegalStateException(
                    "afstemning.live.bus must be none, postgresql or redis, not '" + mode + "'");
        }
        lag = Timer.builder("afstemning.live.bus.lag")
                .description("A change sent on one instance to its bus message handled on another")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        sent = Counter.builder("afstemning.live.bus.messages").tag("direction", "sent").register(registry);
        received = Counter.builder("afstemning.live.bus.messages").tag("direction", "received").register(registry);
        Gauge.builder("afstemning.live.bus.connected", this, b -> b.connected ? 1 : 0)
                .description("1 while this instance listens on the live bus (always 0 with afstemning.live.bus=none)")
                .register(registry);
    }

    private static String defaultInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /**
     * Starts listening. {@code handler} gets every message another instance sent, one at a time on the bus's own
     * thread; {@code resync} runs on that thread each time the subscription is (re)established, since anything sent
     * while this instance was not listening is lost.
     */
    public void start(Consumer<BusMessage> handler, Runnable resync) {
        if (transport == null) {
            return;
        }
        this.handler = handler;
        out = Executors.newSingleThreadScheduledExecutor(r -> thread(r, "afstemning-bus-out"));
        in = Executors.newSingleThreadExecutor(r -> thread(r, "afstemning-bus-in"));
        transport.start(text -> in.execute(() -> receive(text)), () -> in.execute(() -> {
            boolean again = everConnected;
            connected = true;
            everConnected = true;
            Log.infof("Live bus: %s listens on %s%s", instance, transport.name(), again ? " again; resynchronising"
                    : "");
            try {
                resync.run();
            } catch (RuntimeException e) {
                Log.warnf(e, "Live bus: resynchronising failed");
            }
        }), () -> {
            if (connected) {
                Log.warnf("Live bus: %s lost %s; it resynchronises once it listens again", instance,
                        transport.name());
            }
            connected = false;
        });
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @PreDestroy
    void stop() {
        if (transport != null) {
            transport.stop();
        }
        if (out != null) {
            out.shutdownNow();
            in.shutdownNow();
        }
    }

    /** Whether messages go to other instances at all ({@code afstemning.live.bus} is not {@code none}). */
    public boolean active() {
        return transport != null;
    }

    /** The engine: {@code none}, {@code postgresql} or {@code redis}. */
    public String engine() {
        return transport == null ? "none" : transport.name();
    }

    /** Whether this instance listens on the bus right now. */
    public boolean connected() {
        return connected;
    }

    /** This instance's name on the bus ({@code afstemning.instance}, default host name and process id). */
    public String instance() {
        return instance;
    }

    /**
     * Announces a change to the other instances once the caller's transaction commits (nothing when it rolls back),
     * or at once when no transaction is active; coalesced per poll or talk as the class says.
     */
    public void publish(BusMessage message) {
        if (transport == null || out == null) {
            return;
        }
        boolean inTransaction = transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
        String key = message.coalescingKey();
        if (key == null) {
            afterCommit(inTransaction, () -> send(message));
            return;
        }
        Gate gate = gates.computeIfAbsent(key, k -> new Gate());
        synchronized (gate) {
            long now = System.nanoTime();
            if (!gate.trailing && now - gate.last >= intervalNanos) {
                gate.last = now;
                if (inTransaction && publishInTransaction(message)) {
                    return;
                }
                afterCommit(inTransaction, () -> send(message));
                return;
            }
        }
        afterCommit(inTransaction, () -> trail(key, gate, message));
        pruneNowAndThen();
    }

    private boolean publishInTransaction(BusMessage message) {
        BusMessage stamped = message.stamped(instance, System.currentTimeMillis());
        for (BusMessage part : stamped.split()) {
            if (!transport.publishInTransaction(part.encode())) {
                return false;
            }
        }
        sent.increment();
        return true;
    }

    private void afterCommit(boolean inTransaction, Runnable task) {
        if (!inTransaction) {
            task.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    task.run();
                }
            }
        });
    }

    /** Keeps {@code message} for the end of the gate's interval, with whatever else comes before it. */
    private void trail(String key, Gate gate, BusMessage message) {
        synchronized (gate) {
            gate.pending = gate.pending == null ? message : gate.pending.merge(message);
            if (!gate.trailing) {
                gate.trailing = true;
                long delay = Math.max(0, gate.last + intervalNanos - System.nanoTime());
                out.schedule(() -> {
                    BusMessage due;
                    synchronized (gate) {
                        due = gate.pending;
                        gate.pending = null;
                        gate.trailing = false;
                        gate.last = System.nanoTime();
                    }
                    if (due != null) {
                        publishNow(due);
                    }
                }, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Sends from the bus's own thread, never the caller's (which may be an event loop). */
    private void send(BusMessage message) {
        out.execute(() -> publishNow(message));
    }

    private void publishNow(BusMessage message) {
        try {
            for (BusMessage part : message.stamped(instance, System.currentTimeMillis()).split()) {
                transport.publish(part.encode());
            }
            sent.increment();
        } catch (RuntimeException e) {
            Log.warnf("Live bus: sending failed (%s)", e.getMessage());
        }
    }

    private void receive(String text) {
        BusMessage message;
        try {
            message = BusMessage.decode(text);
        } catch (RuntimeException e) {
            Log.debugf("Live bus: ignored a message that is not ours (%s)", e.getMessage());
            return;
        }
        if (instance.equals(message.origin())) {
            return;
        }
        received.increment();
        lag.record(Math.max(0, System.currentTimeMillis() - message.sentAtMillis()), TimeUnit.MILLISECONDS);
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            Log.warnf(e, "Live bus: handling %s %s failed", message.kind(), message.joinCode());
        }
    }

    /** Forgets gates idle for a minute (one per poll and talk ever changed would otherwise stay). */
    private void pruneNowAndThen() {
        long now = System.nanoTime();
        long last = lastPrune.get();
        if (now - last < TimeUnit.MINUTES.toNanos(1) || !lastPrune.compareAndSet(last, now)) {
            return;
        }
        gates.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return !e.getValue().trailing && now - e.getValue().last > TimeUnit.MINUTES.toNanos(1);
            }
        });
    }
}
