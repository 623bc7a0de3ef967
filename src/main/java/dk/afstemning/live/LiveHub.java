package dk.afstemning.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.metrics.LiveMetrics;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowChanged;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.SocketUpgradeGuard;

/**
 * The per-talk index of live connections and the push path. After a change commits, the poll's results are read once
 * from the database, serialised once and sent to each presenter of the talk without waiting for any of them. Pushes
 * are coalesced to at most one per poll per {@code afstemning.live.push-interval-ms} (default 100 ms), and the last
 * state is always sent. Every send goes through {@link SendQueues}: a connection with more than
 * {@code afstemning.live.max-pending-sends} (default 64) messages not yet written is closed as too slow.
 */
@ApplicationScoped
public class LiveHub {

    private final Map<String, Set<WebSocketConnection>> presenters = new ConcurrentHashMap<>();
    private final Map<String, Set<WebSocketConnection>> screens = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> participants = new ConcurrentHashMap<>();
    private final Map<String, Set<WebSocketConnection>> participantConnections = new ConcurrentHashMap<>();
    private final Set<Long> stateChanged = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private final Coalescer coalescer;
    private final SendQueues queues;
    /** Per poll: System.nanoTime() of the oldest commit not yet pushed, 0 when none (for the push-lag metric). */
    private final Map<Long, AtomicLong> oldestUnpushed = new ConcurrentHashMap<>();

    @Inject
    ResultsService results;

    @Inject
    LiveService live;

    @Inject
    ObjectMapper mapper;

    @Inject
    LiveMetrics metrics;

    @Inject
    AbuseLimits limits;

    @Inject
    ParticipantService participantService;

    LiveHub(LiveConfig config) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "afstemning-live-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        coalescer = new Coalescer(executor, config.pushIntervalMs());
        queues = new SendQueues(config.maxPendingSends(), () -> metrics.droppedTooSlow());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Set on a screen connection opened with the talk's presenter key (the presenter feed). */
    static final UserData.TypedKey<Boolean> KEYED = UserData.TypedKey.forBoolean("keyed");

    /** True for a presenter feed, opened with the talk's presenter key (it may see unpublished content). */
    public static boolean holdsKey(WebSocketConnection connection) {
        return Boolean.TRUE.equals(connection.userData().get(KEYED));
    }

    /** Registers a presenter feed ({@code presenter}) or a public screen feed of the talk. */
    void addScreen(String code, WebSocketConnection connection, boolean presenter) {
        connection.userData().put(KEYED, presenter);
        (presenter ? presenters : screens).computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void removeScreen(String code, WebSocketConnection connection, boolean presenter) {
        Set<WebSocketConnection> set = (presenter ? presenters : screens).get(code);
        if (set != null) {
            set.remove(connection);
        }
        queues.forget(connection.id());
    }

    void addParticipant(String code, WebSocketConnection connection, long participantId) {
        participants.computeIfAbsent(code, c -> new ConcurrentHashMap<>()).put(connection.id(), participantId);
        if (participantConnections.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).add(connection)) {
            metrics.participantConnected();
        }
        presenceChanged(code);
    }

    void removeParticipant(String code, WebSocketConnection connection) {
        Map<String, Long> map = participants.get(code);
        if (map != null) {
            map.remove(connection.id());
        }
        Set<WebSocketConnection> set = participantConnections.get(code);
        if (set != null && set.remove(connection)) {
            metrics.participantDisconnected();
        }
        queues.forget(connection.id());
        presenceChanged(code);
    }

    /** Distinct participants with the talk open right now (two tabs of one phone count once). */
    public int connectedParticipants(String code) {
        Map<String, Long> map = participants.get(code);
        return map == null ? 0 : (int) map.values().stream().distinct().count();
    }

