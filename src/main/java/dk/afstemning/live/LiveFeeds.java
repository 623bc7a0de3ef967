package dk.afstemning.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.results.PollResults;
import dk.afstemning.security.OpenSockets;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.view.PresenterView;
import dk.afstemning.view.PresenterViews;

/**
 * What the two read-only feeds of a talk's screen do (opening, answering, closing): the presenter's
 * ({@link PresenterSocket}, with what waits for moderation) and the public one ({@link ScreenSocket}). Both get the screen's snapshot
 * ({@link PresenterViews#snapshot}, with each {@link LiveFeature}'s, such as Q&A) on connecting and every change after
 * it.
 */
@ApplicationScoped
class LiveFeeds {

    private static final UserData.TypedKey<String> CODE = UserData.TypedKey.forString("code");

    @Inject
    PresenterViews views;

    @Inject
    LiveHub hub;

    @Inject
    Instance<LiveFeature> features;

    @Inject
    OpenSockets sockets;

    /**
     * Registers the connection, then sends a {@code slide} message, one {@code results} message per poll and, for a
     * {@code presence} message. An unknown talk gets an error and close code 1008.
     */
    void open(WebSocketConnection connection, String code, boolean presenter) {
        sockets.opened(connection);
        String normalized = JoinCodes.normalize(code);
        // Registered before the snapshot is read, so no change can fall between the two; clients drop older versions.
        connection.userData().put(CODE, normalized);
        hub.addScreen(normalized, connection, presenter);
        try {
            PresenterView view = views.snapshot(normalized);
            connection.sendTextAndAwait(hub.json(view.show()));
            for (PollResults results : view.polls()) {
                connection.sendTextAndAwait(hub.json(results));
            }
            connection.sendTextAndAwait(hub.json(hub.presence(normalized, presenter)));
            for (LiveFeature feature : features) {
                feature.presenterConnected(normalized, connection);
            }
        } catch (ApiProblem e) {
            hub.removeScreen(normalized, connection, presenter);
            hub.refuse(connection, e);
        }
    }

    /** The answer to a message from a feed's client: a pong to a ping, otherwise a {@code read-only} error. */
    String answer(ClientMessage message, String detail) {
        if (message instanceof ClientMessage.Ping) {
            return hub.json(new Heartbeat.Pong());
        }
        return hub.json(new LiveMessages.Error(null, 400, "read-only", detail));
    }

    /** A failure of a feed's connection: {@link LiveHub#failed} (an over-sized message gets {@code message-too-large}). */
    void failed(Throwable failure, WebSocketConnection connection) {
        hub.failed(failure, connection);
    }

    void close(WebSocketConnection connection, boolean presenter) {
        sockets.closed(connection);
        String code = connection.userData().get(CODE);
        if (code != null) {
            hub.removeScreen(code, connection, presenter);
        }
    }
}
