package dk.afstemning.polltype.ranking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.OptionAnswers;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.Pruning;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.polltype.ReportParts;
import dk.afstemning.polltype.RoundCounts;
import dk.afstemning.polltype.Tallies;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;

/**
 * {@code ranking}: each participant orders every option, best first ({@code {"optionIds": [3, 1, 2]}}), at most
 * {@value #MAX_OPTIONS} options. Results and the report give per option the average place (1 is first) and the Borda
 * points (Jean-Charles de Borda, 1781; see {@link Tallies#borda}: with k options a first place earns k−1 points, the
 * last 0); the report adds how many put it first with that share of the voters and its 95% Wilson interval. n is the
 * participants who ranked.
 */
@ApplicationScoped
public class RankingType implements PollType {

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
    public int maxOptions() {
        return MAX_OPTIONS;
    }

    @Override
    public DeckSettings readDeckKeys(DeckKeys keys) {
        return DeckSettings.NONE;
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
    public Answer answerOf(Vote vote, VoteRows rows) {
        return OptionAnswers.of(vote, rows);
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return bordaDetails(options, KeptVotes.places(poll.id, round));
    }

    @Override
    public Map<Long, Object> details(List<Poll> polls, Map<Long, List<PollOption>> options) {
        return PollType.detailsOf(polls, KeptVotes.places(PollType.rounds(polls)),
                (p, places) -> bordaDetails(options.getOrDefault(p.id, List.of()), places));
    }

    private static Details bordaDetails(List<PollOption> options, Map<Long, Map<Integer, Long>> places) {
        return new Details(options.size(), Tallies.borda(options.size(), places,
                options.stream().map(o -> Map.entry(o.id, o.text)).toList()));
    }

    /** Votes per option and place. */
    @Override
    public void keep(Pruning pruning) {
        pruning.add("place_tally", "select o.poll_id, o.round, c.option_id, c.position, count(*) as n from "
                + pruning.old() + " join vote_choice c on c.vote_id = o.id where o.type = ?2"
                + " group by o.poll_id, o.round, c.option_id, c.position", "option_id", "position");
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<Long, PollOption> options = ReportParts.optionsById(poll);
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
    public VoteAnswer answer(Vote vote, VoteRows rows) {
        return ReportParts.choicesOf(vote, rows);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }
}
