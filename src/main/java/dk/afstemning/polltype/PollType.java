package dk.afstemning.polltype;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;

/**
 * One poll type, whole: its deck keys, how an {@link Answer} is checked and stored, how a round is summed up for the
 * live results, and how it shows in organiser reports and exports. A type is an {@code @ApplicationScoped} bean in its
 * own package {@code dk.afstemning.polltype.<name>}, found by {@link PollTypes}; its Qute fragments
 * ({@code templates/polltypes/<name>/}) and its JS module ({@code js/polltypes/<name>.js}) carry its name. A ninth type
 * is one new package and those resources; nothing else names a type.
 *
 * <p>Every type shares the vote table's rule of one vote per participant, poll and round (a database unique key); the
 * vote row holds the answer in the way the type needs:
 * <ul>
 * <li>{@code vote.option_id}: one option (choice, quiz; quiz also fixes {@code vote.points} when storing);</li>
 * <li>{@code vote_choice(vote_id, option_id, position)} child rows: a set (multiple) or an order (ranking), position
 * 0-based;</li>
 * <li>{@code vote.num_value}: a number (scale, slider);</li>
 * <li>{@code vote_text(vote_id, position, text, merge_key, status)} child rows: free text (wordcloud, open).</li>
 * </ul>
 * Changing a vote replaces the stored answer as a whole, except for types that {@link #adds() add} answers (open).
 */
public interface PollType {

    /** Most options a poll may have unless its type says fewer ({@link #maxOptions()}). */
    int MAX_OPTIONS = 20;

    /** The deck's {@code type:} value, e.g. {@code multiple}; the only place the name is written. */
    String name();

    /** Whether this is the type of a poll block without {@code type:} (choice). */
    default boolean isDefault() {
        return false;
    }

    // --- deck ---

    /** Keys this type adds to the poll block, beyond the common ones (id, type, question, …). */
    Set<String> deckKeys();

    /** Whether the poll block needs {@code options}. */
    boolean hasOptions();

    /** Most options a poll of this type may have. */
    default int maxOptions() {
        return MAX_OPTIONS;
    }

    /**
     * Reads and checks this type's keys of a poll block (only keys of {@link #deckKeys()} are present), with their
     * defaults.
     *
     * @param keys the block's keys of this type, and the block's options
     * @throws RuntimeException the deck's error ({@link DeckKeys#error}) naming file and line
     */
    DeckSettings readDeckKeys(DeckKeys keys);

    // --- answers ---

    /**
     * Checks an answer against the poll and returns it in its stored (canonical) form.
     *
     * @param options the poll's active options, in order
     * @throws ApiProblem 400 {@code invalid-answer} (wrong shape for the type), 422 {@code unknown-option} or a
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

    /**
     * The stored answer of a vote of this type, as the participant sent it (canonical form).
     *
     * @param rows the vote's options or text entries, read beforehand with those of other votes ({@link VoteRows})
     */
    Answer answerOf(Vote vote, VoteRows rows);

    /** Whether the type takes {@link dk.afstemning.vote.TextsAnswer texts}; every other type refuses them. */
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

    /** Whether options can be right answers, shown in reports (quiz). */
    default boolean marksCorrect() {
        return false;
    }

    /**
     * Whether answers wait for the presenter in this poll: null for a type without moderation, else the poll's
     * setting (open text: on unless the deck turned it off).
     */
    default Boolean moderation(Poll poll) {
        return null;
    }

    // --- live results ---

    /**
     * The type's part of a round's results (the {@code details} of the results message), or null when the counts per
     * option say everything (choice).
     */
    Object details(Poll poll, int round, List<PollOption> options);

    /**
     * {@link #details(Poll, int, List)} of the current round of each of {@code polls} (all of this type), by poll id.
     * By default poll by poll; every type that reads for its details overrides it with a few statements for all the
     * polls ({@code vote.KeptVotes} has the batched readers), so a screen of a 100-poll deck is not 100 queries.
     *
     * @param options each poll's active options, by poll id
     */
    default Map<Long, Object> details(List<Poll> polls, Map<Long, List<PollOption>> options) {
        Map<Long, Object> details = new java.util.HashMap<>();
        polls.forEach(p -> details.put(p.id, details(p, p.round, options.getOrDefault(p.id, List.of()))));
        return details;
    }

