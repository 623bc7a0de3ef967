package dk.afstemning.report;

import java.util.List;
import java.util.Map;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.VoteAnswer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;

/**
 * {@code multiple}: per option the voters who ticked it and their share of the voters (n = participants who answered
 * the round), with a 95% Wilson interval; shares may add up to more than 100 %.
 */
class MultipleReport implements TypeReport {

    @Override
    public String type() {
        return "multiple";
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<String, Long> byKey = TypeReports.byKey(TypeReports.optionsById(poll),
                KeptVotes.ticksByOption(poll.id, round));
        return new RoundCounts(KeptVotes.voters(poll.id, round), byKey, Map.of(), Map.of());
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        return OptionReport.optionStat(round, counts, options, false);
    }

    @Override
    public VoteAnswer answer(Vote vote) {
        return answerOf(vote);
    }

    /** The options of a vote that holds several, in stored order (option order, or best first for a ranking). */
    static VoteAnswer answerOf(Vote vote) {
        List<PollOption> chosen = TypeReports.choices(vote);
        return new VoteAnswer(null, null, null, null, null, chosen.stream().map(o -> o.key).toList(),
                chosen.stream().map(o -> o.text).toList(), null);
    }

    @Override
    public boolean oneItemPerVote() {
        return false;
    }
}
