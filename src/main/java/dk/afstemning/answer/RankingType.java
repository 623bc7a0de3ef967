package dk.afstemning.answer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteChoice;
import dk.afstemning.vote.Answer;

/**
 * {@code ranking}: each participant orders every option, best first ({@code {"optionIds": [3, 1, 2]}}). Results give
 * per option the average rank and the Borda points ({@link Tallies#borda}).
 */
class RankingType implements QuestionType {

    /** Most options a ranking may have: more do not fit a phone's screen to drag around. */
    static final int MAX_OPTIONS = 10;

    /**
     * @param options the number of options ranked; first place gets {@code options - 1} Borda points
     * @param items per option in option order
     */
    public record Details(int options, List<Tallies.Ranked> items) {
    }

    @Override
    public String name() {
        return "ranking";
    }

    @Override
    public Set<String> deckKeys() {
        return Set.of();
    }

    @Override
    public boolean hasOptions() {
        return true;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        List<PollOption> order = OptionAnswers.findAll(poll, options,
                OptionAnswers.ids(poll, answer, "optionIds, every option id once, best first"));
        if (order.size() != options.size()) {
            throw new ApiProblem(422, "invalid-ranking", "Incomplete ranking",
                    "Poll '" + poll.key + "' needs all " + options.size() + " options in order, not " + order.size());
        }
        return Answer.options(order.stream().map(o -> o.id).toList());
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        OptionAnswers.storeListed(vote, options, answer);
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        Map<Long, Map<Integer, Long>> places = KeptVotes.places(poll.id, round);
        return new Details(options.size(), Tallies.borda(options.size(), places,
                options.stream().map(o -> Map.entry(o.id, o.text)).toList()));
    }
}
