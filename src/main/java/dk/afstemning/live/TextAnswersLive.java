package dk.afstemning.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.polltype.open.TextModeration;

/**
 * Open-text answers over the live sockets. After a change commits, a {@code moderation} message (every answer of the
 * poll's round with its status) goes to the presenter feeds opened with the key only, coalesced per poll, and an
 * {@code open-mine} message to each author whose answers changed. On (re)connecting a keyed presenter feed gets the
 * lists of every open-text poll, a participant their own answers. Public screens get only the shown answers, in the
 * poll's results. Participants send nothing here: answers are votes.
 */
@ApplicationScoped
public class TextAnswersLive implements LiveFeature {

    @Inject
    TextModeration moderation;

    @Inject
    LiveHub hub;

    @Override
    public boolean answers(ClientMessage message) {
        return false;
    }

    @Override
    public Object answer(String code, String token, String client, ClientMessage message) {
        throw new IllegalStateException("no message types");
    }

    @Override
    public void connected(String code, long participantId, WebSocketConnection connection) {
        for (TextModeration.Mine mine : moderation.mine(code, participantId)) {
            connection.sendTextAndAwait(hub.json(mine));
        }
    }

    @Override
    public void presenterConnected(String code, WebSocketConnection connection) {
        if (!LiveHub.holdsKey(connection)) {
            return;
        }
        for (TextModeration.Queue queue : moderation.queues(code)) {
            connection.sendTextAndAwait(hub.json(queue));
        }
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TextModeration.Changed change) {
        String code = change.joinCode();
        hub.coalesce("moderation:" + change.pollId(), () -> {
            TextModeration.Queue queue = moderation.queue(change.pollId());
            if (queue != null) {
                hub.sendToKeyedPresenters(code, hub.json(queue));
            }
        });
        for (long participantId : change.participantIds()) {
            hub.coalesce("open-mine:" + change.pollId() + ":" + participantId, () -> hub.sendToParticipant(code,
                    participantId, hub.json(moderation.mine(change.pollId(), participantId))));
        }
    }
}
