package dk.afstemning.live;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.SocketUpgradeGuard;
import dk.afstemning.voting.VoteService;

/**
 * A participant's live connection, {@code /ws/participant/{code}}, authenticated by the participant cookie. Sends a
 * {@code state} snapshot on connecting and {@code poll} messages when polls open or close; accepts
 * {@code {"type":"vote","pollId":…,"optionId":…,"requestId":…}} (or {@code optionIds} or {@code value} instead of
 * {@code optionId}, as the poll's type takes it) and answers {@code ack} after commit or {@code error}; and
 * {@code {"type":"nickname","nickname":…}}, answered with {@code nickname}. Anything else is refused with an error and logged; the connection stays open. Votes count against
 * the same limits as over REST ({@link AbuseLimits}); a vote over the limit gets an {@code error} with problem
 * {@code rate-limited}. The upgrade itself is checked by {@link SocketUpgradeGuard}.
 */
@WebSocket(path = "/ws/participant/{code}")
public class ParticipantSocket {

    private static final UserData.TypedKey<String> TOKEN = UserData.TypedKey.forString("token");
    private static final UserData.TypedKey<String> CODE = UserData.TypedKey.forString("code");
    private static final UserData.TypedKey<Boolean> BINARY_LOGGED = UserData.TypedKey.forBoolean("binary-logged");

    @Inject
    LiveService live;

    @Inject
    LiveHub hub;

    @Inject
    VoteService votes;

    @Inject
    ObjectMapper mapper;

    @Inject
    ParticipantService participants;

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
            ApiProblem refusal = limits.joinCodeRefusal(e, SocketUpgradeGuard.client(connection));
            connection.sendTextAndAwait(hub.json(
                    new LiveMessages.Error(null, refusal.status(), refusal.type(), refusal.detail())));
            connection.closeAndAwait(new CloseReason(1008, refusal.type()));
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
            if (Heartbeat.isPing(message)) {
                return hub.json(new Heartbeat.Pong());
            }
            requestId = message.path("requestId").isTextual() ? message.path("requestId").asText() : null;
            String type = message.path("type").asText("");
            String token = connection.userData().get(TOKEN);
            if (type.equals("nickname")) {
                JsonNode nickname = message.path("nickname");
                if (!nickname.isTextual()) {
                    throw ApiProblem.badRequest("invalid-nickname", "A nickname message needs a text nickname");
                }
                limits.vote(SocketUpgradeGuard.client(connection), token);
                return hub.json(new LiveMessages.Nickname(requestId, participants.nickname(code, token, nickname.asText())));
            }
            for (LiveFeature feature : features) {
                if (feature.types().contains(type)) {
                    return hub.json(feature.answer(code, token, SocketUpgradeGuard.client(connection), message));
                }
            }
            if (!type.equals("vote")) {
                Log.warnf("Participant message of type '%s' refused on talk %s (connection %s)",
                        type.matches("[A-Za-z-]{1,20}") ? type : "<not a type>", code, connection.id());
                throw new ApiProblem(400, "unsupported-message", "Unsupported message",
                        "Participants can only send messages of type 'vote', 'nickname', 'ask' or 'upvote'");
            }
            VoteMessage vote = VoteMessage.decode(mapper, message);
            limits.vote(SocketUpgradeGuard.client(connection), token);
            var ack = votes.cast(code, vote.pollId(), token, vote.answer(), requestId);
            return hub.json(new LiveMessages.Ack(ack));
        } catch (ApiProblem e) {
            return hub.json(new LiveMessages.Error(requestId, e.status(), e.type(), e.detail()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return hub.json(new LiveMessages.Error(null, 400, "malformed-json", "The message is not valid JSON"));
        }
    }

    /** A binary frame: answered with an error, logged once per connection; the connection stays open. */
    @OnBinaryMessage
    public void onBinary(Buffer data, WebSocketConnection connection) {
        if (connection.userData().put(BINARY_LOGGED, Boolean.TRUE) == null) {
            Log.warnf("Participant sent a binary message on talk %s (connection %s); further ones are not logged",
                    connection.userData().get(CODE), connection.id());
        }
        connection.sendTextAndAwait(hub.json(new LiveMessages.Error(null, 400, "binary-not-supported",
                "Messages must be JSON text, not binary")));
    }

    /**
     * A message over {@code quarkus.websockets-next.server.max-message-size}: answered with an error
     * {@code message-too-large} (Vert.x drops the message and keeps the connection); any other failure of the
     * connection closes it with 1011, without a stack trace per abuser.
     */
    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        Log.debugf("Participant connection %s failed: %s", connection.id(), failure.toString());
        if (!connection.isOpen()) {
            return;
        }
        if (SocketLimits.isTooLarge(failure)) {
            connection.sendTextAndAwait(hub.json(new LiveMessages.Error(null, 413, "message-too-large",
                    SocketLimits.tooLargeDetail())));
            return;
        }
        connection.close(new CloseReason(1011, "connection failed")).subscribe().with(v -> {
        }, t -> {
        });
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        String code = connection.userData().get(CODE);
        if (code != null) {
            hub.removeParticipant(code, connection);
        }
    }

    /** The answer fields of a vote message; each present field must be a whole number (or a list of them). */

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
