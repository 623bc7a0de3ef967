package dk.afstemning.live;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

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
import dk.afstemning.participant.ParticipantJoined;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.results.PhoneResults;
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
 * state is always sent. The same JSON goes to the phones that show the poll's results ({@link PhoneResults}), at most
 * once per poll per {@code afstemning.live.phone-push-interval-ms} (default 500 ms); when a poll closes, each phone
 * also gets its own result where the type has one (a quiz's right or wrong, points and rank). Every send goes
 * through {@link SendQueues}: a connection with more than
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
    /** Pushes of results to phones, at most one per poll per {@code afstemning.live.phone-push-interval-ms}. */
    private final Coalescer phoneCoalescer;
    /** Per poll (join code and deck id): the newest results pushed to screens, with their JSON, for the phones. */
    private final Map<String, Pushed> latest = new ConcurrentHashMap<>();
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

    @Inject
    LiveRelay relay;

    LiveHub(LiveConfig config) {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "afstemning-live-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        coalescer = new Coalescer(executor, config.pushIntervalMs());
        phoneCoalescer = new Coalescer(executor, config.phonePushIntervalMs());
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

    /**
     * Participants with the talk open right now, on every instance: distinct on each instance (two tabs of one phone
     * count once), summed across instances ({@link LiveRelay}).
     */
    public int connectedParticipants(String code) {
        return localConnectedParticipants(code) + relay.remoteConnected(code);
    }

    /** Distinct participants with the talk open on this instance. */
    int localConnectedParticipants(String code) {
        Map<String, Long> map = participants.get(code);
        return map == null ? 0 : (int) map.values().stream().distinct().count();
    }

    /** Whether any socket of the talk is open on this instance. */
    boolean hasConnections(String code) {
        for (Map<String, Set<WebSocketConnection>> index : List.of(presenters, screens, participantConnections)) {
            Set<WebSocketConnection> set = index.get(code);
            if (set != null && !set.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Join codes of the talks with a socket open on this instance. */
    Set<String> talksWithConnections() {
        Set<String> codes = new java.util.HashSet<>();
        for (Map<String, Set<WebSocketConnection>> index : List.of(presenters, screens, participantConnections)) {
            index.forEach((code, set) -> {
                if (!set.isEmpty()) {
                    codes.add(code);
                }
            });
        }
        return codes;
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
            var state = live.show(code);
            String json = json(state);
            send(presenters.get(code), json);
            send(screens.get(code), json);
            send(participantConnections.get(code), json);
            if (state.pollId() != null) {
                // The phones now show this poll: those that show its results get them (a phone's state carries only
                // the results of the poll on the slide it connected on).
                String key = code + "/" + state.pollId();
                if (!latest.containsKey(key)) {
                    PollResults snapshot = results.results(code, state.pollId(), null);
                    latest.putIfAbsent(key, new Pushed(snapshot, json(snapshot)));
                }
                if (!PhoneResults.NEVER.equals(latest.get(key).results().phoneResults())) {
                    pushToPhones(key, code);
                }
            }
        });
    }

    void onParticipantJoined(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantJoined joined) {
        pushPresence(joined.joinCode());
    }

    /** A participant socket of the talk opened or closed here: the other instances and the screens learn it. */
    private void presenceChanged(String code) {
        relay.presenceChanged(code, localConnectedParticipants(code));
        pushPresence(code);
    }

    /** Sends the talk's presence (joined, and connected on every instance) to its screens, coalesced. */
    void pushPresence(String code) {
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
            if ("CLOSED".equals(snapshot.status())) {
                sendParticipantResults(pollId, code);
            }
        }
        // Stored before the phones' push is asked for, so a phone marked as voted before this line gets these
        // results from that push, and one marked after it reads them in voted().
        String key = code + "/" + snapshot.pollId();
        latest.put(key, new Pushed(snapshot, json));
        if (!PhoneResults.NEVER.equals(snapshot.phoneResults())) {
            phoneCoalescer.request("phone:" + pollId, () -> pushToPhones(key, code));
        }
    }

    /** Results with their JSON, serialised once for every connection. */
    private record Pushed(PollResults results, String json) {
    }

    /** The key of a connection's user data holding the round its participant voted in, per poll (deck id). */
    private static UserData.TypedKey<Integer> votedKey(String pollId) {
        return UserData.TypedKey.forInt("voted:" + pollId);
    }

    /**
     * The newest results of a poll to the phones that show them (its {@code phone-results}): one serialisation, then
     * per connection one look-up in its user data.
     */
    private void pushToPhones(String key, String code) {
        Pushed pushed = latest.get(key);
        Set<WebSocketConnection> connections = participantConnections.get(code);
        if (pushed == null || connections == null) {
            return;
        }
        PollResults r = pushed.results();
        if (PhoneResults.AFTER_VOTE.equals(r.phoneResults())) {
            UserData.TypedKey<Integer> voted = votedKey(r.pollId());
            for (WebSocketConnection c : connections) {
                Integer round = c.userData().get(voted);
                if (round != null && round == r.currentRound()) {
                    queues.send(SendQueues.target(c), pushed.json());
                }
            }
        } else if (PhoneResults.shows(r.phoneResults(), r.status(), false)) {
            send(connections, pushed.json());
        }
    }

    /**
     * Marks the connection's participant as having voted in {@code round} of the poll (deck id {@code pollId}), so
     * that it gets the poll's results from now on when the poll shows them after voting, and sends it the newest
     * results at once. A new round clears the mark (the round no longer matches).
     */
    void voted(WebSocketConnection connection, String code, String pollId, int round) {
        markVoted(connection, pollId, round);
        Pushed pushed = latest.get(code + "/" + pollId);
        if (pushed != null && pushed.results().currentRound() == round
                && PhoneResults.AFTER_VOTE.equals(pushed.results().phoneResults())) {
            queues.send(SendQueues.target(connection), pushed.json());
        }
    }

    /** Marks the connection's participant as having voted in {@code round} of the poll (deck id), as on connecting. */
    void markVoted(WebSocketConnection connection, String pollId, int round) {
        connection.userData().put(votedKey(pollId), round);
    }

    /** Each phone of the talk gets its own result of the closed poll where its type has one (a quiz-result). */
    private void sendParticipantResults(long pollId, String code) {
        LongFunction<Object> own = results.participantResults(pollId);
        Map<String, Long> ids = participants.get(code);
        Set<WebSocketConnection> connections = participantConnections.get(code);
        if (own == null || ids == null || connections == null) {
            return;
        }
        Map<Long, String> jsonByParticipant = new HashMap<>();
        for (WebSocketConnection c : connections) {
            Long participantId = ids.get(c.id());
            if (participantId != null) {
                queues.send(SendQueues.target(c),
                        jsonByParticipant.computeIfAbsent(participantId, id -> json(own.apply(id))));
            }
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
    /**
     * A failure on a live connection, for every socket's {@code @OnError}: a message over
     * {@code quarkus.websockets-next.server.max-message-size} is answered with an error {@code message-too-large} (Vert.x
     * drops the message and keeps the connection); any other failure closes the connection with 1011, without a stack
     * trace per abuser. (A single frame over {@code max-frame-size}, 64 KB, never gets here: Netty drops the connection.)
     */
    void failed(Throwable failure, WebSocketConnection connection) {
        if (!connection.isOpen()) {
            return;
        }
        if (SocketLimits.isTooLarge(failure)) {
            connection.sendTextAndAwait(json(new LiveMessages.Error(null, 413, "message-too-large",
                    SocketLimits.tooLargeDetail())));
            return;
        }
        connection.close(new CloseReason(1011, "connection failed")).subscribe().with(v -> {
        }, t -> {
        });
    }

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
