package dk.afstemning.live;

import jakarta.inject.Inject;

import io.quarkus.websockets.next.OnBinaryMessage;
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
 * A participant's live connection, {@code /ws/participant/{code}}, authenticated by the participant cookie. Sends a
 * {@code state} snapshot on connecting and {@code poll} messages when polls open or close; accepts
 * {@code {"type":"vote","pollId":…,"optionId":…,"requestId":…}} (or {@code optionIds}, {@code value} or {@code texts}
 * instead of {@code optionId}, as the poll's type takes it), answered {@code ack} after commit or {@code error};
 * {@code {"type":"nickname","nickname":…}}, answered {@code nickname}; and Q&amp;A's {@code ask} and {@code upvote}.
 * Anything else is refused with an error and logged; the connection stays open. The messages are
 * {@link ClientMessage}s; {@link ParticipantSessions} answers them. The upgrade itself is checked by
 * {@link dk.afstemning.security.SocketUpgradeGuard}.
 */
@WebSocket(path = "/ws/participant/{code}")
public class ParticipantSocket {

    @Inject
    ParticipantSessions sessions;

    @Inject
    SilentConnections silence;

    @OnOpen
    public void onOpen(WebSocketConnection connection, @PathParam String code) {
        silence.heard(connection);
        sessions.open(connection, code);
    }

    @OnTextMessage(codec = ClientMessageCodec.class)
    public String onMessage(ClientMessage message, WebSocketConnection connection) {
        silence.heard(connection);
        return sessions.answer(message, connection);
    }

    @OnBinaryMessage
    public void onBinary(Buffer data, WebSocketConnection connection) {
        silence.heard(connection);
        sessions.binary(connection);
    }

    /** The answer to the server's ping: the peer is alive. */
    @OnPongMessage
    public void onPong(Buffer data, WebSocketConnection connection) {
        silence.heard(connection);
    }

    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        sessions.failed(failure, connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        silence.gone(connection);
        sessions.close(connection);
    }
}
