package dk.afstemning.live;

import java.util.List;

import dk.afstemning.results.PollResults;
import dk.afstemning.vote.Answer;
import dk.afstemning.talk.ShowState;
import dk.afstemning.view.ParticipantView;

/** The JSON messages of the live sockets that are not results (results are {@code PollResults}). */
final class LiveMessages {

    private LiveMessages() {
    }

    /**
     * To screens and consoles: how many participants have joined the talk ({@code joined}, the join screen's count)
     * and, to the presenter's feed only, how many distinct participants have it open now ({@code participants}; null
     * on the public screen feed, which carries what the room sees and no more).
     */
    record Presence(String type, String code, Integer participants, long joined) {
        Presence(String code, Integer participants, long joined) {
            this("presence", code, participants, joined);
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
     * @param nickname the participant's quiz nickname, or null
     */
    record State(String type, String code, String title, ShowState show, List<ParticipantPoll> polls,
            String nickname) {
        /** The participant's screen as the socket sends it. */
        static State of(ParticipantView view) {
            return new State("state", view.talk().joinCode(), view.talk().title(), view.show(),
                    view.polls().stream().map(ParticipantPoll::of).toList(), view.nickname());
        }
    }

    /**
     * @param myOptionId the option this participant chose in the current round (choice, quiz), or null
     * @param myAnswer this participant's answer in the current round in the shape of the poll's type, or null
     * @param remainingMs milliseconds until the server closes the poll by its countdown, or null
     * @param phoneResults when the phone shows the poll's results: after-vote, after-close or never
     * @param results the results the phone shows now (a {@code results} message), or null
     * @param myResult the participant's own result of the closed poll (a quiz's {@code quiz-result}), or null
     */
    record ParticipantPoll(String pollId, String status, int round, long version, Long myOptionId, Answer myAnswer,
            Long remainingMs, String phoneResults, PollResults results, Object myResult) {

        static ParticipantPoll of(ParticipantView.ParticipantPoll poll) {
            return new ParticipantPoll(poll.id(), poll.status().name(), poll.round(), poll.version(),
                    poll.myOptionId(), poll.myAnswer(), poll.remainingMs(), poll.phoneResults(), poll.results(),
                    poll.myResult());
        }
    }

    /** The answer to a nickname message: the nickname as stored. */
    record Nickname(String type, String requestId, String nickname) {
        Nickname(String requestId, String nickname) {
            this("nickname", requestId, nickname);
        }
    }

    /** The answer to an accepted vote. */
    record Ack(String type, String requestId, String pollId, Long optionId, Answer answer, int round) {
        Ack(dk.afstemning.vote.VoteAck ack) {
            this("ack", ack.requestId(), ack.pollId(), ack.optionId(), ack.answer(), ack.round());
        }
    }

    /** The answer to a refused message; the connection stays open. */
    record Error(String type, String requestId, int status, String problem, String detail) {
        Error(String requestId, int status, String problem, String detail) {
            this("error", requestId, status, problem, detail);
        }
    }
}
