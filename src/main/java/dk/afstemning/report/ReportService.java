package dk.afstemning.report;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dk.afstemning.participant.Participant;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.report.Reports.OptionKey;
import dk.afstemning.report.Reports.OptionStat;
import dk.afstemning.report.Reports.PairTest;
import dk.afstemning.report.Reports.PollReport;
import dk.afstemning.report.Reports.QuestionExport;
import dk.afstemning.report.Reports.QuestionReport;
import dk.afstemning.report.Reports.QuestionSummary;
import dk.afstemning.report.Reports.RoundStat;
import dk.afstemning.report.Reports.TalkAnswers;
import dk.afstemning.report.Reports.TalkExport;
import dk.afstemning.report.Reports.TalkReport;
import dk.afstemning.report.Reports.VoteRow;
import dk.afstemning.stats.Comparisons;
import dk.afstemning.stats.Proportions;
import dk.afstemning.stats.SmallSample;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;

/**
 * Organiser reports from stored votes: a talk's polls with every round, and the same question (poll id) across talks.
 * Counts come from GROUP BY queries; results are shown whatever the poll's results mode, since organisers see
 * everything. Statistics use only options still in the deck, as the presenter screen does; raw votes include all.
 */
@ApplicationScoped
@Transactional
public class ReportService {

    @Inject
    EntityManager em;

    @Inject
    Pseudonyms pseudonyms;

    /** @throws ApiProblem 404 when there is no talk {@code talkId} */
    public Talk requireTalk(long talkId) {
        Talk talk = Talk.findById(talkId);
        if (talk == null) {
            throw ApiProblem.notFound("talk", "There is no talk " + talkId);
        }
        return talk;
    }

    /** The report of a talk: every active poll with every round. */
    public TalkReport talk(long talkId) {
        Talk talk = requireTalk(talkId);
        Map<Long, Map<Integer, Map<Long, Long>>> counts = countsOfTalk(talk);
        List<PollReport> polls = Poll.listActiveByTalk(talk).stream().map(poll -> {
            List<PollOption> options = PollOption.listActiveByPoll(poll);
            Map<Integer, Map<Long, Long>> byRound = counts.getOrDefault(poll.id, Map.of());
            List<RoundStat> rounds = new ArrayList<>();
            for (int r = 1; r <= poll.round; r++) {
                rounds.add(roundStat(r, options, byRound.getOrDefault(r, Map.of())));
            }
            return new PollReport(poll.key, poll.type, poll.question, poll.status.name(), rounds);
        }).toList();
        return new TalkReport(talk.id, talk.title, talk.speaker, talk.venue, talk.date, talk.joinCode,
                Participant.count("talk", talk), polls);
    }

    /** A talk's report and every stored vote of it, by poll, round and time. */
    public TalkExport talkExport(long talkId) {
        TalkReport report = talk(talkId);
        List<Vote> votes = em.createQuery("select v from Vote v join fetch v.option join fetch v.poll p "
                + "where p.talk.id = ?1 order by p.slidePosition, p.id, v.round, v.castAt, v.id", Vote.class)
                .setParameter(1, talkId).getResultList();
        return new TalkExport(report, votes.stream().map(this::row).toList());
    }

    /** Every poll id of an active poll, with the number of talks that have it, by poll id. */
    public List<QuestionSummary> questions() {
        Map<String, List<Poll>> byKey = new java.util.TreeMap<>();
        for (Poll poll : Poll.<Poll>list("archived = false order by talk.id")) {
            byKey.computeIfAbsent(poll.key, k -> new ArrayList<>()).add(poll);
        }
        Map<Long, Map<Integer, Long>> totals = new HashMap<>();
        for (Object[] row : em.createQuery("select v.poll.id, v.round, count(v) from Vote v "
                + "where v.option.archived = false group by v.poll.id, v.round", Object[].class).getResultList()) {
            totals.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((Integer) row[1], (Long) row[2]);
        }
        return byKey.entrySet().stream().map(e -> {
            List<Poll> polls = e.getValue();
            long votes = polls.stream().mapToLong(p -> {
                Map<Integer, Long> t = totals.getOrDefault(p.id, Map.of());
                return t.getOrDefault(comparedRound(p, t.keySet()), 0L);
            }).sum();
            return new QuestionSummary(e.getKey(), polls.get(polls.size() - 1).question,
                    polls.stream().map(p -> p.talk.id).distinct().count(), votes);
        }).toList();
    }