    void onPollChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PollChanged change) {
        if (change.stateChanged()) {
            stateChanged.add(change.pollId());
        }
        oldestUnpushed.computeIfAbsent(change.pollId(), id -> new AtomicLong()).compareAndSet(0, System.nanoTime());
        coalescer.request("poll:" + change.pollId(), () -> pushPoll(change.pollId(), change.joinCode()));
    }

    void onShowChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShowChanged change) {
        String code = change.joinCode();
        coalescer.request("show:" + code, () -> {
            String json = json(live.show(code));
            send(presenters.get(code), json);
            send(screens.get(code), json);
            send(participantConnections.get(code), json);
        });
    }

    private void presenceChanged(String code) {
        coalescer.request("presence:" + code, () -> {
            long joined = participantService.joined(code);
            send(presenters.get(code), json(presence(code, true, joined)));
            send(screens.get(code), json(presence(code, false, joined)));
        });
    }

    /** The talk's presence message: joined participants, and for the presenter's feed the connected ones. */
    LiveMessages.Presence presence(String code, boolean presenter) {
        return presence(code, presenter, participantService.joined(code));
    }

    private LiveMessages.Presence presence(String code, boolean presenter, long joined) {
        return new LiveMessages.Presence(code, presenter ? connectedParticipants(code) : null, joined);
    }

    private void pushPoll(long pollId, String code) {
        AtomicLong oldest = oldestUnpushed.get(pollId);
        long since = oldest == null ? 0 : oldest.getAndSet(0);
        PollResults snapshot = results.results(pollId);
        String json = json(snapshot);
        Set<WebSocketConnection> presenterConnections = presenters.get(code);
        send(presenterConnections, json);
        send(screens.get(code), json);
        if (since != 0 && presenterConnections != null && !presenterConnections.isEmpty()) {
            metrics.pushed(System.nanoTime() - since);
        }
        if (stateChanged.remove(pollId)) {
            send(participantConnections.get(code), json(new LiveMessages.PollState(snapshot.pollId(),
                    snapshot.status(), snapshot.round(), snapshot.version(), snapshot.remainingMs())));
        }
    }

    /** Runs {@code task} for {@code key} at most once per push interval, always once after the last request. */
    public void coalesce(String key, Runnable task) {
        coalescer.request(key, task);
    }

    /**
     * Sends to every screen of the talk: {@code keyedJson} to the presenter feeds (opened with the presenter key),
     * {@code publicJson} to the public screen feeds.
     */
    public void sendToPresenters(String code, String keyedJson, String publicJson) {
        send(presenters.get(code), keyedJson);
        send(screens.get(code), publicJson);
    }

    /** Sends to the presenter feeds of the talk opened with the presenter key only (unpublished content). */
    public void sendToKeyedPresenters(String code, String json) {
        send(presenters.get(code), json);
    }

    /** Sends to every participant connection of the talk. */
    public void sendToParticipants(String code, String json) {
        send(participantConnections.get(code), json);
    }

    /** Sends to the connections (tabs) of one participant of the talk. */
    public void sendToParticipant(String code, long participantId, String json) {
        Map<String, Long> ids = participants.get(code);
        Set<WebSocketConnection> set = participantConnections.get(code);
        if (ids == null || set == null) {
            return;
        }
        for (WebSocketConnection c : set) {
            if (Long.valueOf(participantId).equals(ids.get(c.id()))) {
                queues.send(SendQueues.target(c), json);
            }
        }
    }

    private void send(Set<WebSocketConnection> connections, String json) {
        if (connections == null) {
            return;
        }
        for (WebSocketConnection c : connections) {
            queues.send(SendQueues.target(c), json);
        }
    }

    /**
     * Refuses a connection that could not be opened (unknown talk, not joined, wrong key): the refusal, as judged for
     * join codes by {@link AbuseLimits#joinCodeRefusal}, is sent as an {@code error} message and the connection closed
     * with 1008.
     */
    public void refuse(WebSocketConnection connection, ApiProblem problem) {
        ApiProblem refusal = limits.joinCodeRefusal(problem, SocketUpgradeGuard.client(connection));
        connection.sendTextAndAwait(json(
                new LiveMessages.Error(null, refusal.status(), refusal.type(), refusal.detail())));
        connection.closeAndAwait(new CloseReason(1008, refusal.type()));
    }

    /** {@code message} as JSON, by the application's Jackson mapper. */
    public String json(Object message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
