package dk.afstemning.polltype;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.ReportItems.MeanStat;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.stats.Interval;
import dk.afstemning.stats.Means;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.NumberAnswer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;

/**
 * The base of the number types, scale and slider: the answer is a whole number from {@link #min} to {@link #max}
 * ({@code {"value": 4}}), stored in {@code vote.num_value}. Results and the report show the distribution (one bar per
 * value or bin, {@link #bars}) with each bar's share of the votes, the mean with its 95% Student t interval
 * ({@link Means#summarise}) and the median ({@link Tallies#median}).
 */
public abstract class NumberType implements PollType {

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

    /** The lowest value the poll takes. */
    protected abstract int min(Poll poll);

    /** The highest value the poll takes. */
    protected abstract int max(Poll poll);

    /** The bars of the distribution from votes per value. */
    protected abstract List<Tallies.Bar> bars(Poll poll, Map<Integer, Long> counts);

    @Override
    public boolean hasOptions() {
        return false;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        if (!(answer instanceof NumberAnswer number)) {
            throw PollType.wrongShape(poll, "value, a whole number");
        }
        int v = number.value();
        if (v < min(poll) || v > max(poll)) {
            throw new ApiProblem(422, "value-out-of-range", "Value out of range",
                    "Poll '" + poll.key + "' takes a value from " + min(poll) + " to " + max(poll) + ", not " + v);
        }
        return Answer.number(v);
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        vote.numValue = ((NumberAnswer) answer).value();
    }

    @Override
    public Answer answerOf(Vote vote, VoteRows rows) {
        return OptionAnswers.of(vote, rows);
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return details(poll, KeptVotes.byValue(poll.id, round));
    }

    @Override
    public Map<Long, Object> details(List<Poll> polls, Map<Long, List<PollOption>> options) {
        return PollType.detailsOf(polls, KeptVotes.byValue(PollType.rounds(polls)), (p, read) -> details(p, read));
    }

    private Details details(Poll poll, Map<Integer, Long> counts) {
        return new Details(min(poll), max(poll), poll.labelLow, poll.labelHigh, bars(poll, counts),
                Tallies.mean(counts), Tallies.median(counts));
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<Integer, Long> values = KeptVotes.byValue(poll.id, round);
        return new RoundCounts(values.values().stream().mapToLong(Long::longValue).sum(), Map.of(), values, Map.of());
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        long n = counts.n();
        List<OptionStat> items = new ArrayList<>();
        for (Tallies.Bar bar : bars(poll, counts.byValue())) {
            items.add(new OptionStat(null, items.size() + 1, bar.from() == bar.to() ? String.valueOf(bar.from())
                    : bar.from() + "–" + bar.to(), bar.count(), Proportions.share(bar.count(), n),
                    Proportions.wilson95(bar.count(), n), null, bar.from(), bar.to(), null, null));
        }
        double[] values = new double[(int) n];
        int i = 0;
        for (var e : new TreeMap<>(counts.byValue()).entrySet()) {
            for (long c = 0; c < e.getValue(); c++) {
                values[i++] = e.getKey();
            }
        }
        Means.Summary summary = Means.summarise(values);
        // Student's t interval is symmetric about the mean and, with few or spread votes, runs past the ends of the
        // scale (n = 2 on 1–5 with 4 and 5: 4.5 ± 6.35); no mean can lie outside [min, max], so the interval shown
        // and exported is clamped to [min, max] (documented in the codebook).
        Interval ci95 = summary.ci95() == null ? null : summary.ci95().clampedTo(min(poll), max(poll));
        return new RoundStat(round, n, SmallSample.warnN(n), items,
                new MeanStat(summary.mean(), summary.sd(), ci95, Tallies.median(counts.byValue())));
    }

    @Override
    public VoteAnswer answer(Vote vote, VoteRows rows) {
        return new VoteAnswer(null, null, null, null, null, null, null, vote.numValue);
    }

    @Override
    public boolean oneItemPerVote() {
        return true;
    }
}
