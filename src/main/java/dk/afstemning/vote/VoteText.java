package dk.afstemning.vote;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One free-text entry of a vote: a word-cloud entry or an open-text answer ({@link #position} 0 is the first). The
 * text is kept exactly as sent (trimmed); {@link #mergeKey} is its {@code TextNormalizer} key. Unique per (vote,
 * position).
 */
@Entity
@Table(name = "vote_text")
public class VoteText extends PanacheEntityBase {

    /** Counted in the word cloud, or on the screen (open text). */
    public static final String SHOWN = "shown";
    /** An open answer waiting for the presenter's approval. */
    public static final String WAITING = "waiting";
    /** Stored but never shown publicly: caught by the profanity filter, or hidden by the presenter. */
    public static final String HIDDEN = "hidden";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "vote_id")
    public Vote vote;

    public int position;

    public String text;

    @Column(name = "merge_key", nullable = false)
    public String mergeKey;

    /** {@link #SHOWN}, {@link #WAITING} or {@link #HIDDEN}. */
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The vote's entries in answer order. */
    public static List<VoteText> listByVote(Vote vote) {
        return list("vote = ?1 order by position", vote);
    }

    /** Deletes the vote's entries (before a word-cloud answer replaces them). */
    public static void deleteByVote(Vote vote) {
        delete("vote", vote);
        getEntityManager().flush();
    }

    /** Adds one entry after the vote's existing ones. */
    public static VoteText add(Vote vote, int position, String text, String mergeKey, String status) {
        VoteText entry = new VoteText();
        entry.vote = vote;
        entry.position = position;
        entry.text = text;
        entry.mergeKey = mergeKey;
        entry.status = status;
        entry.createdAt = Instant.now();
        entry.persist();
        return entry;
    }

    /**
     * Shown entries of one round grouped by merge key and spelling: rows of
     * {@code [String mergeKey, String text, Long count, Long firstId]}.
     */
    public static List<Object[]> countShownBySpelling(long pollId, int round) {
        return getEntityManager().createQuery("select t.mergeKey, t.text, count(t), min(t.id) from VoteText t "
                + "where t.vote.poll.id = ?1 and t.vote.round = ?2 and t.status = ?3 group by t.mergeKey, t.text",
                Object[].class).setParameter(1, pollId).setParameter(2, round).setParameter(3, SHOWN).getResultList();
    }

    /** Every entry of one round, oldest first; with {@code status} only those with that status. */
    public static List<VoteText> listInRound(long pollId, int round, String status) {
        return status == null ? list("vote.poll.id = ?1 and vote.round = ?2 order by id", pollId, round)
                : list("vote.poll.id = ?1 and vote.round = ?2 and status = ?3 order by id", pollId, round, status);
    }

    /** The entries of one round with status {@code status}. */
    public static long countInRound(long pollId, int round, String status) {
        return count("vote.poll.id = ?1 and vote.round = ?2 and status = ?3", pollId, round, status);
    }

    /** One entry of a poll by id. */
    public static Optional<VoteText> findInPoll(long pollId, long id) {
        return find("id = ?1 and vote.poll.id = ?2", id, pollId).firstResultOptional();
    }
}
