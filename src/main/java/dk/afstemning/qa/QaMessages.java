package dk.afstemning.qa;

import java.util.List;

/** The JSON of the Q&A: REST answers and live messages. Built from stored data only, never from what a client sent. */
public final class QaMessages {

    private QaMessages() {
    }

    /**
     * The talk's questions: all of them for the presenter (with the key), else those everyone sees. Sent on
     * connecting and after every change, coalesced; clients drop a message whose {@code version} is older than
     * what they show.
     *
     * @param version grows with every Q&A change of the talk
     * @param enabled whether participants may ask
     * @param moderated whether new questions wait for the presenter's approval
     * @param questions most upvotes first, then the earliest asked
     */
    public record Questions(String type, String code, long version, boolean enabled, boolean moderated,
            List<QuestionView> questions) {
        Questions(String code, long version, boolean enabled, boolean moderated, List<QuestionView> questions) {
            this("qa", code, version, enabled, moderated, questions);
        }
    }

    /**
     * To one participant: their own questions (also those waiting for moderation or hidden) and the ids of the
     * questions they upvoted.
     */
    public record Mine(String type, long version, List<QuestionView> questions, List<Long> upvoted) {
        Mine(long version, List<QuestionView> questions, List<Long> upvoted) {
            this("qa-mine", version, questions, upvoted);
        }
    }

    /** The answer to an accepted question; the same for every resend of its request id. */
    public record Asked(String type, String requestId, QuestionView question) {
        Asked(String requestId, QuestionView question) {
            this("asked", requestId, question);
        }
    }

    /** The answer to an accepted upvote; the same question for every resend of its request id. */
    public record Upvoted(String type, String requestId, long questionId, int upvotes) {
        Upvoted(String requestId, long questionId, int upvotes) {
            this("upvoted", requestId, questionId, upvotes);
        }
    }

    /** A talk's Q&A settings. */
    public record Settings(boolean enabled, boolean moderated) {
    }
}
