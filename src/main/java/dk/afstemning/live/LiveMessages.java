package dk.afstemning.live;

import java.util.List;

import dk.afstemning.talk.ShowState;

/** The JSON messages of the live sockets that are not results (results are {@code PollResults}). */
final class LiveMessages {

    private LiveMessages() {
    }

    /** To presenters: how many distinct participants have the talk open now. */
    record Presence(String type, String code, int participants) {
        Presence(String code, int participants) {
            this("presence", code, participants);
        }
    }

    /** To participants: a poll opened, closed or started a new round; {@code remainingMs} is its countdown or null. */
    record PollState(String type, String pollId, String status, int round, long version, Long remainingMs) {
        PollState(String pollId, String status, int round, long version, Long remainingMs) {
            this("poll", pollId, status, round, version, remainingMs);
        }
    }

    /**
     * To a participant on connecting: the current slide, every poll's state and the participant's own vote in its
     * current round.
     *
     * @param title the talk's title, for the waiting screen
     * @param show the current slide; the phone shows its poll, or a waiting screen
     * @param polls one entry per active poll, in slide order
     */
    record State(String type, String code, String title, ShowState show, List<ParticipantPoll> polls) {
        State(String code, String title, ShowState show, List<ParticipantPoll> polls) {
            this("state", code, title, show, polls);
        }
    }

    /**
     * @param myOptionId the option this participant chose in the current round, or null
     * @param remainingMs milliseconds until the server closes the poll by its countdown, or null
     */
    record ParticipantPoll(String pollId, String status, int round, long version, Long myOptionId, Long remainingMs) {
    }

    /** The answer to an accepted vote. */
    record Ack(String type, String requestId, String pollId, long optionId, int round) {
        Ack(dk.afstemning.vote.VoteAck ack) {
            this("ack", ack.requestId(), ack.pollId(), ack.optionId(), ack.round());
        }
    }

    /** The answer to a refused message; the connection stays open. */
    record Error(String type, String requestId, int status, String problem, String detail) {
        Error(String requestId, int status, String problem, String detail) {
            this("error", requestId, status, problem, detail);
        }
    }
}
