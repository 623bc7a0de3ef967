package dk.afstemning.qa;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.live.ClientMessage;
import dk.afstemning.live.LiveFeature;
import dk.afstemning.live.LiveHub;
import dk.afstemning.live.LiveRelay;
import dk.afstemning.live.bus.BusMessage;
import dk.afstemning.security.AbuseLimits;

/**
 * Q&A over the live sockets. Participants send {@code {"type":"ask","text":…,"nickname":…,"requestId":…}} (answered
 * {@code asked}) and {@code {"type":"upvote","questionId":7,"requestId":…}} (answered {@code upvoted}). After a change
 * commits, a {@code qa} message goes to every screen of the talk, coalesced per talk (all questions to presenter screens
 * opened with the key, the public ones to everyone else), and a {@code qa-mine} message to the participants whose own
 * questions or upvotes changed. On (re)connecting each screen gets the same messages as a full snapshot, unless the
 * talk has Q&A off and no questions (a talk without Q&A sends no Q&A messages until the presenter switches it on).
 */
@ApplicationScoped
public class QaLive implements LiveFeature {

    @Inject
    LiveRelay relay;

    @Inject
    Event<QaChanged> changes;

    @Inject
    QaService qa;

    @Inject
    LiveHub hub;

    @Inject
    AbuseLimits limits;

    @Override
    public boolean answers(ClientMessage message) {
        return message instanceof ClientMessage.Ask || message instanceof ClientMessage.Upvote;
    }

    @Override
    public Object answer(String code, String token, String client, ClientMessage message) {
        if (message instanceof ClientMessage.Ask ask) {
            return limits.question(client, token,
                    () -> qa.ask(code, token, ask.text(), ask.nickname(), ask.requestId()));
        }
        ClientMessage.Upvote upvote = (ClientMessage.Upvote) message;
        limits.vote(client, token);
        return qa.upvote(code, token, upvote.questionId(), upvote.requestId());
    }

    @Override
    public void connected(String code, long participantId, WebSocketConnection connection) {
        QaMessages.Questions questions = qa.snapshot(code, false);
        QaMessages.Mine mine = qa.mine(code, participantId);
        if (questions.enabled() || !questions.questions().isEmpty() || !mine.questions().isEmpty()) {
            connection.sendTextAndAwait(hub.json(questions));
            connection.sendTextAndAwait(hub.json(mine));
        }
    }

    @Override
    public void presenterConnected(String code, WebSocketConnection connection) {
        QaMessages.Questions questions = qa.snapshot(code, LiveHub.holdsKey(connection));
        if (questions.enabled() || !questions.questions().isEmpty()) {
            connection.sendTextAndAwait(hub.json(questions));
        }
    }

    /** Changes of other instances come over the live bus as the same event, fired here outside a transaction. */
    void onStart(@Observes StartupEvent event) {
        relay.receive(BusMessage.Kind.QA,
                m -> changes.fire(new QaChanged(m.joinCode(), new java.util.HashSet<>(m.ids()))));
    }

    /** Inside the changing transaction: the other instances learn of it once it commits. */
    void onChanging(@Observes QaChanged change) {
        relay.publish(BusMessage.Kind.QA, change.joinCode(), 0, false, change.participantIds());
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QaChanged change) {
        String code = change.joinCode();
        hub.coalesce("qa:" + code, () -> {
            String all = hub.json(qa.snapshot(code, true));
            String visible = hub.json(qa.snapshot(code, false));
            hub.sendToPresenters(code, all, visible);
            hub.sendToParticipants(code, visible);
        });
        for (long participantId : change.participantIds()) {
            hub.coalesce("qa-mine:" + code + ":" + participantId,
                    () -> hub.sendToParticipant(code, participantId, hub.json(qa.mine(code, participantId))));
        }
    }
}
