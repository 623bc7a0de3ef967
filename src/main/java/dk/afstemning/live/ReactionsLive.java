package dk.afstemning.live;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.reaction.ReactionMessages;
import dk.afstemning.reaction.ReactionService;

/**
 * Reactions over the live sockets: a participant sends {@code {"type":"reaction","reaction":"heart"}} (one of
 * thumbs-up, heart, laugh, clap, thinking), answered {@code reacted} or an {@code error} ({@code unknown-reaction},
 * {@code reactions-off}, {@code reaction-rate-limited}). Every {@value ReactionService#PUSH_INTERVAL_MS} ms the new
 * reactions of each talk go to its screens (presenter and public feeds) as {@code reactions} messages, and a screen
 * that (re)connects gets the current slide's totals.
 */
@ApplicationScoped
class ReactionsLive implements LiveFeature {

    @Inject
    ReactionService reactions;

    @Inject
    LiveHub hub;

    @Inject
    LiveRelay relay;

    private ScheduledExecutorService executor;

    @PostConstruct
    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "afstemning-reactions");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::push, ReactionService.PUSH_INTERVAL_MS, ReactionService.PUSH_INTERVAL_MS,
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

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

    private void push() {
        try {
            reactions.drain((code, message) -> {
                String json = hub.json(message);
                hub.sendToPresenters(code, json, json);
            });
            relay.shareReactions();
        } catch (RuntimeException e) {
            Log.warnf(e, "Pushing reactions failed");
        }
    }
}
