package dk.afstemning.poll;

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

/** An option of a poll, keyed by its deck id or by its text (see {@code PollBlockParser#derivedKey}). */
@Entity
@Table(name = "poll_option")
public class PollOption extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "poll_id")
    public Poll poll;

    @Column(name = "option_key", nullable = false)
    public String key;

    /** 1-based position in the poll. */
    public int position;

    public String text;

    public boolean archived;

    /** A right answer of a {@code quiz} poll (from the deck's {@code correct}); false for other types. */
    public boolean correct;

    public static List<PollOption> listByPoll(Poll poll) {
        return list("poll = ?1 order by position, id", poll);
    }

    public static List<PollOption> listActiveByPoll(Poll poll) {
        return list("poll = ?1 and archived = false order by position, id", poll);
    }

    /** The active options of several polls in one query, in poll and then option order. */
    public static List<PollOption> listActiveByPolls(java.util.Collection<Poll> polls) {
        if (polls.isEmpty()) {
            return List.of();
        }
        return list("poll in ?1 and archived = false order by poll.id, position, id", polls);
    }

    public static Optional<PollOption> findActive(long pollId, long optionId) {
        return find("id = ?1 and poll.id = ?2 and archived = false", optionId, pollId).firstResultOptional();
    }
}
