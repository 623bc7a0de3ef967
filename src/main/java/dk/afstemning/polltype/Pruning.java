package dk.afstemning.polltype;

/**
 * What the retention job offers a type to keep the aggregates only it needs of old raw votes before it deletes them
 * ({@link PollType#keep}). Statements run in the job's transaction, set-based (no vote is read into memory).
 */
public interface Pruning {

    /**
     * The old votes as a subquery aliased {@code o}, with the columns {@code id, poll_id, round, participant_id,
     * option_id, num_value, points, cast_at, type}. A statement using it binds the cut-off as {@code ?1}; {@code ?2},
     * when a statement has it, is the type's name (so: {@code where o.type = ?2}).
     */
    String old();

    /**
     * Adds the counts {@code n} of {@code source} (columns poll_id, round, the {@code keys}, n) to the column
     * {@code votes} (or, for {@code text_tally}, {@code entries}) of {@code table}, keyed by poll, round and keys.
     */
    void add(String table, String source, String... keys);

    /** Runs one statement over {@link #old()}. */
    void run(String statement);
}
