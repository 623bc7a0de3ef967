package dk.afstemning.answer;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.Answer;

/**
 * {@code quiz}: a single choice with right answers (the deck's {@code correct}) and points for speed
 * ({@link Tallies#quizPoints}), measured on the server's clock from the poll's opening to the moment the answer is
 * stored. The time limit is the running countdown (the deck's {@code time-limit} or the presenter's), or
 * {@link #DEFAULT_LIMIT} without one. Changing the answer scores it again at the time of the change. Answering needs a
 * nickname. While the poll is open the results do not tell which options are right; once it is closed they do, and
 * carry the talk's leaderboard.
 */
class QuizType extends ChoiceType {

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
        return "quiz";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("correct");
    }

    @Override
    public boolean needsNickname() {
        return true;
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
        List<Long> correct = options.stream().filter(o -> o.correct).map(o -> o.id).toList();
        long correctVotes = countsByOption(poll, round).entrySet().stream()
                .filter(e -> correct.contains(e.getKey())).mapToLong(java.util.Map.Entry::getValue).sum();
        return new Details(correct, correctVotes, Leaderboard.of(poll.talk));
    }
}