    /**
     * The same question across talks: each talk's latest round with votes, the pooled total, a chi-square test of
     * homogeneity across the talks with votes, and pairwise two-proportion tests when there are exactly two options.
     *
     * @throws ApiProblem 404 when no active poll has this id
     */
    public QuestionReport question(String pollKey) {
        List<Poll> polls = pollsOf(pollKey);
        Map<String, OptionKey> options = new LinkedHashMap<>();
        List<TalkAnswers> talks = new ArrayList<>();
        for (Poll poll : polls) {
            for (PollOption o : PollOption.listActiveByPoll(poll)) {
                options.put(o.key, new OptionKey(o.key, o.text)); // later talks win, polls are oldest first
            }
        }
        for (Poll poll : polls) {
            Map<Integer, Map<Long, Long>> byRound = countsOfTalk(poll.talk).getOrDefault(poll.id, Map.of());
            int round = comparedRound(poll, byRound.keySet());
            Map<String, Long> byKey = new HashMap<>();
            Map<Long, Long> counts = byRound.getOrDefault(round, Map.of());
            for (PollOption o : PollOption.listActiveByPoll(poll)) {
                byKey.put(o.key, counts.getOrDefault(o.id, 0L));
            }
            talks.add(new TalkAnswers(poll.talk.id, poll.talk.title, poll.talk.date, poll.talk.venue, round,
                    keyedStat(round, options.values(), byKey)));
        }
        Map<String, Long> pooled = new HashMap<>();
        talks.forEach(t -> t.stat().options().forEach(o -> pooled.merge(o.optionId(), o.count(), Long::sum)));
        long[][] table = talks.stream().map(t -> t.stat().options().stream().mapToLong(OptionStat::count).toArray())
                .toArray(long[][]::new);
        List<PairTest> pairs = new ArrayList<>();
        if (options.size() == 2) {
            for (int a = 0; a < talks.size(); a++) {
                for (int b = a + 1; b < talks.size(); b++) {
                    RoundStat sa = talks.get(a).stat();
                    RoundStat sb = talks.get(b).stat();
                    pairs.add(new PairTest(talks.get(a).talkId(), talks.get(b).talkId(),
                            sa.options().get(0).optionId(), Comparisons.twoProportions(sa.options().get(0).count(),
                                    sa.n(), sb.options().get(0).count(), sb.n())));
                }
            }
        }
        return new QuestionReport(pollKey, polls.get(polls.size() - 1).question, List.copyOf(options.values()), talks,
                keyedStat(0, options.values(), pooled), Comparisons.chiSquare(table), pairs);
    }

    /** The comparison and every vote of the compared rounds, by talk and time. */
    public QuestionExport questionExport(String pollKey) {
        QuestionReport report = question(pollKey);
        List<VoteRow> rows = new ArrayList<>();
        for (TalkAnswers t : report.talks()) {
            em.createQuery("select v from Vote v join fetch v.option join fetch v.poll p where p.talk.id = ?1 "
                    + "and p.key = ?2 and p.archived = false and v.round = ?3 order by v.castAt, v.id", Vote.class)
                    .setParameter(1, t.talkId()).setParameter(2, pollKey).setParameter(3, t.round())
                    .getResultList().forEach(v -> rows.add(row(v)));
        }
        return new QuestionExport(report, rows);
    }

    private List<Poll> pollsOf(String pollKey) {
        List<Poll> polls = Poll.list("key = ?1 and archived = false", pollKey);
        if (polls.isEmpty()) {
            throw ApiProblem.notFound("question", "No talk has a poll with id '" + pollKey + "'");
        }
        return polls.stream().sorted(Comparator.comparing((Poll p) -> p.talk.date,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(p -> p.talk.id)).toList();
    }

    /** The latest round with votes, or the current round when no round has any. */
    private static int comparedRound(Poll poll, java.util.Set<Integer> roundsWithVotes) {
        return roundsWithVotes.stream().max(Integer::compare).orElse(poll.round);
    }

    /** Counts per poll id, round and option id, of votes on options still in the deck. */
    private Map<Long, Map<Integer, Map<Long, Long>>> countsOfTalk(Talk talk) {
        Map<Long, Map<Integer, Map<Long, Long>>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("select v.poll.id, v.round, v.option.id, count(v) from Vote v "
                + "where v.poll.talk.id = ?1 and v.option.archived = false group by v.poll.id, v.round, v.option.id",
                Object[].class).setParameter(1, talk.id).getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new HashMap<>())
                    .computeIfAbsent((Integer) row[1], k -> new HashMap<>()).put((Long) row[2], (Long) row[3]);
        }
        return counts;
    }

    private static RoundStat roundStat(int round, List<PollOption> options, Map<Long, Long> counts) {
        long n = options.stream().mapToLong(o -> counts.getOrDefault(o.id, 0L)).sum();
        return new RoundStat(round, n, SmallSample.warnN(n), options.stream()
                .map(o -> optionStat(o.key, o.position, o.text, counts.getOrDefault(o.id, 0L), n)).toList());
    }

    private static RoundStat keyedStat(int round, java.util.Collection<OptionKey> options, Map<String, Long> counts) {
        long n = options.stream().mapToLong(o -> counts.getOrDefault(o.optionId(), 0L)).sum();
        List<OptionStat> stats = new ArrayList<>();
        int position = 1;
        for (OptionKey o : options) {
            stats.add(optionStat(o.optionId(), position++, o.text(), counts.getOrDefault(o.optionId(), 0L), n));
        }
        return new RoundStat(round, n, SmallSample.warnN(n), stats);
    }

    private static OptionStat optionStat(String key, int position, String text, long count, long n) {
        return new OptionStat(key, position, text, count, Proportions.share(count, n), Proportions.wilson95(count, n));
    }

    private VoteRow row(Vote v) {
        return new VoteRow(v.poll.talk.id, v.poll.talk.title, v.poll.key, v.poll.question, v.round,
                pseudonyms.of(v.poll.talk.id, v.participant.id), v.option.key, v.option.position, v.option.text,
                v.option.archived, v.castAt.atOffset(ZoneOffset.UTC));
    }
}
