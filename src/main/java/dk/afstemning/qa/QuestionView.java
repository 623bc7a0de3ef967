package dk.afstemning.qa;

import java.time.Instant;

/**
 * A question as the API and live messages show it. {@code text} and {@code nickname} are exactly as typed (trimmed);
 * pages put them in as text, never as markup.
 *
 * @param id the question's id, for upvotes and presenter actions
 * @param nickname null when asked anonymously
 * @param upvotes number of participants who upvoted it
 * @param approved false while waiting for moderation
 * @param hidden hidden by the presenter
 */
public record QuestionView(long id, String text, String nickname, int upvotes, boolean answered, boolean approved,
        boolean hidden, Instant askedAt) {

    static QuestionView of(Question q) {
        return new QuestionView(q.id, q.text, q.nickname, q.upvotes, q.answered, q.approved, q.hidden, q.askedAt);
    }
}
