package dk.afstemning.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import dk.afstemning.live.bus.BusMessage;
import dk.afstemning.live.bus.BusMessage.Kind;
import dk.afstemning.live.bus.LiveBus;
import dk.afstemning.participant.ParticipantJoined;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.polltype.open.TextModeration;
import dk.afstemning.reaction.ReactionService;
import dk.afstemning.talk.ShowChanged;

/**
 * Carries the live engine's changes between instances over the {@link LiveBus}. Every change event fired inside a
 * transaction here ({@link PollChanged}, {@link ShowChanged}, {@link ParticipantJoined},
 * {@link TextModeration.Changed}) is published as ids; a message from another instance is fired here again as the
 * same event, outside any transaction (features of other packages, such as Q&A, {@link #publish} and
 * {@link #receive} their own), so that the same observers that push after a local commit (the
 * {@link LiveHub}, Q&A, moderation, countdowns) re-read the database and push to this instance's sockets. Reactions
 * travel as counts per slide every {@value ReactionService#PUSH_INTERVAL_MS} ms; presence as each instance's number of
 * connected participants per talk, sent on change and every {@value #HEARTBEAT_SECONDS} s, forgotten after
 * {@value #PRESENCE_TTL_SECONDS} s without news (an instance that died stops counting then).
 */
@ApplicationScoped
public class LiveRelay {

    static final int HEARTBEAT_SECONDS = 5;
    static final int PRESENCE_TTL_SECONDS = 15;

    /** True while this thread fires an event that came over the bus: it must not go out again. */
    private static final ThreadLocal<Boolean> FROM_BUS = ThreadLocal.withInitial(() -> false);

    @Inject
    LiveBus bus;

    @Inject
    LiveHub hub;

    @Inject
    LiveService live;

    @Inject
    ReactionService reactions;

    @Inject
    Event<PollChanged> pollChanges;

    @Inject
    Event<ShowChanged> showChanges;

    @Inject
    Event<ParticipantJoined> joins;

    @Inject
    Event<TextModeration.Changed> textChanges;

    /** Per talk, per other instance: its connected participants and until when that holds (System.nanoTime()). */
    private final Map<String, Map<String, long[]>> remotePresence = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;

