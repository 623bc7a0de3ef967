package dk.afstemning.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.talk.TalkService;

/**
 * Rotates a talk's presenter key: a new key is stored, then every presenter socket of the talk on this instance
 * ({@code /ws/present/{code}}, the presenter screen's and console's feed) is closed with 1008, so a presenter whose
 * key was withdrawn loses the show at once. A presenter with the new key, or with a login that may present the talk,
 * reconnects. Sockets on other instances stay until they reconnect.
 */
@ApplicationScoped
public class PresenterKeyRotation {

    /** Close code of a presenter socket whose key was rotated: policy violation. */
    public static final short CLOSE_CODE = 1008;
    /** Close reason of a presenter socket whose key was rotated (the console shows it translated). */
    public static final String ROTATED = "key-rotated";

    @Inject
    TalkService talks;

    @Inject
    OpenConnections connections;

    /** @return the number of sockets closed on this instance */
    public int rotate(long talkId) {
        String code = talks.rotatePresenterKey(talkId);
        int closed = 0;
        for (WebSocketConnection connection : connections) {
            boolean presenter = PresenterSocket.ID.equals(connection.endpointId()) || LiveHub.holdsKey(connection);
            String path = connection.pathParam("code");
            if (presenter && path != null && code.equalsIgnoreCase(path.strip())) {
                connection.close(new CloseReason(CLOSE_CODE, ROTATED)).subscribe().with(v -> {
                }, t -> Log.debugf("closing presenter socket %s failed: %s", connection.id(), t));
                closed++;
            }
        }
        return closed;
    }
}
