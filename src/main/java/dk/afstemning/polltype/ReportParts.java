package dk.afstemning.polltype;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.TextAnswer;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;
import dk.afstemning.vote.VoteChoice;
import dk.afstemning.vote.VoteText;

/** Report code shared by several poll types: counts keyed by option deck id, per-option statistics, stored answers. */
public final class ReportParts {

    private ReportParts() {
    }

    /** Option deck id by database id, over every option of the poll (archived ones too). */
    public static Map<Long, PollOption> optionsById(Poll poll) {
        Map<Long, PollOption> options = new HashMap<>();
        PollOption.listByPoll(poll).forEach(o -> options.put(o.id, o));
        return options;
    }

    /** Counts per option database id, keyed by the option's deck id instead; archived options left out. */
    public static Map<String, Long> byKey(Map<Long, PollOption> options, Map<Long, Long> counts) {
        Map<String, Long> byKey = new HashMap<>();
        counts.forEach((id, count) -> {
            PollOption o = options.get(id);
            if (o != null && !o.archived) {
                byKey.merge(o.key, count, Long::sum);
            }
        });
        return byKey;
    }

    /**
     * Per option: count, share of n and its 95% Wilson interval ({@link dk.afstemning.stats.Proportions});
     * {@code correct} marked when {@code quiz}.
     */
    public static RoundStat optionStat(int round, RoundCounts counts, List<OptionKey> options, boolean quiz) {
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

    /** The one option of a stored vote (choice, quiz); {@code correct} filled when {@code quiz}. */
    public static VoteAnswer optionOf(Vote vote, boolean quiz) {
        PollOption o = vote.option;
        return o == null ? new VoteAnswer(null, null, null, null, null, null, null, null)
                : new VoteAnswer(o.key, o.position, o.text, o.archived, quiz ? o.correct : null, null, null, null);
    }

    /** The options of a vote that holds several (multiple, ranking), in stored order (option order, or best first). */
    public static VoteAnswer choicesOf(Vote vote, VoteRows rows) {
        List<PollOption> chosen = rows.choices(vote).stream().map(c -> c.option).toList();
        return new VoteAnswer(null, null, null, null, null, chosen.stream().map(o -> o.key).toList(),
                chosen.stream().map(o -> o.text).toList(), null);
    }

    /** The text entries of a stored vote (wordcloud, open), in the participant's order, with status and time. */
    public static VoteAnswer textsOf(Vote vote, VoteRows rows) {
        return new VoteAnswer(null, null, null, null, null, null, null, null, rows.texts(vote).stream()
                .map(t -> new TextAnswer(null, t.position + 1, t.text, t.status, t.createdAt.atOffset(ZoneOffset.UTC)))
                .toList());
    }
}
