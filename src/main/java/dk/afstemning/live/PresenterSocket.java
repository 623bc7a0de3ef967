package dk.afstemning.live;

import java.util.List;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.results.PollResults;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.SocketUpgradeGuard;
import dk.afstemning.talk.JoinCodes;

/**
 * The presenter screen's live feed, {@code /ws/present/{code}}: on connecting, a {@code slide} message, a
 * {@code results} message per poll, a {@code presence} message and the {@link LiveFeature} snapshots (Q&A);
 * afterwards every change. Read-only: poll control goes through the REST API with the presenter key, so this feed may
 * be shown to anyone with the join code. Opened with {@code ?key=} holding the presenter key, it also carries what only
 * the presenter may see (questions waiting for moderation or hidden).
 */
@WebSocket(path = "/ws/present/{code}")
public class PresenterSocket {

    private static final UserData.TypedKey<String> CODE = UserData.TypedKey.forString("code");
    /** Set on a connection opened with {@code ?key=} holding the talk's presenter key. */
    static final UserData.TypedKey<Boolean> KEYED = UserData.TypedKey.forBoolean("keyed");

    @Inject
    LiveService live;

    @Inject
    LiveHub hub;

    @Inject
    AbuseLimits limits;

    @Inject
    Instance<LiveFeature> features;

    @OnOpen
    public void onOpen(WebSocketConnection connection, @PathParam String code) {
        String normalized = JoinCodes.normalize(code);
        connection.userData().put(CODE, normalized);
        try {
            connection.userData().put(KEYED, live.isPresenterKey(normalized, queryKey(connection)));
            // Registered before the snapshot is read, so no change can fall between the two; clients drop older versions.
            hub.addPresenter(normalized, connection);
            LiveService.PresenterState state = live.presenterState(normalized);
            connection.sendTextAndAwait(hub.json(state.show()));
            for (PollResults results : state.polls()) {
                connection.sendTextAndAwait(hub.json(results));
            }
            connection.sendTextAndAwait(hub.json(
                    new LiveMessages.Presence(normalized, hub.connectedParticipants(normalized))));
            for (LiveFeature feature : features) {
                feature.presenterConnected(normalized, connection);
            }
        } catch (ApiProblem e) {
            if (e.type().equals("talk-not-found")) {
                limits.miss(SocketUpgradeGuard.client(connection));
            }
            hub.removePresenter(normalized, connection);
            connection.sendTextAndAwait(hub.json(new LiveMessages.Error(null, e.status(), e.type(), e.detail())));
            connection.closeAndAwait(new CloseReason(1008, e.type()));
        }
    }

    /** The presenter key in the socket URL's {@code ?key=}, or null. */
    private static String queryKey(WebSocketConnection connection) {
        String query = connection.handshakeRequest().query();
        if (query == null || query.isEmpty()) {
            return null;
        }
        return new QueryStringDecoder("?" + query).parameters().getOrDefault("key", List.of()).stream().findFirst()
                .orElse(null);
    }

    @OnTextMessage
    public String onMessage(String text) {
        return hub.json(new LiveMessages.Error(null, 400, "read-only",
                "The presenter feed is read-only; control polls through the REST API with the presenter key"));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        String code = connection.userData().get(CODE);
        if (code != null) {
            hub.removePresenter(code, connection);
        }
    }
}
