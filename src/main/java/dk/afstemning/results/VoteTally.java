package dk.afstemning.results;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Table {@code vote_tally}: votes per poll, round and option whose raw rows the retention job deleted. Results add
 * these counts to the stored votes, so pruning raw votes changes no result. Runs inside the caller's transaction.
 */
public final class VoteTally {

    /**
     * Votes older than the cut-off and not in a poll's open current round: the ones a {@code choice} poll may lose
     * (see {@link #PRUNED_TYPE}).
     */
    private static final String OLD = "from vote v join poll p on p.id = v.poll_id where v.cast_at < ?1"
            + " and not (p.status = 'OPEN' and v.round = p.round)";

    /**
     * The only poll type whose raw votes are pruned: its results are exactly the counts per option kept here. Other
     * types keep their raw votes, because their results need more than counts per option: a multiple choice counts
     * voters as well as ticks, scales and sliders need every value (mean, interval, median), a ranking every place,
     * and a quiz's leaderboard every participant's points. Polls without a type are choice polls.
     */
    public static final String PRUNED_TYPE = "choice";

    private static final String PRUNABLE = OLD + " and coalesce(p.type, 'choice') = '" + PRUNED_TYPE + "'";

    private VoteTally() {
    }

    /** Raw votes older than {@code cutoff} that are kept because their poll's type is not {@link #PRUNED_TYPE}. */
    public static long countKept(Instant cutoff) {
        return ((Number) Panache.getEntityManager().createNativeQuery("select count(*) " + OLD
                + " and coalesce(p.type, 'choice') <> '" + PRUNED_TYPE + "'").setParameter(1, cutoff)
                .getSingleResult()).longValue();
    }

    /** Kept counts of one round: option id to votes. */
    public static Map<Long, Long> countByOption(long pollId, int round) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select option_id, votes from vote_tally where poll_id = ?1 and round = ?2")
                .setParameter(1, pollId).setParameter(2, round).getResultList();
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    /**
     * Moves the raw votes of {@link #PRUNED_TYPE} polls cast before {@code cutoff} into the kept counts and deletes
     * them, together with the vote receipts received before it. Votes of a poll's open current round are kept, so a
     * participant can still change a vote there without being counted twice; votes of other types are kept too.
     *
     * @return the number of raw votes deleted
     */
    public static int prune(Instant cutoff) {
        var em = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> groups = em.createNativeQuery("select v.poll_id, v.round, v.option_id, count(*) " + PRUNABLE
                + " group by v.poll_id, v.round, v.option_id").setParameter(1, cutoff).getResultList();
        for (Object[] g : groups) {
            int updated = em.createNativeQuery("update vote_tally set votes = votes + ?4"
                    + " where poll_id = ?1 and round = ?2 and option_id = ?3").setParameter(1, g[0])
                    .setParameter(2, g[1]).setParameter(3, g[2]).setParameter(4, g[3]).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("insert into vote_tally (poll_id, round, option_id, votes) values (?1, ?2, ?3, ?4)")
                        .setParameter(1, g[0]).setParameter(2, g[1]).setParameter(3, g[2]).setParameter(4, g[3])
                        .executeUpdate();
            }
        }
        int deleted = em.createNativeQuery("delete from vote where id in (select v.id " + PRUNABLE + ")")
                .setParameter(1, cutoff).executeUpdate();
        em.createNativeQuery("delete from vote_receipt where received_at < ?1 and id not in (select r.id"
                + " from vote_receipt r join poll p on p.id = r.poll_id where p.status = 'OPEN' and r.round = p.round)")
                .setParameter(1, cutoff).executeUpdate();
        return deleted;
    }
}
