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
        return optionCounts(roundByPoll, "select r.poll_id, r.option_id, count(*) from vote r where {rounds}"
                + " group by r.poll_id, r.option_id");
    }

    /** multiple: {@link #ticksByOption(long, int)} of many polls at once (see {@link #voters(Map)}). */
    public static Map<Long, Map<Long, Long>> ticksByOption(Map<Long, Integer> roundByPoll) {
        return optionCounts(roundByPoll, "select r.poll_id, c.option_id, count(*) from vote_choice c"
                + " join vote r on r.id = c.vote_id where {rounds} group by r.poll_id, c.option_id");
    }

    /** Counts per option id by poll id: rows {@code [pollId, optionId, count]} of {@code stored} plus the kept ones. */
    private static Map<Long, Map<Long, Long>> optionCounts(Map<Long, Integer> roundByPoll, String stored) {
        Map<Long, Map<Long, Long>> counts = perPoll(roundByPoll);
        inRounds(roundByPoll, stored, "select r.poll_id, r.option_id, r.votes from vote_tally r where {rounds}")
                .forEach(r -> counts.get(id(r[0])).merge(r[1] == null ? null : id(r[1]), id(r[2]), Long::sum));
        return counts;
    }

    /** multiple: participants who ticked each option id in a round. */
    public static Map<Long, Long> ticksByOption(long pollId, int round) {
        return withKeptOptions(VoteChoice.countByOption(pollId, round), pollId, round);
    }

    /** Participants who answered the round (one vote each). */
    public static long voters(long pollId, int round) {
        return voters(Map.of(pollId, round)).get(pollId);
    }

    /**
     * Participants who answered, of many polls at once, each in the round given for it, by poll id (every poll has an
     * entry). Two statements per {@link #POLLS_PER_QUERY} polls.
     */
    public static Map<Long, Long> voters(Map<Long, Integer> roundByPoll) {
        Map<Long, Long> voters = new HashMap<>();
        roundByPoll.keySet().forEach(id -> voters.put(id, 0L));
        inRounds(roundByPoll, "select r.poll_id, count(*) from vote r where {rounds} group by r.poll_id",
                "select r.poll_id, count(*) from pruned_vote r where {rounds} group by r.poll_id")
                .forEach(r -> voters.merge(id(r[0]), id(r[1]), Long::sum));
        return voters;
    }

    /** scale, slider: votes per value in a round. */
    public static Map<Integer, Long> byValue(long pollId, int round) {
        return byValue(Map.of(pollId, round)).get(pollId);
    }

    /** scale, slider: {@link #byValue(long, int)} of many polls at once (see {@link #voters(Map)}). */
    public static Map<Long, Map<Integer, Long>> byValue(Map<Long, Integer> roundByPoll) {
        Map<Long, Map<Integer, Long>> counts = perPoll(roundByPoll);
        inRounds(roundByPoll, "select r.poll_id, r.num_value, count(*) from vote r where {rounds}"
                + " and r.num_value is not null group by r.poll_id, r.num_value",
                "select r.poll_id, r.num_value, r.votes from value_tally r where {rounds}")
                .forEach(r -> counts.get(id(r[0])).merge(((Number) r[1]).intValue(), id(r[2]), Long::sum));
        return counts;
    }

    /** ranking: per option id, votes per 0-based place in a round. */
    public static Map<Long, Map<Integer, Long>> places(long pollId, int round) {
        return places(Map.of(pollId, round)).get(pollId);
    }

    /** ranking: {@link #places(long, int)} of many polls at once (see {@link #voters(Map)}). */
    public static Map<Long, Map<Long, Map<Integer, Long>>> places(Map<Long, Integer> roundByPoll) {
        Map<Long, Map<Long, Map<Integer, Long>>> places = perPoll(roundByPoll);
        inRounds(roundByPoll, "select r.poll_id, c.option_id, c.position, count(*) from vote_choice c"
                + " join vote r on r.id = c.vote_id where {rounds} group by r.poll_id, c.option_id, c.position",
                "select r.poll_id, r.option_id, r.position, r.votes from place_tally r where {rounds}")
                .forEach(r -> places.get(id(r[0])).computeIfAbsent(id(r[1]), k -> new HashMap<>())
                        .merge(((Number) r[2]).intValue(), id(r[3]), Long::sum));
        return places;
    }

    /**
     * wordcloud: the shown entries of a round by merge key and spelling; a spelling both kept and stored is one, with
     * the counts added and the first id of the two.
     */
    public static List<CloudWords.Spelling> shownSpellings(long pollId, int round) {
        return shownSpellings(Map.of(pollId, round)).get(pollId);
    }

    /** wordcloud: {@link #shownSpellings(long, int)} of many polls at once (see {@link #voters(Map)}). */
    public static Map<Long, List<CloudWords.Spelling>> shownSpellings(Map<Long, Integer> roundByPoll) {
        Map<Long, Map<List<String>, CloudWords.Spelling>> spellings = new HashMap<>();
        roundByPoll.keySet().forEach(id -> spellings.put(id, new LinkedHashMap<>()));
        inRounds(roundByPoll, "select r.poll_id, r.merge_key, r.text, r.entries, r.first_id from word_tally r"
                + " where {rounds} order by r.id", "select r.poll_id, t.merge_key, t.text, count(*), min(t.id)"
                + " from vote_text t join vote r on r.id = t.vote_id where {rounds} and t.status = 'shown'"
                + " group by r.poll_id, t.merge_key, t.text").forEach(r -> {
                    var s = new CloudWords.Spelling((String) r[1], (String) r[2], id(r[3]), id(r[4]));
                    spellings.get(id(r[0])).merge(List.of(s.key(), s.text()), s, (a, b) -> new CloudWords.Spelling(
                            a.key(), a.text(), a.count() + b.count(), Math.min(a.firstId(), b.firstId())));
                });
        Map<Long, List<CloudWords.Spelling>> lists = new HashMap<>();
        spellings.forEach((id, bySpelling) -> lists.put(id, List.copyOf(bySpelling.values())));
        return lists;
    }

    /**
     * open: the shown entries of many polls, each in the round given for it, oldest first, by poll id (see
     * {@link #voters(Map)}); as {@link #list(long, int, String)} with status {@code shown}.
     */
    public static Map<Long, List<Text>> shownTexts(Map<Long, Integer> roundByPoll) {
        Map<Long, List<Text>> texts = new HashMap<>();
        roundByPoll.keySet().forEach(id -> texts.put(id, new ArrayList<>()));
        inRounds(roundByPoll, "select r.poll_id, r.id, null, r.position, r.text, r.created_at from kept_text r"
                + " where {rounds}", "select r.poll_id, t.id, r.participant_id, t.position, t.text, t.created_at"
                + " from vote_text t join vote r on r.id = t.vote_id where {rounds} and t.status = 'shown'")
                .forEach(r -> texts.get(id(r[0])).add(new Text(id(r[1]), r[2] == null ? null : id(r[2]),
                        ((Number) r[3]).intValue(), (String) r[4], VoteText.SHOWN, instant(r[5]))));
        texts.values().forEach(l -> l.sort(Comparator.comparingLong(Text::id)));
        return texts;
    }

    /** An empty map per poll of {@code roundByPoll}, by poll id. */
    private static <K, V> Map<Long, Map<K, V>> perPoll(Map<Long, Integer> roundByPoll) {
        Map<Long, Map<K, V>> maps = new HashMap<>();
        roundByPoll.keySet().forEach(id -> maps.put(id, new HashMap<>()));
        return maps;
    }

    /**
     * The rows of native queries over many polls' rounds, each query run once per {@link #POLLS_PER_QUERY} polls: in
     * each, {@code {rounds}} stands for "the row's {@code r.poll_id} and {@code r.round} are one of the wanted pairs".
     */
    private static List<Object[]> inRounds(Map<Long, Integer> roundByPoll, String... queries) {
        List<Object[]> all = new ArrayList<>();
        List<Long> ids = List.copyOf(roundByPoll.keySet());
        for (int from = 0; from < ids.size(); from += POLLS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + POLLS_PER_QUERY));
            StringBuilder rounds = new StringBuilder("(");
            Object[] parameters = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                rounds.append(i == 0 ? "" : " or ").append("r.poll_id = ?").append(2 * i + 1).append(" and r.round = ?")
                        .append(2 * i + 2);
                parameters[2 * i] = chunk.get(i);
                parameters[2 * i + 1] = roundByPoll.get(chunk.get(i));
            }
            rounds.append(')');
            for (String query : queries) {
                all.addAll(rows(query.replace("{rounds}", rounds), parameters));
            }
        }
        return all;
    }

    private static long id(Object number) {
        return ((Number) number).longValue();
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
