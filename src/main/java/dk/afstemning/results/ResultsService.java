package dk.afstemning.results;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollService;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.platform.DatabaseClock;

/**
 * Builds results from stored votes with one GROUP BY per poll and round, plus the aggregates kept of pruned votes
 * ({@link KeptVotes});
 * nothing is counted in memory.
 */
@ApplicationScoped
@Transactional
public class ResultsService {

    @Inject
    PollTypes types;

    @Inject
    DatabaseClock clock;

    @Inject
    TalkService talks;

    @Inject
    PollService polls;

    /**
     * The results of a round of a poll, by join code and poll id as the API names them.
     *
     * @param roundParam the round as given (digits), or null for the current one
     * @throws ApiProblem 404 unknown talk, poll or round; 400 a round that is not a whole number
     */
    public PollResults results(String code, String pollId, String roundParam) {
        Poll poll = polls.require(talks.require(code), pollId);
        if (roundParam != null && !roundParam.matches("\\d{1,6}")) {
            throw ApiProblem.badRequest("invalid-round", "round must be a whole number from 1");
        }
        Integer round = roundParam == null ? null : Integer.valueOf(roundParam);
        if (round != null && (round < 1 || round > poll.round)) {
            throw ApiProblem.notFound("round", "Poll '" + pollId + "' has rounds 1 to " + poll.round + ", not " + round);
        }
        return results(poll, round == null ? poll.round : round);
    }

    /**
     * Results of the poll's current round. Reads the poll (and so its version) before the counts, so a snapshot never
     * carries a version newer than its data; a later snapshot of the same data may carry the same or a newer version.
     */
    public PollResults results(long pollId) {
        Poll poll = Poll.findById(pollId);
        return results(poll, poll.round);
    }

    /** Results of every active poll of the talk, current rounds, in slide order. */
    public List<PollResults> resultsOfTalk(Talk talk) {
        return resultsOf(Poll.listActiveByTalk(talk));
    }

    /**
     * Results of the current rounds of these polls, in the given order, in a fixed number of statements however many
     * polls: their options in one query, and per type its counts ({@link PollType#countsByOption(List)}) and the
     * details of the polls whose results show ({@link PollType#details(List, Map)}) in a few; the voters of all polls
     * in two. Only a comparison with an earlier round (a poll's {@code compare} setting) is read poll by poll.
     */
    public List<PollResults> resultsOf(List<Poll> polls) {
        Map<Long, List<PollOption>> options = PollOption.listActiveByPolls(polls).stream()
                .collect(java.util.stream.Collectors.groupingBy(o -> o.poll.id));
        Map<Long, Map<Long, Long>> counts = new java.util.HashMap<>();
        Map<Long, Object> details = new java.util.HashMap<>();
        polls.stream().collect(java.util.stream.Collectors.groupingBy(p -> p.type)).forEach((name, ofType) -> {
            PollType type = types.get(name);
            if (type.countsPerOption()) {
                counts.putAll(type.countsByOption(ofType));
            }
            List<Poll> shown = ofType.stream().filter(p -> visible(p, p.round, type)).toList();
            if (!shown.isEmpty()) {
                details.putAll(type.details(shown, options));
            }
        });
        Map<Long, Long> voters = KeptVotes.voters(PollType.rounds(polls.stream()
                .filter(p -> !types.get(p.type).oneOptionPerVote()).toList()));
        return polls.stream().map(p -> results(p, p.round, new Read(options.getOrDefault(p.id, List.of()),
                counts.getOrDefault(p.id, Map.of()), voters.get(p.id), details.get(p.id)))).toList();
    }

    /**
     * What {@link #results(Poll, int, Read)} needs of a round, read beforehand for many polls at once.
     *
     * @param voters null for a type whose total is the sum of its counts
     * @param details null when the round's results do not show
     */
    private record Read(List<PollOption> options, Map<Long, Long> counts, Long voters, Object details) {
    }

    /**
     * Results of a round of a poll.
     *
     * @param round from 1 to the poll's current round
     */
    public PollResults results(Poll poll, int round) {
        return results(poll, round, null);
    }

    /** Whether a round's results show: a quiz's open round tells only how many answered, else as the poll says. */
    private static boolean visible(Poll poll, int round, PollType type) {
        boolean sealed = round == poll.round && poll.status == PollStatus.OPEN && type.hidesResultsWhileOpen();
        return !sealed && (round < poll.round || poll.resultsVisible());
    }

    /** As {@link #results(Poll, int)}, with what it needs already read ({@code read}), or null to read it here. */
    private PollResults results(Poll poll, int round, Read read) {
        long version = poll.version;
        PollType type = types.get(poll.type);
        boolean visible = visible(poll, round, type);
        Map<Long, Long> counts = read != null ? read.counts() : type.countsByOption(poll, round);
        List<PollOption> options = read != null ? read.options() : PollOption.listActiveByPoll(poll);
        // Votes on options removed from the deck stay stored (for exports) but count in no bar, so not in the total.
        long total = type.oneOptionPerVote() ? options.stream().mapToLong(o -> counts.getOrDefault(o.id, 0L)).sum()
                : read != null ? read.voters() : KeptVotes.voters(poll.id, round);
        List<PollResults.OptionCount> rows = !type.countsPerOption() ? List.of()
                : options.stream().map(o -> {
                    long count = counts.getOrDefault(o.id, 0L);
                    return visible ? new PollResults.OptionCount(o.id, o.text, count, percent(count, total))
                            : new PollResults.OptionCount(o.id, o.text, null, null);
                }).toList();
        Long remaining = poll.closesAt == null || round != poll.round || poll.status != PollStatus.OPEN ? null
                : Math.max(0, Duration.between(clock.now(), poll.closesAt).toMillis());
        Object details = !visible ? null : read != null ? read.details() : type.details(poll, round, options);
        // Only beside a round whose results show: an earlier round of an open quiz or of hidden results would give
        // away what the current one keeps back.
        PollResults compare = visible && round == poll.round && poll.compareRound != null && poll.compareRound < round
                ? results(poll, poll.compareRound, new Read(options, type.countsByOption(poll, poll.compareRound),
                        type.oneOptionPerVote() ? null : KeptVotes.voters(poll.id, poll.compareRound),
                        type.details(poll, poll.compareRound, options)))
                : null;
        return new PollResults("results", poll.key, poll.question, poll.status.name(), round, poll.round, version,
                visible, remaining, total, rows, poll.type, details, compare, poll.phoneResults);
    }

    /**
     * Each participant's own result of the poll's closed current round, by participant id, as its type gives it
     * ({@link PollType#participantResults}); null for types without one or while the poll is not closed.
     */
    public LongFunction<Object> participantResults(long pollId) {
        Poll poll = Poll.findById(pollId);
        return poll == null ? null : types.get(poll.type).participantResults(poll);
    }

    /**
     * Votes per option id in one round, hidden or not: the stored votes plus the counts kept for votes the retention
     * job has deleted ({@link KeptVotes#votesByOption}).
     */
    public Map<Long, Long> counts(long pollId, int round) {
        return KeptVotes.votesByOption(pollId, round);
    }

    /** Whole percent, rounded half up; 0 of 0 is 0. */
    public static int percent(long count, long total) {
        return total == 0 ? 0 : (int) ((count * 200 + total) / (total * 2));
    }
}
