package dk.afstemning.organiser;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import dk.afstemning.participant.Participant;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.Talk;
import dk.afstemning.vote.Vote;

/** What the organiser dashboard and a talk's results page show, read from stored votes and the kept counts. */
@ApplicationScoped
@Transactional
public class TalkReports {

    /** Width of a vote timeline bucket, in seconds. */
    public static final int BUCKET_SECONDS = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    @Inject
    ResultsService results;

    @Inject
    ObjectMapper json;

    /** A talk on the dashboard. */
    public record TalkRow(long id, String title, String speaker, LocalDate date, String venue, String joinCode,
            long participants, List<PollVotes> polls) {
    }

    /** @param pollId the deck id of the poll @param votes votes over every round */
    public record PollVotes(String pollId, long votes) {
    }

    /** One option's count in each round, rounds side by side. */
    public record OptionRow(String text, List<Long> counts, List<Integer> percents) {
    }

    /** A timeline bucket: the start of a {@value #BUCKET_SECONDS} s window and the votes cast in it. */
    public record Bucket(String start, long votes) {
    }

    /**
     * A poll's results over all its rounds.
     *
     * @param chart JSON for the chart: {@code {"labels":[…],"rounds":[[…],…],"timeline":{"labels":[…],"votes":[…]}}}
     * @param voters distinct participants who voted in any round (raw votes still stored)
     */
    public record PollReport(String pollId, String question, String status, List<Integer> rounds,
            List<Long> totals, List<OptionRow> options, long voters, List<Bucket> timeline, String chart) {
    }

    /** A talk's results page. @param voters distinct participants with a stored vote in any poll */
    public record TalkReport(Talk talk, long participants, long voters, int responsePercent, List<PollReport> polls) {
    }

    /**
     * Every talk, newest date first, filtered.
     *
     * @param query text found (ignoring case) in the title, speaker or join code; null or blank: all
     * @param from first date included, or null
     * @param to last date included, or null
     */
    public List<TalkRow> talks(String query, LocalDate from, LocalDate to) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        Map<Long, Long> participants = countBy("select p.talk.id, count(p) from Participant p group by p.talk.id");
        Map<Long, Long> votes = countBy("select v.poll.id, count(v) from Vote v group by v.poll.id");
        List<TalkRow> rows = new ArrayList<>();
        for (Talk t : Talk.<Talk>listAll(Sort.descending("date").and("id", Sort.Direction.Descending))) {
            boolean matches = needle.isEmpty() || contains(t.title, needle) || contains(t.speaker, needle)
                    || contains(t.joinCode, needle);
            boolean inRange = (from == null || t.date != null && !t.date.isBefore(from))
                    && (to == null || t.date != null && !t.date.isAfter(to));
            if (matches && inRange) {
                List<PollVotes> polls = Poll.listActiveByTalk(t).stream()
                        .map(p -> new PollVotes(p.key, votes.getOrDefault(p.id, 0L) + tallied(p))).toList();
                rows.add(new TalkRow(t.id, t.title, t.speaker, t.date, t.venue, t.joinCode,
                        participants.getOrDefault(t.id, 0L), polls));
            }
        }
        return rows;
    }

    /** The talk's results page, or null for an unknown talk. */
    public TalkReport report(long talkId) {
        Talk talk = Talk.findById(talkId);
        if (talk == null) {
            return null;
        }
        long participants = Participant.count("talk", talk);
        long voters = distinctVoters("v.poll.talk = ?1", talk);
        int rate = participants == 0 ? 0 : ResultsService.percent(voters, participants);
        List<PollReport> polls = Poll.listActiveByTalk(talk).stream().map(this::poll).toList();
        return new TalkReport(talk, participants, voters, rate, polls);
    }

    private PollReport poll(Poll poll) {
        List<PollOption> options = PollOption.listActiveByPoll(poll);
        List<Integer> rounds = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        List<Map<Long, Long>> countsPerRound = new ArrayList<>();
        for (int round = 1; round <= Math.max(1, poll.round); round++) {
            Map<Long, Long> counts = results.counts(poll.id, round);
            rounds.add(round);
            countsPerRound.add(counts);
            totals.add(options.stream().mapToLong(o -> counts.getOrDefault(o.id, 0L)).sum());
        }
        List<OptionRow> rows = new ArrayList<>();
        for (PollOption o : options) {
            List<Long> counts = new ArrayList<>();
            List<Integer> percents = new ArrayList<>();
            for (int i = 0; i < rounds.size(); i++) {
                long count = countsPerRound.get(i).getOrDefault(o.id, 0L);
                counts.add(count);
                percents.add(ResultsService.percent(count, totals.get(i)));
            }
            rows.add(new OptionRow(o.text, counts, percents));
        }
        long voters = distinctVoters("v.poll = ?1", poll);
        List<Bucket> timeline = timeline(poll);
        Map<String, Object> chart = Map.of("labels", options.stream().map(o -> o.text).toList(),
                "rounds", rows.isEmpty() ? List.of() : rounds.stream().map(r -> rows.stream()
                        .map(row -> row.counts().get(r - 1)).toList()).toList(),
                "timeline", Map.of("labels", timeline.stream().map(Bucket::start).toList(),
                        "votes", timeline.stream().map(Bucket::votes).toList()));
        try {
            return new PollReport(poll.key, poll.question, poll.status.name(), rounds, totals, rows, voters,
                    timeline, json.writeValueAsString(chart));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stored votes per {@value #BUCKET_SECONDS} s window of {@code cast_at}, over every round; empty windows left out. */
    private static List<Bucket> timeline(Poll poll) {
        List<Instant> cast = Vote.getEntityManager()
                .createQuery("select v.castAt from Vote v where v.poll = ?1", Instant.class).setParameter(1, poll)
                .getResultList();
        TreeMap<Long, Long> buckets = new TreeMap<>();
        cast.forEach(at -> buckets.merge(Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS, 1L,
                Long::sum));
        ZoneId zone = ZoneId.systemDefault();
        return buckets.entrySet().stream()
                .map(e -> new Bucket(CLOCK.format(Instant.ofEpochSecond(e.getKey()).atZone(zone)), e.getValue()))
                .toList();
    }

    /** Participants with at least one stored vote matching {@code where} (one parameter). */
    private static long distinctVoters(String where, Object parameter) {
        return Vote.getEntityManager().createQuery("select count(distinct v.participant.id) from Vote v where " + where,
                Long.class).setParameter(1, parameter).getSingleResult();
    }

    private static long tallied(Poll poll) {
        Number n = (Number) Poll.getEntityManager()
                .createNativeQuery("select coalesce(sum(votes), 0) from vote_tally where poll_id = ?1")
                .setParameter(1, poll.id).getSingleResult();
        return n.longValue();
    }

    private static Map<Long, Long> countBy(String jpql) {
        Map<Long, Long> counts = new HashMap<>();
        Talk.getEntityManager().createQuery(jpql, Object[].class).getResultList()
                .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    private static boolean contains(String text, String needle) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(needle);
    }
}
