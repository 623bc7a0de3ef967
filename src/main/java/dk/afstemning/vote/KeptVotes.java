package dk.afstemning.vote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;

import dk.afstemning.text.CloudWords;

/**
 * What every results reader counts from: the raw votes still stored plus the aggregates the retention job kept for
 * the votes it deleted (tables {@code vote_tally}, {@code value_tally}, {@code place_tally}, {@code word_tally},
 * {@code text_tally}, {@code kept_text}, {@code pruned_vote}; migration V7). So results, reports and exports are the
 * same before and after pruning. Static finders in the caller's transaction; each is one or two GROUP BY queries.
 */
public final class KeptVotes {

    private KeptVotes() {
    }

    /**
     * An open-text or word-cloud entry.
     *
     * @param id the entry's id (a kept answer keeps the id it had as a raw entry)
     * @param participantId its author, or null once its vote was pruned
     * @param position 0-based place among its author's entries in the round
     * @param status {@code shown}, {@code waiting} or {@code hidden} (kept answers are all shown)
     */
    public record Text(long id, Long participantId, int position, String text, String status, Instant createdAt) {
    }

    /** choice, quiz: votes per option id in a round. */
    public static Map<Long, Long> votesByOption(long pollId, int round) {
        return withKeptOptions(Vote.countByOption(pollId, round), pollId, round);
    }

    /** Polls read per statement by the batched readers: bounds the {@code in} list of one query. */
    static final int POLLS_PER_QUERY = 500;

