package dk.afstemning.polltype;

import java.util.List;
import java.util.Map;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.ReportItems.VoteAnswer;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.OptionAnswer;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;

/**
 * The base of the types that take one option per participant ({@code {"optionId": 1}}): choice and quiz. Live results
 * are counts per option. The report gives per option the votes and their share of n with a 95% Wilson interval
 * ({@link dk.afstemning.stats.Proportions}); n is the votes on options still in the deck, including the counts the
 * retention job kept.
 */
public abstract class SingleOptionType implements PollType {

    @Override
    public boolean hasOptions() {
        return true;
    }

    @Override
    public boolean countsPerOption() {
        return true;
    }

    @Override
    public boolean oneOptionPerVote() {
        return true;
    }

    @Override
    public Answer check(Poll poll, List<PollOption> options, Answer answer) {
        return Answer.option(OptionAnswers.one(poll, options, answer).id);
    }

    @Override
    public void store(Vote vote, Answer answer, List<PollOption> options) {
        vote.option = OptionAnswers.find(vote.poll, options, ((OptionAnswer) answer).optionId());
    }

    @Override
    public Answer answerOf(Vote vote, VoteRows rows) {
        return OptionAnswers.of(vote, rows);
    }

    @Override
    public Map<Long, Long> countsByOption(Poll poll, int round) {
        return KeptVotes.votesByOption(poll.id, round);
    }

    @Override
    public Map<Long, Map<Long, Long>> countsByOption(List<Poll> polls) {
        return KeptVotes.votesByOption(PollType.rounds(polls));
    }

    @Override
    public RoundCounts counts(Poll poll, int round) {
        Map<String, Long> byKey = ReportParts.byKey(ReportParts.optionsById(poll),
                KeptVotes.votesByOption(poll.id, round));
        long n = byKey.values().stream().mapToLong(Long::longValue).sum();
        return new RoundCounts(n, byKey, Map.of(), Map.of());
    }

    @Override
    public RoundStat stat(Poll poll, int round, RoundCounts counts, List<OptionKey> options) {
        return ReportParts.optionStat(round, counts, options, marksCorrect());
    }

    @Override
    public VoteAnswer answer(Vote vote, VoteRows rows) {
        return ReportParts.optionOf(vote, marksCorrect());
    }

    @Override
    public boolean oneItemPerVote() {
        return true;
    }
}
