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
import dk.afstemning.participant.Pseudonyms;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.polltype.ReportItems.OptionKey;
import dk.afstemning.polltype.ReportItems.OptionStat;
import dk.afstemning.polltype.ReportItems.RoundStat;
import dk.afstemning.polltype.RoundCounts;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.reaction.ReactionStore;
import dk.afstemning.report.Reports.PairTest;
import dk.afstemning.report.Reports.PollReport;
import dk.afstemning.report.Reports.QuestionExport;
import dk.afstemning.report.Reports.QuestionReport;
import dk.afstemning.report.Reports.QuestionSummary;
import dk.afstemning.report.Reports.TalkAnswers;
import dk.afstemning.report.Reports.TalkExport;
import dk.afstemning.report.Reports.TalkReport;
import dk.afstemning.report.Reports.VoteRow;
import dk.afstemning.stats.Comparisons;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.KeptVotes;
import dk.afstemning.vote.Vote;
import dk.afstemning.vote.VoteRows;

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

    @Inject
    PollTypes types;

    @Inject
    ReactionStore reactions;

    /** @throws ApiProblem 404 when there is no talk {@code talkId} */
    public Talk requireTalk(long talkId) {
        Talk talk = Talk.findById(talkId);
        if (talk == null) {
            throw ApiProblem.notFound("talk", "There is no talk " + talkId);
        }
        return talk;
    }

    /** The report of a talk: every active poll with every round, each reported by its type ({@link PollTypes}). */
    public TalkReport talk(long talkId) {
        Talk talk = requireTalk(talkId);
        List<PollReport> polls = Poll.listActiveByTalk(talk).stream().map(poll -> {
            PollType type = types.get(poll.type);
            List<OptionKey> options = optionKeys(poll);
            List<RoundStat> rounds = new ArrayList<>();
            for (int r = 1; r <= poll.round; r++) {
                rounds.add(type.stat(poll, r, type.counts(poll, r), options));
            }
            return new PollReport(poll.key, poll.type, poll.question, poll.status.name(), rounds);
        }).toList();
        return new TalkReport(talk.id, talk.title, talk.speaker, talk.venue, talk.date, talk.joinCode,
                Participant.count("talk", talk), polls);
    }

    /** A talk's report and every stored vote of it, by poll, round and time. */
    public TalkExport talkExport(long talkId) {
        TalkReport report = talk(talkId);
        List<Vote> votes = em.createQuery("select v from Vote v join fetch v.poll p join fetch v.participant left join fetch v.option "
                + "where p.talk.id = ?1 order by p.slidePosition, p.id, v.round, v.castAt, v.id", Vote.class)
                .setParameter(1, talkId).getResultList();
        VoteRows children = VoteRows.of(votes);
        return new TalkExport(report, votes.stream().map(v -> row(v, children)).toList(), qa(talkId),
                reactions.byTalk(talkId));
    }

    /** A talk's Q&amp;A questions, oldest first, with the asker as the talk's pseudonym. */
    public List<Reports.QaRow> qa(long talkId) {
        // Read by entity name: the report layer sits below Q&A and does not depend on its classes.
        List<Object[]> rows = em.createQuery("select q.talk.id, q.talk.title, q.id, q.text, q.nickname, q.participant.id,"
                + " q.upvotes, q.hidden, q.approved, q.answered, q.askedAt from Question q where q.talk.id = ?1"
                + " order by q.askedAt, q.id", Object[].class).setParameter(1, talkId).getResultList();
        return rows.stream().map(r -> new Reports.QaRow((Long) r[0], (String) r[1], (Long) r[2], (String) r[3],
                (String) r[4], pseudonyms.of((Long) r[0], (Long) r[5]), ((Number) r[6]).intValue(),
                (Boolean) r[7] ? "hidden" : (Boolean) r[8] ? "shown" : "waiting", (Boolean) r[9],
                (java.time.Instant) r[10])).toList();
    }

    /** A talk's reactions per slide, in slide order, slides without any left out ({@link ReactionStore#byTalk}). */
    public List<ReactionStore.SlideReactions> reactions(long talkId) {
        return reactions.byTalk(requireTalk(talkId).id);
    }

    /**
     * Every poll id of an active poll, with the number of talks that have it and the answers in the rounds the
     * comparison takes by default (each talk's main round, {@link #mainRound}), by poll id.
     */
    public List<QuestionSummary> questions() {
        Map<String, List<Poll>> byKey = new java.util.TreeMap<>();
        for (Poll poll : Poll.<Poll>list("archived = false order by talk.id")) {
            byKey.computeIfAbsent(poll.key, k -> new ArrayList<>()).add(poll);
        }
        return byKey.entrySet().stream().map(e -> {
            List<Poll> polls = e.getValue();
            long votes = polls.stream().mapToLong(p -> mainRound(types.get(p.type), p).counts().n()).sum();
            return new QuestionSummary(e.getKey(), polls.get(polls.size() - 1).question,
                    polls.stream().map(p -> p.talk.id).distinct().count(), votes);
        }).toList();
    }

    /**
     * The same question across talks: each talk's main round (the one with the most answers), reported by the type of the most recent
     * talk's poll, the pooled total (the counts added up, then the statistics), a chi-square test of homogeneity
     * across the talks with votes when every vote falls into one item ({@link PollType#oneItemPerVote()}), and
     * pairwise two-proportion tests when such a question has exactly two items.
     *
     * @throws ApiProblem 404 when no active poll has this id
     */
    public QuestionReport question(String pollKey) {
        return question(pollKey, Map.of());
    }

    /**
     * As {@link #question(String)}, with the round of some talks chosen: {@code chosen} maps a talk's id to the round
     * to compare; the other talks are compared at the round with the most participants who answered.
     *
     * @throws ApiProblem 404 when no active poll has this id; 400 {@code invalid-round} for a talk that has no such
     *         poll or a round it does not have
     */
    public QuestionReport question(String pollKey, Map<Long, Integer> chosen) {
        List<Poll> polls = pollsOf(pollKey);
        for (Map.Entry<Long, Integer> c : chosen.entrySet()) {
            Poll poll = polls.stream().filter(p -> p.talk.id.equals(c.getKey())).findFirst().orElse(null);
            if (poll == null || c.getValue() < 1 || c.getValue() > poll.round) {
                throw ApiProblem.badRequest("invalid-round", "Talk " + c.getKey() + " has no round " + c.getValue()
                        + " of poll '" + pollKey + "'");
            }
        }
        Poll latest = polls.get(polls.size() - 1);
        PollType type = types.get(latest.type);
        Map<String, OptionKey> union = new LinkedHashMap<>();
        for (Poll poll : polls) {
            optionKeys(poll).forEach(o -> union.put(o.optionId(), o)); // later talks win, polls are oldest first
        }
        List<OptionKey> options = List.copyOf(union.values());
        Map<Poll, Integer> rounds = new LinkedHashMap<>();
        java.util.Set<Long> picked = new java.util.HashSet<>();
        Map<Poll, RoundCounts> counts = new HashMap<>();
        RoundCounts pooled = RoundCounts.NONE;
        for (Poll poll : polls) {
            // A choice equal to the main round is no choice (the page's form sends every talk's select): only a
            // talk whose round was changed says "chosen".
            RoundAnswers main = mainRound(type, poll);
            Integer choice = chosen.get(poll.talk.id);
            RoundAnswers compared = choice != null && choice != main.round()
                    ? new RoundAnswers(choice, type.counts(poll, choice)) : main;
            if (compared != main) {
                picked.add(poll.talk.id);
            }
            rounds.put(poll, compared.round());
            counts.put(poll, compared.counts());
            pooled = pooled.plus(counts.get(poll));
        }
        if (options.isEmpty()) {
            // A type without deck options (a word cloud): its items are the pooled ones, so every talk lines up.
            options = type.stat(latest, 0, pooled, options).options().stream()
                    .map(o -> new OptionKey(o.optionId(), o.text(), null)).toList();
        }
        List<TalkAnswers> talks = new ArrayList<>();
        for (Poll poll : polls) {
            talks.add(new TalkAnswers(poll.talk.id, poll.talk.title, poll.talk.date, poll.talk.venue,
                    rounds.get(poll), type.stat(latest, rounds.get(poll), counts.get(poll), options), poll.round,
                    picked.contains(poll.talk.id)));
        }
        List<PairTest> pairs = new ArrayList<>();
        Comparisons.ChiSquare chi = null;
        if (type.oneItemPerVote()) {
            chi = Comparisons.chiSquare(talks.stream().map(t -> t.stat().options().stream()
                    .mapToLong(OptionStat::count).toArray()).toArray(long[][]::new));
            if (talks.size() > 1 && talks.get(0).stat().options().size() == 2) {
                for (int a = 0; a < talks.size(); a++) {
                    for (int b = a + 1; b < talks.size(); b++) {
                        RoundStat sa = talks.get(a).stat();
                        RoundStat sb = talks.get(b).stat();
                        pairs.add(new PairTest(talks.get(a).talkId(), talks.get(b).talkId(),
                                sa.options().get(0).optionId(), Comparisons.twoProportions(
                                        sa.options().get(0).count(), sa.n(), sb.options().get(0).count(), sb.n())));
                    }
                }
            }
        }
        return new QuestionReport(pollKey, latest.type, latest.question, options, talks,
                type.stat(latest, 0, pooled, options), chi, pairs);
    }

    /** The comparison and every vote of the compared rounds, by talk and time. */
    public QuestionExport questionExport(String pollKey) {
        return questionExport(pollKey, Map.of());
    }

    /** As {@link #questionExport(String)}, with the round of some talks chosen ({@link #question(String, Map)}). */
    public QuestionExport questionExport(String pollKey, Map<Long, Integer> chosen) {
        QuestionReport report = question(pollKey, chosen);
        List<Vote> votes = new ArrayList<>();
        for (TalkAnswers t : report.talks()) {
            votes.addAll(em.createQuery("select v from Vote v join fetch v.poll p join fetch v.participant left join fetch v.option "
                    + "where p.talk.id = ?1 and p.key = ?2 and p.archived = false and v.round = ?3 "
                    + "order by v.castAt, v.id", Vote.class)
                    .setParameter(1, t.talkId()).setParameter(2, pollKey).setParameter(3, t.round())
                    .getResultList());
        }
        VoteRows children = VoteRows.of(votes);
        return new QuestionExport(report, votes.stream().map(v -> row(v, children)).toList());
    }

    private List<Poll> pollsOf(String pollKey) {
        List<Poll> polls = Poll.list("key = ?1 and archived = false", pollKey);
        if (polls.isEmpty()) {
            throw ApiProblem.notFound("question", "No talk has a poll with id '" + pollKey + "'");
        }
        return polls.stream().sorted(Comparator.comparing((Poll p) -> p.talk.date,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(p -> p.talk.id)).toList();
    }

    /**
     * The round a talk is compared at unless the organiser chooses: the one with the most participants who answered
     * (a talk's main run, not a short test round after it), the latest of equals; the current round when none has
     * votes.
     */
    private static RoundAnswers mainRound(PollType type, Poll poll) {
        RoundAnswers best = null;
        for (int r : KeptVotes.roundsWithVotes(poll.id)) {
            RoundCounts counts = type.counts(poll, r);
            long n = counts.n();
            if (best == null || n > best.counts().n() || n == best.counts().n() && r > best.round()) {
                best = new RoundAnswers(r, counts);
            }
        }
        return best != null && best.counts().n() > 0 ? best : new RoundAnswers(poll.round, type.counts(poll, poll.round));
    }

    /** A round of a poll with its counts, read once. */
    private record RoundAnswers(int round, RoundCounts counts) {
    }

    private List<OptionKey> optionKeys(Poll poll) {
        boolean quiz = types.get(poll.type).marksCorrect();
        return PollOption.listActiveByPoll(poll).stream()
                .map(o -> new OptionKey(o.key, o.text, quiz ? o.correct : null)).toList();
    }

    /** A vote as an export row; its options or texts come from {@code children}, read for all votes at once. */
    private VoteRow row(Vote v, VoteRows children) {
        return new VoteRow(v.poll.talk.id, v.poll.talk.title, v.poll.key, v.poll.type, v.poll.question, v.round,
                pseudonyms.of(v.poll.talk.id, v.participant.id), types.get(v.poll.type).answer(v, children),
                v.castAt.atOffset(ZoneOffset.UTC));
    }
}
