package dk.afstemning.polltype.quiz;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.SingleOptionType;
import dk.afstemning.polltype.Tallies;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.Vote;

/**
 * {@code quiz}: a single choice with right answers (the deck's {@code correct}: one option or a list, each named by its
 * {@code id} or its exact text) and points for speed ({@link Tallies#quizPoints}), measured on the server's clock from
 * the poll's opening to the moment the answer is stored. The time limit is the running countdown (the deck's
 * {@code time-limit} or the presenter's), or {@link #DEFAULT_LIMIT} without one. Changing the answer scores it again
 * at the time of the change. Answering needs a nickname. While the poll is open the results do not tell which options
 * are right (the results carry no counts then, {@link #hidesResultsWhileOpen}); once it is closed they do, and carry
 * the talk's {@link Leaderboard}, and each phone gets its own {@link QuizResult}. Reports mark the right options.
 */
@ApplicationScoped
public class QuizType extends SingleOptionType {

    /** The deck name, also what the leaderboard's query selects. */
    static final String NAME = "quiz";

    /** The time limit that scores answers when the quiz runs without a countdown. */
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(30);

    /**
     * @param correctOptionIds the right options; empty while the poll is not closed
     * @param correctVotes votes for a right option; null while the poll is not closed
     * @param leaderboard the talk's quiz totals after this question; null while the poll is not closed
     */
    public record Details(List<Long> correctOptionIds, Long correctVotes, Leaderboard leaderboard) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("correct");
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        List<DeckKeys.Item> items = keys.items("correct");
        if (items == null) {
            throw keys.blockError("quiz_no_correct", keys.pollId());
        }
        if (items.isEmpty()) {
            throw keys.error("correct", "quiz_correct_empty");
        }
        List<String> correct = new ArrayList<>();
        for (DeckKeys.Item item : items) {
            String name = item.scalar("correct option");
            String key = keys.options().stream()
                    .filter(o -> o.key().equals(name)
                            || o.text().equals(Normalizer.normalize(name.strip(), Normalizer.Form.NFC)))
                    .map(DeckKeys.Option::key).findFirst()
                    .orElseThrow(() -> item.error("quiz_correct_unknown", name));
            if (!correct.contains(key)) {
                correct.add(key);
            }
        }
        return new DeckSettings(null, null, null, null, List.copyOf(correct), null, null, null);
    }

    @Override
    public boolean needsNickname() {
        return true;
    }

    @Override
    public boolean marksCorrect() {
        return true;
    }

    /** While a quiz is open, its counts would tell the room which option the others chose. */
    @Override
    public boolean hidesResultsWhileOpen() {
        return true;
    }

    /** Per participant a {@link QuizResult}: right or wrong, points, total points, rank and players. */
    @Override
    public LongFunction<Object> participantResults(Poll poll) {
        if (poll.status != PollStatus.CLOSED) {
            return null;
        }
        Map<Long, Standings.Player> players = Standings.of(poll.talk).byParticipant();
        Map<Long, Long> points = Standings.pointsIn(poll);
        String key = poll.key;
        int round = poll.round;
        return participantId -> QuizResult.of(key, round, players, points, participantId);
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        super.store(vote, answer, options);
        Poll poll = vote.poll;
        long limit = poll.closesAt != null && poll.openedAt != null
                ? Duration.between(poll.openedAt, poll.closesAt).toMillis() : DEFAULT_LIMIT.toMillis();
        long elapsed = poll.openedAt == null ? limit : Duration.between(poll.openedAt, vote.castAt).toMillis();
        vote.points = Tallies.quizPoints(vote.option.correct, elapsed, Math.max(1, limit));
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        if (poll.status != PollStatus.CLOSED) {
            return new Details(List.of(), null, null);
        }
        return details(options, countsByOption(poll, round), Leaderboard.of(poll.talk));
    }

    /** The counts of the closed polls in one batch, and each talk's leaderboard once. */
    @Override
    public Map<Long, Object> details(List<Poll> polls, Map<Long, List<PollOption>> options) {
        List<Poll> closed = polls.stream().filter(p -> p.status == PollStatus.CLOSED).toList();
        Map<Long, Map<Long, Long>> counts = closed.isEmpty() ? Map.of() : countsByOption(closed);
        Map<Long, Leaderboard> boards = new java.util.HashMap<>();
        Map<Long, Object> details = new java.util.HashMap<>();
        for (Poll p : polls) {
            details.put(p.id, p.status != PollStatus.CLOSED ? new Details(List.of(), null, null)
                    : details(options.getOrDefault(p.id, List.of()), counts.get(p.id),
                            boards.computeIfAbsent(p.talk.id, id -> Leaderboard.of(p.talk))));
        }
        return details;
    }

    private static Details details(List<PollOption> options, Map<Long, Long> counts, Leaderboard board) {
        List<Long> correct = options.stream().filter(o -> o.correct).map(o -> o.id).toList();
        long correctVotes = counts.entrySet().stream()
                .filter(e -> correct.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        return new Details(correct, correctVotes, board);
    }
}
