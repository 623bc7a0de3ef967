package dk.afstemning.retention;

import java.time.Instant;

import jakarta.persistence.EntityManager;

import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.polltype.Pruning;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * Moves old raw votes of every poll type into the kept aggregates (migration V7 and {@code vote_tally}) and deletes
 * them; {@link dk.afstemning.vote.KeptVotes} reads the aggregates back for results. Runs inside the caller's
 * transaction, as a fixed number of set-based statements (no vote is read into memory), holding the row locks of the
 * polls concerned until the caller commits.
 */
final class VotePruning {

    /**
     * The votes to prune: cast before the cut-off ({@code ?1}) and not in their poll's open current round, where a
     * participant may still change (or, open text, add to) the vote, which needs the raw row.
     */
    private static final String OLD = "(select v.id, v.poll_id, v.round, v.participant_id, v.option_id, v.num_value,"
            + " v.points, v.cast_at, p.type from vote v join poll p on p.id = v.poll_id"
            + " where v.cast_at < ?1 and not (p.status = 'OPEN' and v.round = p.round)) o";

    private VotePruning() {
    }

    /**
     * Adds the old votes to the aggregates of their poll and round, then deletes them (their choices and texts go
     * with them) and the vote receipts received before the cut-off outside open current rounds.
     *
     * @return the number of raw votes deleted
     */
    static int prune(Instant cutoff, PollTypes types) {
        EntityManager em = Panache.getEntityManager();
        // Lock the polls with old votes (as the vote writer and the presenter's controls do), so that none of them
        // opens, closes or starts a round between the statements below: each must see the same votes.
        em.createNativeQuery("select id from poll where id in (select distinct poll_id from vote where cast_at < ?1)"
                + " for update").setParameter(1, cutoff).getResultList();
        // choice, quiz: votes per option.
        add(em, cutoff, null, "vote_tally", "select o.poll_id, o.round, o.option_id, count(*) as n from " + OLD
                + " where o.option_id is not null group by o.poll_id, o.round, o.option_id", "option_id");
        add(em, cutoff, null, "value_tally", "select o.poll_id, o.round, o.num_value, count(*) as n from " + OLD
                + " where o.num_value is not null group by o.poll_id, o.round, o.num_value", "num_value");
        add(em, cutoff, null, "text_tally", "select o.poll_id, o.round, t.status, count(*) as n from " + OLD
                + " join vote_text t on t.vote_id = o.id where t.status <> 'shown'"
                + " group by o.poll_id, o.round, t.status", "status");
        // What only some types need: ticks (multiple), places (ranking), words (word cloud), shown answers (open).
        for (PollType type : types.all()) {
            type.keep(new TypePruning(em, cutoff, type.name()));
        }
        em.createNativeQuery("insert into pruned_vote (poll_id, round, participant_id, cast_at, points)"
                + " select o.poll_id, o.round, o.participant_id, o.cast_at, o.points from " + OLD)
                .setParameter(1, cutoff).executeUpdate();
        int deleted = em.createNativeQuery("delete from vote where id in (select o.id from " + OLD + ")")
                .setParameter(1, cutoff).executeUpdate();
        em.createNativeQuery("delete from vote_receipt where received_at < ?1 and id not in (select r.id"
                + " from vote_receipt r join poll p on p.id = r.poll_id where p.status = 'OPEN' and r.round = p.round)")
                .setParameter(1, cutoff).executeUpdate();
        return deleted;
    }

    /** One type's statements over the old votes, {@code ?1} the cut-off and {@code ?2} the type's name. */
    private record TypePruning(EntityManager em, Instant cutoff, String type) implements Pruning {

        @Override
        public String old() {
            return OLD;
        }

        @Override
        public void add(String table, String source, String... keys) {
            VotePruning.add(em, cutoff, type, table, source, keys);
        }

        @Override
        public void run(String statement) {
            var query = em.createNativeQuery(statement).setParameter(1, cutoff);
            if (statement.contains("?2")) {
                query.setParameter(2, type);
            }
            query.executeUpdate();
        }
    }

    /**
     * Adds the counts {@code n} of {@code source} (columns poll_id, round, the {@code keys}, n) to the column
     * {@code votes} or {@code entries} of {@code table}, keyed by poll, round and {@code keys}; {@code ?2} in
     * {@code source}, if any, is {@code type}.
     */
    private static void add(EntityManager em, Instant cutoff, String type, String table, String source,
            String... keys) {
        String count = table.equals("text_tally") ? "entries" : "votes";
        StringBuilder on = new StringBuilder("k.poll_id = s.poll_id and k.round = s.round");
        StringBuilder columns = new StringBuilder("poll_id, round");
        StringBuilder values = new StringBuilder("s.poll_id, s.round");
        for (String key : keys) {
            on.append(" and k.").append(key).append(" = s.").append(key);
            columns.append(", ").append(key);
            values.append(", s.").append(key);
        }
        var query = em.createNativeQuery("merge into " + table + " k using (" + source + ") s on (" + on + ")"
                + " when matched then update set " + count + " = k." + count + " + s.n"
                + " when not matched then insert (" + columns + ", " + count + ") values (" + values + ", s.n)")
                .setParameter(1, cutoff);
        if (source.contains("?2")) {
            query.setParameter(2, type);
        }
        query.executeUpdate();
    }
}
