package dk.afstemning.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.poll.PollChanged;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowChanged;

/**
 * The per-talk index of live connections and the push path. After a change commits, the poll's results are read once
 * from the database, serialised once and sent to each presenter of the talk without waiting for any of them. Pushes
 * are coalesced to at most one per poll per {@code afstemning.live.push-interval-ms} (default 100 ms), and the last
 * state is always sent.
 */
@ApplicationScoped
public class LiveHub {

    private final Map<String, Set<WebSocketConnection>> presenters = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> participants = new ConcurrentHashMap<>();
    private final Map<String, Set<WebSocketConnection>> participantConnections = new ConcurrentHashMap<>();
    private final Set<Long> stateChanged = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private final Coalescer coalescer;

    @Inject
    ResultsService results;

    @Inject
    LiveService live;

    @Inject
    ObjectMapper mapper;

    LiveHub(@ConfigProperty(name = "afstemning.live.push-interval-ms", defaultValue = "100") long intervalMillis) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "afstemning-live-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        coalescer = new Coalescer(executor, intervalMillis);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    void addPresenter(String code, WebSocketConnection connection) {
        presenters.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    /** True for a presenter connection opened with the talk's presenter key (it may see unpublished content). */
    public static boolean holdsKey(WebSocketConnection connection) {
        return Boolean.TRUE.equals(connection.userData().get(PresenterSocket.KEYED));
    }

    void removePresenter(String code, WebSocketConnection connection) {
        Set<WebSocketConnection> set = presenters.get(code);
        if (set != null) {
            set.remove(connection);
        }
    }

    void addParticipant(String code, WebSocketConnection connection, long participantId) {
        participants.computeIfAbsent(code, c -> new ConcurrentHashMap<>()).put(connection.id(), participantId);
        participantConnections.computeIfAbsent(code, c -> ConcurrentHashMap.newKeySet()).add(connection);
        presenceChanged(code);
    }

    void removeParticipant(String code, WebSocketConnection connection) {
        Map<String, Long> map = participants.get(code);
        if (map != null) {
            map.remove(connection.id());
        }
        Set<WebSocketConnection> set = participantConnections.get(code);
        if (set != null) {
            set.remove(connection);
        }
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
        coalescer.request("poll:" + change.pollId(), () -> pushPoll(change.pollId(), change.joinCode()));
    }

    void onShowChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShowChanged change) {
        String code = change.joinCode();
        coalescer.request("show:" + code, () -> {
            String json = json(live.show(code));
            send(presenters.get(code), json);
            send(participantConnections.get(code), json);
        });
    }

    private void presenceChanged(String code) {
        coalescer.request("presence:" + code, () -> send(presenters.get(code),
                json(new LiveMessages.Presence(code, connectedParticipants(code)))));
    }

    private void pushPoll(long pollId, String code) {
        PollResults snapshot = results.results(pollId);
        send(presenters.get(code), json(snapshot));
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
     * Sends to every presenter screen of the talk: {@code keyedJson} to those opened with the presenter key,
     * {@code publicJson} to the read-only ones.
     */
    public void sendToPresenters(String code, String keyedJson, String publicJson) {
        Set<WebSocketConnection> set = presenters.get(code);
        if (set != null) {
            for (WebSocketConnection c : set) {
                send(c, holdsKey(c) ? keyedJson : publicJson);
            }
        }
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
                send(c, json);
            }
        }
    }

    private static void send(WebSocketConnection c, String json) {
        if (c.isOpen()) {
            c.sendText(json).subscribe().with(v -> {
            }, t -> Log.debugf("Live push to %s failed: %s", c.id(), t.getMessage()));
        }
    }

    private static void send(Set<WebSocketConnection> connections, String json) {
        if (connections == null) {
            return;
        }
        for (WebSocketConnection c : connections) {
            send(c, json);
        }
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
