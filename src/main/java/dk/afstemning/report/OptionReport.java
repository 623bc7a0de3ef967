package dk.afstemning.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Vote;

/**
 * {@code choice} and {@code quiz}: one option per vote. Per option the votes, their share of n with a 95% Wilson
 * interval ({@link dk.afstemning.stats.Proportions}); n is the votes on options still in the deck, including the counts
 * the retention job kept. A quiz also marks its right options.
 */
class OptionReport implements TypeReport {

    private final String type;
    private final boolean quiz;

    OptionReport(String type, boolean quiz) {
        this.type = type;
        this.quiz = quiz;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<Long, Long> counts = KeptVotes.votesByOption(poll.id, round);
        Map<String, Long> byKey = TypeReports.byKey(TypeReports.optionsById(poll), counts);
        long n = byKey.values().stream().mapToLong(Long::longValue).sum();
        return new RoundCounts(n, byKey, Map.of(), Map.of());
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        return optionStat(round, counts, options, quiz);
    }

    /** Per option: count, share of n and its Wilson interval; {@code correct} marked when {@code quiz}. */
    static RoundStat optionStat(int round, RoundCounts counts, List<OptionKey> options, boolean quiz) {
        List<OptionStat> stats = new ArrayList<>();
        int position = 1;
        for (OptionKey o : options) {
            OptionStat s = OptionStat.of(o.optionId(), position++, o.text(),
                    counts.byOption().getOrDefault(o.optionId(), 0L), counts.n());
            stats.add(quiz ? new OptionStat(s.optionId(), s.position(), s.text(), s.count(), s.share(), s.ci95(),
                    Boolean.TRUE.equals(o.correct()), null, null, null, null) : s);
        }
        return new RoundStat(round, counts.n(), SmallSample.warnN(counts.n()), stats, null);
    }

    @Override
    public VoteAnswer answer(Vote vote) {
        PollOption o = vote.option;
        return o == null ? new VoteAnswer(null, null, null, null, null, null, null, null)
                : new VoteAnswer(o.key, o.position, o.text, o.archived, quiz ? o.correct : null, null, null, null);
    }

    @Override
    public boolean oneItemPerVote() {
        return true;
    }
}
