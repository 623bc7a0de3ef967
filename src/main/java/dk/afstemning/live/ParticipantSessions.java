package dk.afstemning.live;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.OpenSockets;
import dk.afstemning.security.SocketUpgradeGuard;
import dk.afstemning.view.ParticipantView;
import dk.afstemning.view.ParticipantViews;
import dk.afstemning.vote.VoteAck;
import dk.afstemning.voting.VoteService;

/**
 * What {@link ParticipantSocket} does: joins a connection to its talk with a {@code state} snapshot, answers each
 * {@link ClientMessage} (votes and nicknames here, Q&amp;A by its {@link LiveFeature}) and refuses everything else
 * with an {@code error}, keeping the connection open. Votes and nicknames count against the same limits as over REST
 * ({@link AbuseLimits}).
 */
@ApplicationScoped
class ParticipantSessions {

    /** Refusals are logged under the socket's category, where operators look for them. */
    private static final Logger LOG = Logger.getLogger(ParticipantSocket.class);

    /**
     * Message types a refusal names in the log: the server's own messages and presenter commands, which a tampered
     * client might send. Any other type is logged as {@code other}, so that varying the type cannot flood the log.
     */
    private static final Set<String> NAMED_TYPES = Set.of("results", "close", "open", "reset", "reveal", "hide",
            "compare", "slide", "presence", "poll", "state", "qa", "reactions", "ack", "error");

    private static final UserData.TypedKey<String> TOKEN = UserData.TypedKey.forString("token");
    private static final UserData.TypedKey<String> CODE = UserData.TypedKey.forString("code");
    private static final UserData.TypedKey<Boolean> BINARY_LOGGED = UserData.TypedKey.forBoolean("binary-logged");

    @Inject
    ParticipantViews views;

    @Inject
    LiveHub hub;

    @Inject
    VoteService votes;

    @Inject
    ParticipantService participants;

    @Inject
    AbuseLimits limits;

    @Inject
    Instance<LiveFeature> features;

    @Inject
    OpenSockets sockets;

    /**
     * Registers the connection of the participant in the cookie and sends the {@code state} snapshot and each
     * feature's; an unknown talk or a token that has not joined gets an error and close code 1008.
     */
    void open(WebSocketConnection connection, String code) {
        sockets.opened(connection);
        String token = token(connection.handshakeRequest().header("Cookie"));
        try {
            ParticipantView view = views.of(code, token);
            String joinCode = view.talk().joinCode();
            connection.userData().put(TOKEN, token);
            connection.userData().put(CODE, joinCode);
            view.polls().stream().filter(p -> p.myAnswer() != null)
                    .forEach(p -> hub.markVoted(connection, p.id(), p.round()));
            hub.addParticipant(joinCode, connection, view.participantId());
            // Read after registering, so no change can fall between a snapshot and the pushes; clients drop older ones.
            connection.sendTextAndAwait(hub.json(LiveMessages.State.of(view)));
            for (LiveFeature feature : features) {
                feature.connected(joinCode, view.participantId(), connection);
            }
        } catch (ApiProblem e) {
            hub.refuse(connection, e);
        }
    }

    /** The answer to a message, as JSON: a pong, an ack, a nickname, a feature's answer, or an error. */
    String answer(ClientMessage message, WebSocketConnection connection) {
        if (message instanceof ClientMessage.Ping) {
            return hub.json(new Heartbeat.Pong());
        }
        try {
            return hub.json(reply(message, connection));
        } catch (ApiProblem e) {
            return hub.json(new LiveMessages.Error(message.requestId(), e.status(), e.type(), e.detail()));
        }
    }

    private Object reply(ClientMessage message, WebSocketConnection connection) {
        String code = connection.userData().get(CODE);
        String token = connection.userData().get(TOKEN);
        if (message instanceof ClientMessage.Refused refused) {
            return new LiveMessages.Error(refused.requestId(), refused.status(), refused.problem(), refused.detail());
        }
        if (message instanceof ClientMessage.Nickname nickname) {
            limits.vote(SocketUpgradeGuard.client(connection), token);
            return new LiveMessages.Nickname(nickname.requestId(),
                    participants.nickname(code, token, nickname.nickname()));
        }
        for (LiveFeature feature : features) {
            if (feature.answers(message)) {
                return feature.answer(code, token, SocketUpgradeGuard.client(connection), message);
            }
        }
        if (message instanceof ClientMessage.Vote vote) {
            limits.vote(SocketUpgradeGuard.client(connection), token);
            VoteAck ack = votes.cast(code, vote.pollId(), token, vote.answer(), vote.requestId());
            hub.voted(connection, code, ack.pollId(), ack.round());
            return new LiveMessages.Ack(ack);
        }
        String type = message instanceof ClientMessage.Unsupported u && NAMED_TYPES.contains(u.type()) ? u.type()
                : "other";
        // Through the refusal log: once a minute per type and client address, so a flood writes one line.
        limits.logRefusal("unsupported-message " + type, SocketUpgradeGuard.client(connection),
                "participant message of type '" + type + "' refused on talk " + code);
        throw new ApiProblem(400, "unsupported-message", "Unsupported message",
                "Participants can only send messages of type 'vote', 'nickname', 'ask', 'upvote' or 'reaction'");
    }

    /** A binary frame: answered with an error, logged once per connection; the connection stays open. */
    void binary(WebSocketConnection connection) {
        if (connection.userData().put(BINARY_LOGGED, Boolean.TRUE) == null) {
            LOG.warnf("Participant sent a binary message on talk %s (connection %s); further ones are not logged",
                    connection.userData().get(CODE), connection.id());
        }
        connection.sendTextAndAwait(hub.json(new LiveMessages.Error(null, 400, "binary-not-supported",
                "Messages must be JSON text, not binary")));
    }

    /** A failure of the connection: {@link LiveHub#failed}. */
    void failed(Throwable failure, WebSocketConnection connection) {
        LOG.debugf("Participant connection %s failed: %s", connection.id(), failure.toString());
        hub.failed(failure, connection);
    }

    void close(WebSocketConnection connection) {
        sockets.closed(connection);
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
