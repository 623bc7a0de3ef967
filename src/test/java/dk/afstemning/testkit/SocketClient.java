package dk.afstemning.testkit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one WebSocket client of the tests, on the JDK's {@link java.net.http.WebSocket}, so that it needs no CDI and
 * works against a packaged app as well as inside a {@code @QuarkusTest}. It records every text message in order
 * (text that is not JSON becomes {@code {"type":"<not json>","text":…}}, a binary message {@code {"type":"<binary>"}}).
 * Besides a clean close it can drop the connection the way a phone does: {@link #abort()} closes the TCP connection
 * without a WebSocket close frame. A refused upgrade makes {@code connect} throw; {@link #rejectedStatus} reads its
 * HTTP status.
 */
public final class SocketClient implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration NEXT_TIMEOUT = Duration.ofSeconds(10);

    /** Messages not yet taken by {@link #next} or {@link #poll}. */
    public final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    /** Every message received, in order. */
    public final List<JsonNode> all = Collections.synchronizedList(new ArrayList<>());
    /** The close code the server sent, or null while open (also null after {@link #abort()}). */
    public volatile Integer closeCode;
    /** The close reason the server sent, or null while open. */
    public volatile String closeReason;
    /** Completes when the input side ends: a close frame from the server, an error or an abort. */
    public final CompletableFuture<Void> closed = new CompletableFuture<>();

    private final WebSocket socket;

    private SocketClient(URI uri, String participantToken, Map<String, String> headers) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (participantToken != null) {
            builder.header("Cookie", "afstemning_pid=" + participantToken);
        }
        headers.forEach(builder::header);
        socket = builder.buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** Connects to {@code path} (e.g. {@code /ws/screen/ABC234}) on the server at {@code base}, without a cookie. */
    public static SocketClient connect(URI base, String path) {
        return connect(base, path, null);
    }

    /**
     * Connects to {@code path} (e.g. {@code /ws/participant/ABC234}) on the server at {@code base} (http or ws
     * scheme), with the participant cookie when {@code participantToken} is not null.
     */
    public static SocketClient connect(URI base, String path, String participantToken) {
        return connect(base, path, participantToken, Map.of());
    }

    /** As {@link #connect(URI, String, String)}, also sending {@code headers} with the upgrade (Origin, X-Forwarded-For). */
    public static SocketClient connect(URI base, String path, String participantToken, Map<String, String> headers) {
        String scheme = base.getScheme().equals("https") || base.getScheme().equals("wss") ? "wss" : "ws";
        return new SocketClient(URI.create(scheme + "://" + base.getAuthority() + path), participantToken, headers);
    }

    /** The presenter socket of a talk, opened with its presenter key. */
    public static SocketClient presenter(URI base, String code, String presenterKey) {
        return connect(base, "/ws/present/" + code + "?key=" + presenterKey);
    }

    /** A phone's socket: the participant socket of a talk with the participant cookie (none when null). */
    public static SocketClient participant(URI base, String code, String participantToken) {
        return connect(base, "/ws/participant/" + code, participantToken);
    }

    /** The public, read-only screen feed of a talk. */
    public static SocketClient screen(URI base, String code) {
        return connect(base, "/ws/screen/" + code);
    }

    /** The HTTP status with which the server refused the upgrade, found in the cause chain of {@code failure}. */
    public static int rejectedStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof WebSocketHandshakeException rejected) {
                return rejected.getResponse().statusCode();
            }
        }
        throw new AssertionError("not a refused upgrade", failure);
    }

    /**
     * Sends a text message and waits until it is on the wire (at most 5 s). A lone surrogate (fuzzed text) goes out as
     * {@code ?}, as the Vert.x client the tests used before sent it, instead of the JDK refusing the message.
     */
    public void send(String text) {
        String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        socket.sendText(wellFormed, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Sends one text message as several frames of at most {@code frameChars} characters each (a fragmented message). */
    public void sendInFrames(String text, int frameChars) {
        for (int from = 0; from < text.length(); from += frameChars) {
            int to = Math.min(text.length(), from + frameChars);
            socket.sendText(text.substring(from, to), to == text.length()).orTimeout(5, TimeUnit.SECONDS).join();
        }
    }

    /** Sends a binary message and waits until it is on the wire (at most 5 s). */
    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** The next message matching {@code filter} within {@code timeout}, skipping others; null when none came. */
    public JsonNode poll(Predicate<JsonNode> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            JsonNode node = inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            if (node != null && filter.test(node)) {
                return node;
            }
        }
    }

    /** The next message matching {@code filter}, skipping others; fails after 10 s. */
    public JsonNode next(Predicate<JsonNode> filter) throws InterruptedException {
        JsonNode node = poll(filter, NEXT_TIMEOUT);
        if (node == null) {
            throw new AssertionError("no matching message within 10 s; received " + received());
        }
        return node;
    }

    /** The next message of {@code type}, skipping others; fails after 10 s. */
    public JsonNode next(String type) throws InterruptedException {
        return next(n -> n.path("type").asText().equals(type));
    }

    /**
     * An answer and a push that may arrive in either order (a push goes out at the commit, the answer after it): the
     * next message matching each filter, by message type. Fails after 10 s per message.
     */
    public Map<String, JsonNode> nextOfEach(Predicate<JsonNode> first, Predicate<JsonNode> second)
            throws InterruptedException {
        Map<String, JsonNode> got = new HashMap<>();
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

    /** Drops the connection without a close frame, as a phone that loses the network or is killed does. */
    public void abort() {
        socket.abort();
        closed.complete(null);
    }

    /** True while neither side has closed the connection. */
    public boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** A clean close (code 1000), waiting at most 5 s for the server's answer. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
                closed.orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
            } catch (RuntimeException e) {
                // already gone
            }
        }
        socket.abort();
    }

    private void receive(JsonNode node) {
        all.add(node);
        inbox.add(node);
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                JsonNode node;
                try {
                    node = MAPPER.readTree(text);
                } catch (Exception e) {
                    node = MAPPER.createObjectNode().put("type", "<not json>").put("text", text);
                }
                receive(node);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            receive(MAPPER.createObjectNode().put("type", "<binary>").put("bytes", data.remaining()));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            closeReason = reason;
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }
}
