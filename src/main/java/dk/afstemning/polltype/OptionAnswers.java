package dk.afstemning.polltype;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.OptionAnswer;
import dk.afstemning.vote.OptionsAnswer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;
import dk.afstemning.vote.VoteChoice;

/** Checks shared by the option-based types: options exist in this poll, appear once, and the stored answer of a vote. */
public final class OptionAnswers {

    private OptionAnswers() {
    }

    /**
     * The one option an answer of the shape {@code {"optionId": 1}} names.
     *
     * @throws ApiProblem for another shape, or an option not in {@code options}
     */
    public static PollOption one(Poll poll, List<PollOption> options, Answer answer) {
        if (!(answer instanceof OptionAnswer one)) {
            throw PollType.wrongShape(poll, "optionId, the id of one option");
        }
        return find(poll, options, one.optionId());
    }

    /**
     * The option ids of an answer of the shape {@code {"optionIds": [3, 1]}}, in its order, not yet looked up
     * ({@link #findAll}).
     *
     * @param shape what the problem says the answer must be, for another shape
     * @throws ApiProblem for another shape
     */
    public static List<Long> ids(Poll poll, Answer answer, String shape) {
        if (!(answer instanceof OptionsAnswer several)) {
            throw PollType.wrongShape(poll, shape);
        }
        return several.optionIds();
    }

    /** Stores a checked {@code optionIds} answer as the vote's choices, in the answer's order. */
    public static void storeListed(Vote vote, List<PollOption> options, Answer answer) {
        VoteChoice.replace(vote, findAll(vote.poll, options, ((OptionsAnswer) answer).optionIds()));
    }

    public static PollOption find(Poll poll, List<PollOption> options, long optionId) {
        return options.stream().filter(o -> o.id == optionId).findFirst()
                .orElseThrow(() -> new ApiProblem(422, "unknown-option", "Unknown option",
                        "Poll '" + poll.key + "' has no option " + optionId));
    }

    /** The options named by {@code ids}, in that order; each must exist and appear once. */
    public static List<PollOption> findAll(Poll poll, List<PollOption> options, List<Long> ids) {
        List<PollOption> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (id == null) {
                throw PollType.wrongShape(poll, "optionIds, a list of option ids");
            }
            if (!seen.add(id)) {
                throw new ApiProblem(422, "duplicate-option", "Option given twice",
                        "Option " + id + " appears more than once in the answer");
            }
            found.add(find(poll, options, id));
        }
        return found;
    }

    /** The stored answer of a vote, in the {@link Answer} shape of its type. */
    public static Answer of(Vote vote, VoteRows rows) {
        if (vote.option != null) {
            return Answer.option(vote.option.id);
        }
        if (vote.numValue != null) {
            return Answer.number(vote.numValue);
        }
        return Answer.options(rows.choices(vote).stream().map(c -> c.option.id).toList());
    }
}
