package dk.afstemning;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A WebSocket client on the JDK's {@link java.net.http.WebSocket}, for tests that run against a packaged app as well
 * as inside {@code @QuarkusTest}s. Records every text message in order. Besides a clean close it can drop the
 * connection the way a phone does: {@link #abort()} closes the TCP connection without a WebSocket close frame.
 */
public final class JdkSocket implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Messages not yet taken by {@link #next}. */
    public final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    /** Every message received, in order. */
    public final List<JsonNode> all = Collections.synchronizedList(new ArrayList<>());
    /** The close code the server sent, or null while open (also null after {@link #abort()}). */
    public volatile Integer closeCode;
    /** Completes when the input side ends: a close frame from the server, an error or an abort. */
    public final CompletableFuture<Void> closed = new CompletableFuture<>();

    private final WebSocket socket;

    private JdkSocket(URI uri, String participantToken) {
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (participantToken != null) {
            builder.header("Cookie", "afstemning_pid=" + participantToken);
        }
        socket = builder.buildAsync(uri, new Listener()).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Connects to {@code path} (e.g. {@code /ws/participant/ABC234}) on the server at {@code base} (http or ws
     * scheme), with the participant cookie when {@code participantToken} is not null.
     */
    public static JdkSocket connect(URI base, String path, String participantToken) {
        String scheme = base.getScheme().equals("https") || base.getScheme().equals("wss") ? "wss" : "ws";
        return new JdkSocket(URI.create(scheme + "://" + base.getAuthority() + path), participantToken);
    }

    /** Sends a text message and waits until it is on the wire (at most 5 s). */
    public void send(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
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
        JsonNode node = poll(filter, Duration.ofSeconds(10));
        if (node == null) {
            throw new AssertionError("no matching message within 10 s; received " + all);
        }
        return node;
    }

    /** The next message of {@code type}, skipping others; fails after 10 s. */
    public JsonNode next(String type) throws InterruptedException {
        return next(n -> n.path("type").asText().equals(type));
    }

    /** Drops the connection without a close frame, as a phone that loses the network or is killed does. */
    public void abort() {
        socket.abort();
        closed.complete(null);
    }

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
                all.add(node);
                inbox.add(node);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            JsonNode node = MAPPER.createObjectNode().put("type", "<binary>").put("bytes", data.remaining());
            all.add(node);
            inbox.add(node);
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            closed.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(null);
        }
    }
}
