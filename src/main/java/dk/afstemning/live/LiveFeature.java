package dk.afstemning.live;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.websockets.next.WebSocketConnection;

/**
 * A feature's part of the live sockets (such as Q&A): the participant message types it answers, and the snapshot it
 * sends a participant or presenter screen on (re)connecting. {@link ParticipantSocket} hands every message of those
 * types to it and sends the answer back as JSON.
 */
public interface LiveFeature {

    /** The message {@code type}s this handler answers, e.g. {@code ask}. */
    Set<String> types();

    /**
     * Answers one message; throw {@link dk.afstemning.problem.ApiProblem} to refuse it (the socket answers an
     * {@code error} with the message's request id and stays open).
     *
     * @param code the talk's join code
     * @param token the participant's token
     * @param client the client's address key for rate limits
     * @param message the message, a JSON object with a text {@code type}
     * @return the answer, serialised to JSON
     */
    Object answer(String code, String token, String client, JsonNode message);

    /** Sends this feature's snapshot to a participant that just connected (or reconnected). */
    void connected(String code, long participantId, WebSocketConnection connection);

    /** Sends this feature's snapshot to a presenter screen that just connected; see {@link LiveHub#holdsKey}. */
    void presenterConnected(String code, WebSocketConnection connection);
}