    void onStart(@Observes StartupEvent event) {
        if (!bus.active()) {
            return;
        }
        bus.start(this::received, this::resync);
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "afstemning-presence");
            t.setDaemon(true);
            return t;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
    }

    void onPollChanged(@Observes PollChanged change) {
        publish(Kind.POLL, change.joinCode(), change.pollId(), change.stateChanged(), List.of());
    }

    void onShowChanged(@Observes ShowChanged change) {
        publish(Kind.SHOW, change.joinCode(), 0, false, List.of());
    }

    void onJoined(@Observes ParticipantJoined joined) {
        publish(Kind.JOINED, joined.joinCode(), 0, false, List.of());
    }

    void onTextChanged(@Observes TextModeration.Changed change) {
        publish(Kind.TEXT, change.joinCode(), change.pollId(), false, change.participantIds());
    }

    /** Per kind of message that a feature of another package handles: its handler. */
    private final Map<Kind, Consumer<BusMessage>> receivers = new ConcurrentHashMap<>();

    /**
     * Announces a change to the other instances once the current transaction commits; call it from an observer
     * that runs inside the transaction. Nothing goes out while this thread handles a message from the bus.
     */
    public void publish(Kind kind, String code, long id, boolean flag, Collection<Long> ids) {
        if (!FROM_BUS.get()) {
            bus.publish(BusMessage.of(kind, code, id, flag, ids));
        }
    }

    /**
     * Hands messages of {@code kind} from other instances to {@code receiver} (a feature outside this package, such
     * as Q&A); it also gets an empty one per talk with sockets here after the bus was lost and found again.
     */
    public void receive(Kind kind, Consumer<BusMessage> receiver) {
        receivers.put(kind, receiver);
    }

    /** This instance's connected participants of the talk changed: the others learn the new count. */
    void presenceChanged(String code, int connected) {
        if (bus.active()) {
            bus.publish(BusMessage.of(Kind.PRESENCE, code, connected, false, List.of()));
        }
    }

    /** Connected participants of the talk on the other instances (each counted there, so a phone in two counts twice). */
    int remoteConnected(String code) {
        Map<String, long[]> byInstance = remotePresence.get(code);
        if (byInstance == null) {
            return 0;
        }
        long now = System.nanoTime();
        int sum = 0;
        for (long[] entry : byInstance.values()) {
            if (entry[1] - now > 0) {
                sum += (int) entry[0];
            }
        }
        return sum;
    }

    /** Reactions counted here since the last call go to the other instances' screens. */
    void shareReactions() {
        if (!bus.active()) {
            return;
        }
        reactions.takeUnshared((code, slide, counts) -> {
            List<Long> ids = new ArrayList<>(counts.length);
            for (long n : counts) {
                ids.add(n);
            }
            bus.publish(BusMessage.of(Kind.REACTIONS, code, slide, false, ids));
        });
    }

    private void received(BusMessage m) {
        String code = m.joinCode();
        boolean stateChange = m.kind() == Kind.POLL && m.flag();
        if (!stateChange && m.kind() != Kind.PRESENCE && m.kind() != Kind.REVOKED && !hub.hasConnections(code)) {
            // Nobody here to tell: no database read. A poll's state change still counts (countdowns), presence too.
            return;
        }
        FROM_BUS.set(true);
        try {
            switch (m.kind()) {
                case POLL -> pollChanges.fire(new PollChanged(m.id(), code, m.flag()));
                case SHOW -> showChanges.fire(new ShowChanged(code));
                case JOINED -> joins.fire(new ParticipantJoined(code));
                case QA, REVOKED -> {
                    Consumer<BusMessage> receiver = receivers.get(m.kind());
                    if (receiver != null) {
                        receiver.accept(m);
                    }
                }
                case TEXT -> textChanges.fire(new TextModeration.Changed(m.id(), code, m.ids()));
                case REACTIONS -> {
                    long[] counts = new long[m.ids().size()];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = m.ids().get(i);
                    }
                    reactions.addRemote(code, (int) m.id(), counts);
                }
                case PRESENCE -> {
                    long[] before = remotePresence.computeIfAbsent(code, c -> new ConcurrentHashMap<>()).put(
                            m.origin(), new long[] { m.id(),
                                    System.nanoTime() + TimeUnit.SECONDS.toNanos(PRESENCE_TTL_SECONDS) });
                    // A heartbeat that repeats the count, or a talk with no screen here, needs no push.
                    if ((before == null || before[0] != m.id()) && hub.hasConnections(code)) {
                        hub.pushPresence(code);
                    }
                }
            }
        } finally {
            FROM_BUS.set(false);
        }
    }

    /**
     * After (re)subscribing: whatever was sent meanwhile is lost, so every talk with sockets here gets its state
     * pushed afresh from the database, as if each had changed.
     */
    private void resync() {
        FROM_BUS.set(true);
        try {
            for (String code : hub.talksWithConnections()) {
                showChanges.fire(new ShowChanged(code));
                joins.fire(new ParticipantJoined(code));
                Consumer<BusMessage> qa = receivers.get(Kind.QA);
                if (qa != null) {
                    qa.accept(BusMessage.of(Kind.QA, code, 0, false, List.of()));
                }
                live.pollsToResync(code).forEach((pollId, state) -> pollChanges.fire(
                        new PollChanged(pollId, code, state)));
            }
        } finally {
            FROM_BUS.set(false);
        }
        beat();
    }

    /** Tells the others this instance's counts again, and forgets instances not heard of for a while. */
    private void beat() {
        try {
            for (String code : hub.talksWithConnections()) {
                presenceChanged(code, hub.localConnectedParticipants(code));
            }
            long now = System.nanoTime();
            remotePresence.forEach((code, byInstance) -> {
                if (byInstance.values().removeIf(e -> e[1] - now <= 0) && hub.hasConnections(code)) {
                    hub.pushPresence(code);
                }
            });
        } catch (RuntimeException e) {
            Log.warnf(e, "Live bus: presence heartbeat failed");
        }
    }
}
