package dk.afstemning.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dk.afstemning.answer.Tallies;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Vote;

/**
 * {@code ranking}: per option the average place (1 is first) and the Borda points (Jean-Charles de Borda, 1781; see
 * {@link Tallies#borda}: with k options a first place earns k−1 points, the last 0), and how many put it first with
 * that share of the voters and its 95% Wilson interval. n is the participants who ranked.
 */
class RankingReport implements TypeReport {

    @Override
    public String type() {
        return "ranking";
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<Long, PollOption> options = TypeReports.optionsById(poll);
        Map<String, Map<Integer, Long>> places = new HashMap<>();
        KeptVotes.places(poll.id, round).forEach((id, byPlace) -> {
            PollOption o = options.get(id);
            if (o != null && !o.archived) {
                byPlace.forEach((place, count) -> places.computeIfAbsent(o.key, k -> new HashMap<>())
                        .merge(place, count, Long::sum));
            }
        });
        return new RoundCounts(KeptVotes.voters(poll.id, round), Map.of(), Map.of(), places);
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        // Tallies.borda keys options by number: use the option's index in the report order.
        Map<Long, Map<Integer, Long>> places = new HashMap<>();
        List<Map.Entry<Long, String>> entries = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            places.put((long) i, counts.byPlace().getOrDefault(options.get(i).optionId(), Map.of()));
            entries.add(Map.entry((long) i, options.get(i).text()));
        }
        List<Tallies.Ranked> ranked = Tallies.borda(options.size(), places, entries);
        long n = counts.n();
        List<OptionStat> items = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Tallies.Ranked r = ranked.get(i);
            long first = Math.min(r.first(), n);
            items.add(new OptionStat(options.get(i).optionId(), i + 1, r.text(), first, Proportions.share(first, n),
                    Proportions.wilson95(first, n), null, null, null, r.averageRank(), r.borda()));
        }
        return new RoundStat(round, n, SmallSample.warnN(n), items, null);
    }

    @Override
    public VoteAnswer answer(Vote vote) {
        return MultipleReport.answerOf(vote);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }
}
