package dk.afstemning.polltype.multiple;

import java.util.Comparator;
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
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.polltype.ReportParts;
import dk.afstemning.polltype.RoundCounts;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;

/**
 * {@code multiple}: from {@code min} to {@code max} options per participant (deck keys; default 1 to all), as
 * {@code {"optionIds": [1, 3]}}, stored in option order. Counts per option are the participants who chose it;
 * percentages are of the participants who voted, so they may add up to more than 100. The report gives per option the
 * voters who ticked it and their share of the voters (n = participants who answered the round), with a 95% Wilson
 * interval.
 */
@ApplicationScoped
public class MultipleType implements PollType {

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
    public DeckSettings readDeckKeys(DeckKeys keys) {
        Integer min = keys.whole("min");
        Integer max = keys.whole("max");
        int options = keys.options().size();
        int lo = min == null ? 1 : min;
        int hi = max == null ? options : max;
        if (lo < 1 || lo > options) {
            throw keys.error("min", "multiple_min", options, lo);
        }
        if (hi < lo || hi > options) {
            throw keys.error(keys.has("max") ? "max" : "min", "multiple_max", lo, options, hi);
        }
        return new DeckSettings(lo, hi, null, null, List.of(), null, null, null);
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
    public Answer answerOf(Vote vote, VoteRows rows) {
        return OptionAnswers.of(vote, rows);
    }

    @Override
    public Map<Long, Long> countsByOption(Poll poll, int round) {
        return KeptVotes.ticksByOption(poll.id, round);
    }

    @Override
    public Map<Long, Map<Long, Long>> countsByOption(List<Poll> polls) {
        return KeptVotes.ticksByOption(PollType.rounds(polls));
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return new Details(min(poll), max(poll, options));
    }

    /** Ticks per option. */
    @Override
    public void keep(Pruning pruning) {
        pruning.add("vote_tally", "select o.poll_id, o.round, c.option_id, count(*) as n from " + pruning.old()
                + " join vote_choice c on c.vote_id = o.id where o.type = ?2"
                + " group by o.poll_id, o.round, c.option_id", "option_id");
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<String, Long> byKey = ReportParts.byKey(ReportParts.optionsById(poll),
                KeptVotes.ticksByOption(poll.id, round));
        return new RoundCounts(KeptVotes.voters(poll.id, round), byKey, Map.of(), Map.of());
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        return ReportParts.optionStat(round, counts, options, false);
    }

    @Override
    public VoteAnswer answer(Vote vote, VoteRows rows) {
        return ReportParts.choicesOf(vote, rows);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }

    private static int min(Poll poll) {
        return poll.minAnswers == null ? 1 : poll.minAnswers;
    }

    private static int max(Poll poll, List<PollOption> options) {
        return poll.maxAnswers == null ? options.size() : Math.min(poll.maxAnswers, options.size());
    }
}
