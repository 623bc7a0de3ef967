package dk.afstemning.results;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.vote.Vote;

/** Builds results from stored votes with one GROUP BY per poll; nothing is counted in memory. */
@ApplicationScoped
@Transactional
public class ResultsService {

    /**
     * Reads the poll (and so its version) before the counts, so a snapshot never carries a version newer than its
     * data; a later snapshot of the same data may carry the same or a newer version.
     */
    public PollResults results(long pollId) {
        Poll poll = Poll.findById(pollId);
        return results(poll);
    }

    /** Results of every active poll of the talk, in slide order. */
    public List<PollResults> resultsOfTalk(dk.afstemning.talk.Talk talk) {
        return Poll.listActiveByTalk(talk).stream().map(this::results).toList();
    }

    PollResults results(Poll poll) {
        long version = poll.version;
        String status = poll.status.name();
        int round = poll.round;
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : Vote.countByOption(poll.id, round)) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        List<PollOption> options = PollOption.listActiveByPoll(poll);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<PollResults.OptionCount> rows = options.stream().map(o -> {
            long count = counts.getOrDefault(o.id, 0L);
            return new PollResults.OptionCount(o.id, o.text, count, percent(count, total));
        }).toList();
        return new PollResults("results", poll.key, poll.question, status, round, version, total, rows);
    }

    /** Whole percent, rounded half up; 0 of 0 is 0. */
    static int percent(long count, long total) {
        return total == 0 ? 0 : (int) ((count * 200 + total) / (total * 2));
    }
}
