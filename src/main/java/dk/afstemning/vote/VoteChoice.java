package dk.afstemning.vote;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.poll.PollOption;

/**
 * One option within a vote that holds several: the chosen options of a {@code multiple} poll, or one place of a
 * {@code ranking} ({@link #position} 0 is the first place). Unique per (vote, option).
 */
@Entity
@Table(name = "vote_choice")
public class VoteChoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "vote_id")
    public Vote vote;

    @ManyToOne(optional = false)
    @JoinColumn(name = "option_id")
    public PollOption option;

    /** 0-based place in the answer. */
    public int position;

    /** The vote's options in answer order. */
    public static List<VoteChoice> listByVote(Vote vote) {
        return list("vote = ?1 order by position", vote);
    }

    /** Replaces the vote's options with {@code optionIds}, in that order. */
    public static void replace(Vote vote, List<PollOption> options) {
        delete("vote", vote);
        getEntityManager().flush();
        int position = 0;
        for (PollOption option : options) {
            VoteChoice choice = new VoteChoice();
            choice.vote = vote;
            choice.option = option;
            choice.position = position++;
            choice.persist();
        }
    }

    /** Selections per option id in one round: rows of {@code [Long optionId, Long count]}. */
    public static List<Object[]> countByOption(long pollId, int round) {
        return getEntityManager().createQuery("select c.option.id, count(c) from VoteChoice c "
                + "where c.vote.poll.id = ?1 and c.vote.round = ?2 group by c.option.id", Object[].class)
                .setParameter(1, pollId).setParameter(2, round).getResultList();
    }

    /** Places per option in one round: rows of {@code [Long optionId, Integer position, Long count]}. */
    public static List<Object[]> countByOptionAndPosition(long pollId, int round) {
        return getEntityManager().createQuery("select c.option.id, c.position, count(c) from VoteChoice c "
                + "where c.vote.poll.id = ?1 and c.vote.round = ?2 group by c.option.id, c.position", Object[].class)
                .setParameter(1, pollId).setParameter(2, round).getResultList();
    }
}