    /** Each poll's details made from what was read for all of them ({@code read}, by poll id), by poll id. */
    static <T> Map<Long, Object> detailsOf(List<Poll> polls, Map<Long, T> read,
            java.util.function.BiFunction<Poll, T, Object> details) {
        Map<Long, Object> all = new java.util.HashMap<>();
        polls.forEach(p -> all.put(p.id, details.apply(p, read.get(p.id))));
        return all;
    }

    /** The current round of each poll, by poll id: the argument of the batched readers of {@code vote.KeptVotes}. */
    static Map<Long, Integer> rounds(List<Poll> polls) {
        Map<Long, Integer> rounds = new java.util.HashMap<>();
        polls.forEach(p -> rounds.put(p.id, p.round));
        return rounds;
    }

    /**
     * Whether the current round's results tell nothing but how many answered while the poll is open: no counts, no
     * details, to screens and phones alike (quiz: the room's answers would give the right one away).
     */
    default boolean hidesResultsWhileOpen() {
        return false;
    }

    /**
     * Each participant's own result of the closed poll's current round, as the live message the phone gets when the
     * poll closes and in its snapshot (quiz: right or wrong, points, rank among the players); null for types without
     * one, or while the poll is not closed. Read in the caller's transaction; the function itself reads nothing, so
     * it can be applied to thousands of participants after the transaction.
     */
    default LongFunction<Object> participantResults(Poll poll) {
        return null;
    }

    /** Whether results show a count per option (choice, quiz, multiple). */
    default boolean countsPerOption() {
        return false;
    }

    /** Whether a vote holds exactly one option, so that the counts per option add up to the votes (choice, quiz). */
    default boolean oneOptionPerVote() {
        return false;
    }

    /** Counts per option id in a round (choice, quiz, multiple); empty for types without option counts. */
    default Map<Long, Long> countsByOption(Poll poll, int round) {
        return Map.of();
    }

    /**
     * {@link #countsByOption(Poll, int)} of the current round of each of {@code polls} (all of this type), by poll id.
     * By default poll by poll; a type that can count many polls in a few statements overrides it (choice, quiz), so a
     * screen of a 100-poll deck is not 100 queries.
     */
    default Map<Long, Map<Long, Long>> countsByOption(List<Poll> polls) {
        Map<Long, Map<Long, Long>> counts = new java.util.HashMap<>();
        polls.forEach(p -> counts.put(p.id, countsByOption(p, p.round)));
        return counts;
    }

    /**
     * Keeps the aggregates only this type needs of old raw votes, before the retention job deletes them (votes per
     * option and per value, text entries per status, who answered and quiz points are kept for every type by the job
     * itself); results read them back through {@code vote.KeptVotes}.
     */
    default void keep(Pruning pruning) {
    }

    // --- reports and exports ---

    /** The round's counts from the stored votes plus the aggregates kept of pruned ones ({@code vote.KeptVotes}). */
    RoundCounts counts(Poll poll, int round);

    /**
     * The statistics of a round (or a pooled total). The columns it fills are described in {@code report.Tables}
     * (add a column there, and a field to {@link ReportItems.OptionStat} or {@link VoteAnswer}, when a type has a new
     * kind of number or answer).
     *
     * @param poll the poll (for its scale's range); for a pooled total, the most recent talk's
     * @param options the options in report order (for a question across talks, the union over talks)
     */
    RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options);

    /** A stored vote's answer, for exports. */
    VoteAnswer answer(Vote vote, VoteRows rows);

    /**
     * Whether every vote falls into exactly one item of {@link RoundStat#options()}, so that the items across talks form
     * a contingency table for a chi-square test (choice, quiz, scale, slider; not multiple or ranking).
     */
    boolean oneItemPerVote();

    /** The refusal for a body that uses the wrong answer fields for this type. */
    static ApiProblem wrongShape(Poll poll, String expected) {
        return ApiProblem.badRequest("invalid-answer",
                "A " + poll.type + " poll takes " + expected + " (poll '" + poll.key + "')");
    }
}
