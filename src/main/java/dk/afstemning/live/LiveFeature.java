package dk.afstemning.live;

import io.quarkus.websockets.next.WebSocketConnection;

/**
 * A feature's part of the live sockets (such as Q&A): the participant messages it answers, and the snapshot it sends a
 * participant or presenter screen on (re)connecting. {@link ParticipantSessions} hands every message it
 * {@link #answers} to it and sends the answer back as JSON.
 */
public interface LiveFeature {

    /** Whether this feature answers the message, e.g. {@link ClientMessage.Ask}. */
    boolean answers(ClientMessage message);

    /**
     * Answers one message; throw {@link dk.afstemning.problem.ApiProblem} to refuse it (the socket answers an
     * {@code error} with the message's request id and stays open).
     *
     * @param code the talk's join code
     * @param token the participant's token
     * @param client the client's address key for rate limits
     * @param message a message this feature {@link #answers}
     * @return the answer, serialised to JSON
     */
    Object answer(String code, String token, String client, ClientMessage message);

    /** Sends this feature's snapshot to a participant that just connected (or reconnected). */
    void connected(String code, long participantId, WebSocketConnection connection);

    /** Sends this feature's snapshot to a presenter screen that just connected; see {@link LiveHub#holdsKey}. */
    void presenterConnected(String code, WebSocketConnection connection);
}
