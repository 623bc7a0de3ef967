package dk.afstemning.answer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteChoice;
import dk.afstemning.vote.Answer;

/**
 * {@code multiple}: from {@code min} to {@code max} options per participant ({@code {"optionIds": [1, 3]}}, stored in
 * option order). Counts per option are the participants who chose it; percentages are of the participants who voted,
 * so they may add up to more than 100.
 */
class MultipleType implements QuestionType {

    /**
     * @param min fewest selections
     * @param max most selections
     */
    public record Details(int min, int max) {
    }

    @Override
    public String name() {
        return "multiple";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of("min", "max");
    }

    @Override
    public boolean hasOptions() {
        return true;
    }

    @Override
    public boolean countsPerOption() {
        return true;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        List<Long> ids = OptionAnswers.ids(poll, answer, "optionIds, a list of option ids");
        int min = min(poll);
        int max = max(poll, options);
        if (ids.size() < min || ids.size() > max) {
            throw new ApiProblem(422, "invalid-selection", "Wrong number of options",
                    "Poll '" + poll.key + "' takes " + (min == max ? String.valueOf(min) : min + " to " + max)
                            + " options, not " + ids.size());
        }
        List<PollOption> chosen = OptionAnswers.findAll(poll, options, ids);
        return Answer.options(chosen.stream().sorted(Comparator.comparingInt(o -> o.position)).map(o -> o.id).toList());
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        OptionAnswers.storeListed(vote, options, answer);
    }

    @Override
    public Map<Long, Long> countsByOption(Poll poll, int round) {
        return dk.afstemning.vote.KeptVotes.ticksByOption(poll.id, round);
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return new Details(min(poll), max(poll, options));
    }

    private static int min(Poll poll) {
        return poll.minAnswers == null ? 1 : poll.minAnswers;
    }

    private static int max(Poll poll, List<PollOption> options) {
        return poll.maxAnswers == null ? options.size() : Math.min(poll.maxAnswers, options.size());
    }
}