    /**
     * choice, quiz: votes per option id of many polls at once, each in the round given for it, by poll id (every poll
     * of {@code roundByPoll} has an entry). Two statements per {@link #POLLS_PER_QUERY} polls, however many polls.
     */
    public static Map<Long, Map<Long, Long>> votesByOption(Map<Long, Integer> roundByPoll) {
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        roundByPoll.keySet().forEach(id -> counts.put(id, new HashMap<>()));
        List<Long> ids = List.copyOf(roundByPoll.keySet());
        for (int from = 0; from < ids.size(); from += POLLS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + POLLS_PER_QUERY));
            addInRound(counts, roundByPoll, Vote.countByOptionOfPolls(chunk));
            StringBuilder in = new StringBuilder();
            for (int i = 1; i <= chunk.size(); i++) {
                in.append(i == 1 ? "?" : ", ?").append(i);
            }
            addInRound(counts, roundByPoll, rows("select poll_id, round, option_id, votes from vote_tally where poll_id"
                    + " in (" + in + ")", chunk.toArray()));
        }
        return counts;
    }

    /** Adds rows {@code [pollId, round, optionId, count]} of the wanted round of each poll to its counts. */
    private static void addInRound(Map<Long, Map<Long, Long>> counts, Map<Long, Integer> roundByPoll,
            List<Object[]> rows) {
        for (Object[] r : rows) {
            long pollId = ((Number) r[0]).longValue();
            if (((Number) r[1]).intValue() == roundByPoll.get(pollId)) {
                Long optionId = r[2] == null ? null : ((Number) r[2]).longValue();
                counts.get(pollId).merge(optionId, ((Number) r[3]).longValue(), Long::sum);
            }
        }
    }

    /** multiple: participants who ticked each option id in a round. */
    public static Map<Long, Long> ticksByOption(long pollId, int round) {
        return withKeptOptions(VoteChoice.countByOption(pollId, round), pollId, round);
    }

    /** Participants who answered the round (one vote each). */
    public static long voters(long pollId, int round) {
        return Vote.countInRound(pollId, round) + number("select count(*) from pruned_vote where poll_id = ?1"
                + " and round = ?2", pollId, round);
    }

    /** scale, slider: votes per value in a round. */
    public static Map<Integer, Long> byValue(long pollId, int round) {
        Map<Integer, Long> counts = new HashMap<>();
        Vote.countByValue(pollId, round).forEach(r -> counts.put((Integer) r[0], (Long) r[1]));
        rows("select num_value, votes from value_tally where poll_id = ?1 and round = ?2", pollId, round)
                .forEach(r -> counts.merge(((Number) r[0]).intValue(), ((Number) r[1]).longValue(), Long::sum));
        return counts;
    }

    /** ranking: per option id, votes per 0-based place in a round. */
    public static Map<Long, Map<Integer, Long>> places(long pollId, int round) {
        Map<Long, Map<Integer, Long>> places = new HashMap<>();
        List<Object[]> all = new ArrayList<>(VoteChoice.countByOptionAndPosition(pollId, round));
        all.addAll(rows("select option_id, position, votes from place_tally where poll_id = ?1 and round = ?2",
                pollId, round));
        for (Object[] r : all) {
            places.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
                    .merge(((Number) r[1]).intValue(), ((Number) r[2]).longValue(), Long::sum);
        }
        return places;
    }

    /**
     * wordcloud: the shown entries of a round by merge key and spelling; a spelling both kept and stored is one, with
     * the counts added and the first id of the two.
     */
    public static List<CloudWords.Spelling> shownSpellings(long pollId, int round) {
        Map<List<String>, CloudWords.Spelling> spellings = new LinkedHashMap<>();
        List<Object[]> all = new ArrayList<>(rows("select merge_key, text, entries, first_id from word_tally"
                + " where poll_id = ?1 and round = ?2 order by id", pollId, round));
        all.addAll(VoteText.countShownBySpelling(pollId, round));
        for (Object[] r : all) {
            var s = new CloudWords.Spelling((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue());
            spellings.merge(List.of(s.key(), s.text()), s, (a, b) -> new CloudWords.Spelling(a.key(), a.text(),
                    a.count() + b.count(), Math.min(a.firstId(), b.firstId())));
        }
        return List.copyOf(spellings.values());
    }

    /** wordcloud, open: the entries of a round with {@code status} ({@code waiting} or {@code hidden}). */
    public static long texts(long pollId, int round, String status) {
        return VoteText.countInRound(pollId, round, status) + number("select coalesce(sum(entries), 0) from text_tally"
                + " where poll_id = ?1 and round = ?2 and status = ?3", pollId, round, status);
    }

    /**
     * open: the entries of a round, oldest first: with {@code status} null every stored one and every kept (shown)
     * one, else only those with that status.
     */
    public static List<Text> list(long pollId, int round, String status) {
        List<Text> texts = new ArrayList<>();
        if (status == null || VoteText.SHOWN.equals(status)) {
            rows("select id, position, text, created_at from kept_text where poll_id = ?1 and round = ?2", pollId,
                    round).forEach(r -> texts.add(new Text(((Number) r[0]).longValue(), null,
                            ((Number) r[1]).intValue(), (String) r[2], VoteText.SHOWN, instant(r[3]))));
        }
        VoteText.listInRound(pollId, round, status).forEach(t -> texts.add(new Text(t.id, t.vote.participant.id,
                t.position, t.text, t.status, t.createdAt)));
        texts.sort(Comparator.comparingLong(Text::id));
        return texts;
    }

    /** Votes of a poll over every round, stored and pruned. */
    public static long votesOfPoll(long pollId) {
        return Vote.count("poll.id", pollId) + number("select count(*) from pruned_vote where poll_id = ?1", pollId);
    }

    /** The rounds of a poll that have votes, stored or pruned. */
    public static Set<Integer> roundsWithVotes(long pollId) {
        Set<Integer> rounds = new HashSet<>();
        rows("select distinct round from vote where poll_id = ?1 union select distinct round from pruned_vote"
                + " where poll_id = ?1", pollId).forEach(r -> rounds.add(((Number) r[0]).intValue()));
        return rounds;
    }

    /** When each vote of a poll (every round, stored and pruned) was cast. */
    public static List<Instant> castTimes(long pollId) {
        return rows("select cast_at from vote where poll_id = ?1 union all select cast_at from pruned_vote"
                + " where poll_id = ?1", pollId).stream().map(r -> instant(r[0])).toList();
    }

    /** Distinct participants who answered a poll of the talk ({@code talk = true}) or the poll, in any round. */
    public static long distinctVoters(long id, boolean talk) {
        String where = " join poll p on p.id = x.poll_id where " + (talk ? "p.talk_id" : "p.id") + " = ?1";
        return number("select count(distinct participant_id) from (select x.participant_id from vote x" + where
                + " union all select x.participant_id from pruned_vote x" + where + ") a", id);
    }

    private static Map<Long, Long> withKeptOptions(List<Object[]> stored, long pollId, int round) {
        Map<Long, Long> counts = new HashMap<>();
        stored.forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        rows("select option_id, votes from vote_tally where poll_id = ?1 and round = ?2", pollId, round)
                .forEach(r -> counts.merge(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Long::sum));
        return counts;
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    private static long number(String sql, Object... parameters) {
        var query = em().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, Object... parameters) {
        var query = em().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] a ? a : new Object[] { row });
        }
        return rows;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
