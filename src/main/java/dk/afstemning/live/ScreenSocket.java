package dk.afstemning.live;

import jakarta.inject.Inject;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

/**
 * The public, view-only feed of a talk's screen, {@code /ws/screen/{code}}, for a second screen or a follow-only
 * presenter page opened without the key: what the room sees and nothing more. On connecting a {@code slide} message
 * and a {@code results} message per poll; afterwards every change. Results of a {@code results: hidden} poll carry no
 * counts until revealed (as everywhere). Its {@code presence} messages carry the count of joined participants, which
 * the join screen shows the room, and not how many are connected.
 */
@WebSocket(path = "/ws/screen/{code}")
public class ScreenSocket {

    @Inject
    LiveFeeds feeds;

    @Inject
    SilentConnections silence;

    @OnOpen
    public void onOpen(WebSocketConnection connection, @PathParam String code) {
        silence.heard(connection);
        feeds.open(connection, code, false);
    }

    @OnTextMessage(codec = ClientMessageCodec.class)
    public String onMessage(ClientMessage message, WebSocketConnection connection) {
        silence.heard(connection);
        return feeds.answer(message, "The screen feed is read-only");
    }

    /** The answer to the server's ping: the peer is alive. */
    @OnPongMessage
    public void onPong(Buffer data, WebSocketConnection connection) {
        silence.heard(connection);
    }

    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        feeds.failed(failure, connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        silence.gone(connection);
        feeds.close(connection, false);
    }
}
