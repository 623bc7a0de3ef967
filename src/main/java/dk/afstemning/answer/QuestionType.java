package dk.afstemning.answer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.Answer;

/**
 * One poll type as a strategy: which deck keys it takes, how an {@link Answer} is checked and stored, and how a round
 * is summed up. Every type shares the vote table's rule of one vote per participant, poll and round (a database
 * unique key); the vote row holds the answer in the way the type needs:
 * <ul>
 * <li>{@code vote.option_id}: one option (choice, quiz; quiz also fixes {@code vote.points} when storing);</li>
 * <li>{@code vote_choice(vote_id, option_id, position)} child rows: a set (multiple) or an order (ranking), position
 * 0-based;</li>
 * <li>{@code vote.num_value}: a number (scale, slider);</li>
 * <li>{@code vote_text(vote_id, position, text, merge_key, status)} child rows: free text (wordcloud, open).</li>
 * </ul>
 * A new type implements this interface and registers in {@link QuestionTypes}. Changing a vote replaces the stored
 * answer as a whole, except for types that {@link #adds() add} answers (open text).
 */
public interface QuestionType {

    /** The deck's {@code type:} value, e.g. {@code multiple}. */
    String name();

    /** Keys this type adds to the poll block, beyond the common ones (id, type, question, …). */
    Set<String> deckKeys();

    /** Whether the poll block needs {@code options}. */
    boolean hasOptions();

    /**
     * Checks an answer against the poll and returns it in its stored (canonical) form.
     *
     * @param options the poll's active options, in order
     * @throws ApiProblem 400 {@code invalid-answer} (wrong fields for the type), 422 {@code unknown-option} or a
     *         type-specific 422 ({@code invalid-selection}, {@code invalid-ranking}, {@code value-out-of-range})
     */
    Answer check(Poll poll, List<PollOption> options, Answer answer);

    /**
     * Checks a checked answer against the participant's stored vote in the round, before anything is written. Every
     * refusal belongs here or in {@link #check}: votes are stored in batches sharing one transaction, so a refusal
     * after a write would commit that write with the others.
     *
     * @param current the participant's vote in the poll's current round, if any
     * @throws ApiProblem a type-specific 422, e.g. {@code too-many-answers}
     */
    default void checkAgainst(Poll poll, Optional<Vote> current, Answer answer) {
    }

    /**
     * Writes a checked answer into the (new or existing, already persisted) vote row, replacing any earlier one. Never
     * refuses (see {@link #checkAgainst}).
     */
    void store(Vote vote, Answer answer, List<PollOption> options);

    /** The stored answer of a vote of this type, as the participant sent it (canonical form). */
    default Answer answerOf(Vote vote) {
        return OptionAnswers.of(vote);
    }

    /**
     * The type's part of a round's results (the {@code details} of the results message), or null when the counts per
     * option say everything (choice).
     */
    Object details(Poll poll, int round, List<PollOption> options);

    /** Whether results show a count per option (choice, quiz, multiple). */
    default boolean countsPerOption() {
        return false;
    }

    /** Whether a vote holds exactly one option, so that the counts per option add up to the votes (choice, quiz). */
    default boolean oneOptionPerVote() {
        return false;
    }

    /** Counts per option id in a round (choice, quiz, multiple); empty for types without option counts. */
    default java.util.Map<Long, Long> countsByOption(Poll poll, int round) {
        return java.util.Map.of();
    }

    /** Whether the type takes {@link Answer#texts()}; every other type refuses them. */
    default boolean takesTexts() {
        return false;
    }

    /**
     * Whether each answer is added to the participant's earlier ones in the round (open text) instead of replacing
     * them; such an answer is never a "change", so {@code vote-changes: false} does not refuse it.
     */
    default boolean adds() {
        return false;
    }

    /** Whether answering needs the participant's nickname (quiz, for the leaderboard). */
    default boolean needsNickname() {
        return false;
    }

    /** The refusal for a body that uses the wrong answer fields for this type. */
    static ApiProblem wrongShape(Poll poll, String expected) {
        return ApiProblem.badRequest("invalid-answer",
                "A " + poll.type + " poll takes " + expected + " (poll '" + poll.key + "')");
    }
}
