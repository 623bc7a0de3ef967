package dk.afstemning.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.afstemning.answer.Tallies;
import dk.afstemning.poll.Poll;
import dk.afstemning.report.Reports.MeanStat;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.stats.Interval;
import dk.afstemning.stats.Means;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Vote;

/**
 * {@code scale} and {@code slider}: the distribution (scale: one bar per value from min to max; slider: 10 bins of
 * {@link Tallies#histogram}) with each bar's share of the votes, the mean with its 95% Student t interval
 * ({@link Means#summarise}) and the median ({@link Tallies#median}).
 */
class NumberReport implements TypeReport {

    private final boolean slider;

    NumberReport(boolean slider) {
        this.slider = slider;
    }

    @Override
    public String type() {
        return slider ? "slider" : "scale";
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<Integer, Long> values = KeptVotes.byValue(poll.id, round);
        return new RoundCounts(values.values().stream().mapToLong(Long::longValue).sum(), Map.of(), values, Map.of());
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        long n = counts.n();
        List<Tallies.Bar> bars = slider ? Tallies.histogram(counts.byValue(), Tallies.SLIDER_BINS)
                : Tallies.distribution(counts.byValue(), min(poll), max(poll));
        List<OptionStat> items = new ArrayList<>();
        for (Tallies.Bar bar : bars) {
            items.add(new OptionStat(null, items.size() + 1, bar.from() == bar.to() ? String.valueOf(bar.from())
                    : bar.from() + "–" + bar.to(), bar.count(), Proportions.share(bar.count(), n),
                    Proportions.wilson95(bar.count(), n), null, bar.from(), bar.to(), null, null));
        }
        double[] values = new double[(int) n];
        int i = 0;
        for (var e : new java.util.TreeMap<>(counts.byValue()).entrySet()) {
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
    public VoteAnswer answer(Vote vote) {
        return new VoteAnswer(null, null, null, null, null, null, null, vote.numValue);
    }

    @Override
    public boolean oneItemPerVote() {
        return true;
    }

    private int min(Poll poll) {
        return slider ? 0 : poll.minAnswers == null ? 1 : poll.minAnswers;
    }

    private int max(Poll poll) {
        return slider ? 100 : poll.maxAnswers == null ? 5 : poll.maxAnswers;
    }
}
