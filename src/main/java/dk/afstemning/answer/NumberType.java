package dk.afstemning.answer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.Answer;

/**
 * The number types: {@code scale} (a whole number from the deck's {@code min} to {@code max}, labels {@code low} and
 * {@code high} at the ends; results: distribution, mean and median) and {@code slider} (0 to 100 between the poles
 * {@code low} and {@code high}; results: a histogram of {@link Tallies#SLIDER_BINS} bins, mean and median). The answer
 * is {@code {"value": 4}}.
 */
class NumberType implements QuestionType {

    /**
     * The results of a scale or slider round.
     *
     * @param min lowest value
     * @param max highest value
     * @param low label of the low end (scale) or pole (slider), or null
     * @param high label of the high end or pole, or null
     * @param bars scale: one bar per value; slider: the histogram bins
     * @param mean the mean value, or null without votes
     * @param median the median value, or null without votes
     */
    public record Details(int min, int max, String low, String high, List<Tallies.Bar> bars, Double mean,
            Double median) {
    }

    private final boolean slider;

    NumberType(boolean slider) {
        this.slider = slider;
    }

    @Override
    public String name() {
        return slider ? "slider" : "scale";
    }

    @Override
    public Set<String> deckKeys() {
        return slider ? Set.of("low", "high") : Set.of("min", "max", "low", "high");
    }

    @Override
    public boolean hasOptions() {
        return false;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        if (answer.value() == null || answer.optionId() != null || answer.optionIds() != null) {
            throw QuestionType.wrongShape(poll, "value, a whole number");
        }
        int v = answer.value();
        if (v < min(poll) || v > max(poll)) {
            throw new ApiProblem(422, "value-out-of-range", "Value out of range",
                    "Poll '" + poll.key + "' takes a value from " + min(poll) + " to " + max(poll) + ", not " + v);
        }
        return Answer.number(v);
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        vote.numValue = answer.value();
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        Map<Integer, Long> counts = KeptVotes.byValue(poll.id, round);
        List<Tallies.Bar> bars = slider ? Tallies.histogram(counts, Tallies.SLIDER_BINS)
                : Tallies.distribution(counts, min(poll), max(poll));
        return new Details(min(poll), max(poll), poll.labelLow, poll.labelHigh, bars, Tallies.mean(counts),
                Tallies.median(counts));
    }

    private int min(Poll poll) {
        return slider || poll.minAnswers == null ? (slider ? 0 : 1) : poll.minAnswers;
    }

    private int max(Poll poll) {
        return slider ? 100 : poll.maxAnswers == null ? 5 : poll.maxAnswers;
    }
}
