package dk.afstemning.answer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.Answer;

/** {@code choice}: one option per participant ({@code {"optionId": 1}}); results are counts per option. */
class ChoiceType implements QuestionType {

    @Override
    public String name() {
        return "choice";
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
        vote.option = OptionAnswers.find(vote.poll, options, answer.optionId());
    }

    @Override
    public Map<Long, Long> countsByOption(Poll poll, int round) {
        return dk.afstemning.vote.KeptVotes.votesByOption(poll.id, round);
    }

    @Override
    public Object details(Poll poll, int round, List<PollOption> options) {
        return null;
    }
}
