package dk.afstemning.live;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.SocketUpgradeGuard;
import dk.afstemning.vote.VoteService;

/**
 * A participant's live connection, {@code /ws/participant/{code}}, authenticated by the participant cookie. Sends a
 * {@code state} snapshot on connecting and {@code poll} messages when polls open or close; accepts
 * {@code {"type":"vote","pollId":…,"optionId":…,"requestId":…}} and answers {@code ack} after commit or
 * {@code error}. Anything else is refused with an error and logged; the connection stays open. Votes count against
 * the same limits as over REST ({@link AbuseLimits}); a vote over the limit gets an {@code error} with problem
 * {@code rate-limited}. The upgrade itself is checked by {@link SocketUpgradeGuard}.
 */
@WebSocket(path = "/ws/participant/{code}")
public class ParticipantSocket {

    private static final UserData.TypedKey<String> TOKEN = UserData.TypedKey.forString("token");
    private static final UserData.TypedKey<String> CODE = UserData.TypedKey.forString("code");

    @Inject
    LiveService live;

    @Inject
    LiveHub hub;

    @Inject
    VoteService votes;

    @Inject
    ObjectMapper mapper;

    @Inject
    AbuseLimits limits;

    @Inject
    Instance<LiveFeature> features;

    @OnOpen
    public String onOpen(WebSocketConnection connection, @PathParam String code) {
        String token = token(connection.handshakeRequest().header("Cookie"));
        try {
            LiveService.Joined joined = live.participantState(code, token);
            connection.userData().put(TOKEN, token);
            connection.userData().put(CODE, joined.state().code());
            hub.addParticipant(joined.state().code(), connection, joined.participantId());
            // Read after registering, so no change can fall between a snapshot and the pushes; clients drop older ones.
            connection.sendTextAndAwait(hub.json(joined.state()));
            for (LiveFeature feature : features) {
                feature.connected(joined.state().code(), joined.participantId(), connection);
            }
            return null;
        } catch (ApiProblem e) {
            if (e.type().equals("talk-not-found")) {
                limits.miss(SocketUpgradeGuard.client(connection));
            }
            connection.sendTextAndAwait(hub.json(new LiveMessages.Error(null, e.status(), e.type(), e.detail())));
            connection.closeAndAwait(new CloseReason(1008, e.type()));
            return null;
        }
    }

    @OnTextMessage
    public String onMessage(String text, WebSocketConnection connection) {
        String code = connection.userData().get(CODE);
        String requestId = null;
        try {
            JsonNode message = mapper.readTree(text);
            if (message == null || !message.isObject()) {
                throw ApiProblem.badRequest("malformed-message", "A message must be a JSON object with a type");
            }
            requestId = message.path("requestId").isTextual() ? message.path("requestId").asText() : null;
            String type = message.path("type").asText("");
            for (LiveFeature feature : features) {
                if (feature.types().contains(type)) {
                    return hub.json(feature.answer(code, connection.userData().get(TOKEN),
                            SocketUpgradeGuard.client(connection), message));
                }
            }
            if (!type.equals("vote")) {
                Log.warnf("Participant message of type '%s' refused on talk %s (connection %s)",
                        type.matches("[A-Za-z-]{1,20}") ? type : "<not a type>", code, connection.id());
                throw new ApiProblem(400, "unsupported-message", "Unsupported message",
                        "Participants can only send messages of type 'vote', 'ask' or 'upvote'");
            }
            JsonNode poll = message.path("pollId");
            JsonNode option = message.path("optionId");
            if (!poll.isTextual() || !option.canConvertToLong() || !option.isIntegralNumber()) {
                throw ApiProblem.badRequest("invalid-vote", "A vote needs a text pollId and a whole-number optionId");
            }
            String token = connection.userData().get(TOKEN);
            limits.vote(SocketUpgradeGuard.client(connection), token);
            var ack = votes.cast(code, poll.asText(), token, option.asLong(), requestId);
            return hub.json(new LiveMessages.Ack(ack));
        } catch (ApiProblem e) {
            return hub.json(new LiveMessages.Error(requestId, e.status(), e.type(), e.detail()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return hub.json(new LiveMessages.Error(null, 400, "malformed-json", "The message is not valid JSON"));
        }
    }

    /** A message over the size limit or a broken frame: closes this connection only, without a stack trace per abuser. */
    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        Log.debugf("Participant connection %s failed: %s", connection.id(), failure.toString());
        if (connection.isOpen()) {
            connection.close(new CloseReason(1009, "message too big or malformed")).subscribe().with(v -> {
            }, t -> {
            });
        }
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        String code = connection.userData().get(CODE);
        if (code != null) {
            hub.removeParticipant(code, connection);
        }
    }

    private static String token(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookieHeader)) {
            if (cookie.name().equals(ParticipantService.COOKIE)) {
                return cookie.value();
            }
        }
        return null;
    }
}
