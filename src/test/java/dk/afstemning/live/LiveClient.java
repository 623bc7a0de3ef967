package dk.afstemning.live;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;

/** A real WebSocket client for tests that records every message it receives, in order. */
public final class LiveClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final List<JsonNode> all = java.util.Collections.synchronizedList(new ArrayList<>());
    public volatile Integer closeCode;
    public final WebSocketClientConnection connection;

    LiveClient(BasicWebSocketConnector connector, URI base, String path, String token) {
        this(connector, base, path, token, Map.of());
    }

    /** A client that also sends {@code headers} with the upgrade request (e.g. Origin, X-Forwarded-For). */
    public LiveClient(BasicWebSocketConnector connector, URI base, String path, String token,
            Map<String, String> headers) {
        // Non-blocking: callbacks run in order on the connection's event loop, so the inbox keeps the wire order.
        connector.baseUri(base).path(path).executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, m) -> {
            try {
                JsonNode node = MAPPER.readTree(m);
                all.add(node);
                inbox.add(node);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).onClose((c, reason) -> closeCode = reason.getCode());
        if (token != null) {
            connector.addHeader("Cookie", "afstemning_pid=" + token);
        }
        headers.forEach(connector::addHeader);
        connection = connector.connectAndAwait();
    }

    /** The next message matching {@code filter}, skipping others; fails after 10 s. */
    public JsonNode next(Predicate<JsonNode> filter) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode node = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (node != null && filter.test(node)) {
                return node;
            }
        }
        throw new AssertionError("no matching message within 10 s; received " + all);
    }

    public JsonNode next(String type) throws InterruptedException {
        return next(n -> n.path("type").asText().equals(type));
    }

    /**
     * An answer and a push that may arrive in either order (a push goes out at the commit, the answer after it): the
     * next message matching each filter, by message type. Fails after 10 s per message.
     */
    public java.util.Map<String, JsonNode> nextOfEach(Predicate<JsonNode> first, Predicate<JsonNode> second)
            throws InterruptedException {
        java.util.Map<String, JsonNode> got = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            JsonNode m = next(n -> first.test(n) || second.test(n));
            got.put(m.path("type").asText(), m);
        }
        return got;
    }

    /** Every message received so far, in order. */
    public List<JsonNode> received() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public void send(String text) {
        connection.sendTextAndAwait(text);
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
