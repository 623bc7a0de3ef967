package dk.afstemning.reaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.live.ClientMessage;
import dk.afstemning.live.LiveFeature;
import dk.afstemning.live.LiveHub;

/**
 * Reactions over the live sockets: a participant sends {@code {"type":"reaction","reaction":"heart"}} (one of
 * thumbs-up, heart, laugh, clap, thinking), answered {@code reacted} or an {@code error} ({@code unknown-reaction},
 * {@code reactions-off}, {@code reaction-rate-limited}); the screens get {@code reactions} messages
 * ({@link ReactionService}), and a screen that (re)connects the current slide's totals.
 */
@ApplicationScoped
public class ReactionLive implements LiveFeature {

    @Inject
    ReactionService reactions;

    @Inject
    LiveHub hub;

    @Override
    public boolean answers(ClientMessage message) {
        return message instanceof ClientMessage.Reaction;
    }

    @Override
    public Object answer(String code, String token, String client, ClientMessage message) {
        ClientMessage.Reaction reaction = (ClientMessage.Reaction) message;
        return new ReactionMessages.Reacted(reaction.requestId(),
                reactions.react(code, token, client, reaction.reaction()));
    }

    @Override
    public void connected(String code, long participantId, WebSocketConnection connection) {
        // The phone's reaction bar is on its page; it needs no snapshot.
    }

    @Override
    public void presenterConnected(String code, WebSocketConnection connection) {
        ReactionMessages.Reactions snapshot = reactions.snapshot(code);
        if (snapshot != null) {
            connection.sendTextAndAwait(hub.json(snapshot));
        }
    }
}
