package dk.afstemning.live;

import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
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
 * The presenter's live feed, {@code /ws/present/{code}?key=<presenter key>}: on connecting, a {@code slide} message, a
 * {@code results} message per poll and a {@code presence} message; afterwards every change. The upgrade needs the
 * talk's presenter key ({@link PresenterKeyCheck}, 403 without it). Read-only: poll control goes through the REST API
 * with the presenter key. The public screen without the key uses {@link ScreenSocket}. A socket opened by a login is
 * closed when that login's access ends ({@link AccessRevocations}).
 */
@WebSocket(path = "/ws/present/{code}", endpointId = PresenterSocket.ID)
public class PresenterSocket {

    /** The endpoint id that {@link PresenterKeyCheck} applies to. */
    public static final String ID = "presenter";

    @Inject
    LiveFeeds feeds;

    @Inject
    SilentConnections silence;

    @Inject
    AccessRevocations revocations;

    /** The login of the upgrade request (anonymous with the key alone). */
    @Inject
    SecurityIdentity identity;

    @OnOpen
    public void onOpen(WebSocketConnection connection, @PathParam String code) {
        silence.heard(connection);
        revocations.opened(connection, identity);
        feeds.open(connection, code, true);
    }

    @OnTextMessage(codec = ClientMessageCodec.class)
    public String onMessage(ClientMessage message, WebSocketConnection connection) {
        silence.heard(connection);
        return feeds.answer(message,
                "The presenter feed is read-only; control polls through the REST API with the presenter key");
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
        feeds.close(connection, true);
    }
}
