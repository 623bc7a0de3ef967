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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.participant.Participant;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;

/**
 * A participant's current answer in one round of a poll. The table's unique key (poll, round, participant) makes
 * "one vote per participant per poll" a database rule; changing a vote updates the row. What the row holds depends on
 * the poll type ({@code polltype.PollType}): an option, a number, or {@link VoteChoice} child rows.
 */
@Entity
public class Vote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "poll_id")
    public Poll poll;

    public int round;

    @ManyToOne(optional = false)
    @JoinColumn(name = "participant_id")
    public Participant participant;

    /** The chosen option of a choice or quiz poll; null for other types. */
    @ManyToOne
    @JoinColumn(name = "option_id")
    public PollOption option;

    /** The number of a scale or slider answer; null for other types. */
    @Column(name = "num_value")
    public Integer numValue;

    /** Quiz points, fixed when the answer is stored (see {@code QuizType}); null for other types. */
    public Integer points;

    /** The client's id of the request that set this choice. */
    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;

    public static Optional<Vote> findCurrent(Poll poll, int round, Participant participant) {
        return find("poll = ?1 and round = ?2 and participant = ?3", poll, round, participant).firstResultOptional();
    }

    /**
     * The votes of these participants (ids) in one round of a poll: at most one each. The query asks by participant
     * only and the poll and round are checked here: H2 then looks each id up in the participant_id index instead of
     * comparing every vote of the round with the whole list (V8's comment).
     */
    public static List<Vote> listCurrent(long pollId, int round, java.util.Collection<Long> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        return Vote.<Vote>list("participant.id in ?1", participantIds).stream()
                .filter(v -> v.poll.id == pollId && v.round == round).toList();
    }

    /**
     * A participant's votes in the current rounds of several polls, in one query: at most one per poll. The rounds are
     * checked here, as each poll has its own.
     */
    public static List<Vote> listCurrent(Participant participant, java.util.Collection<Poll> polls) {
        if (polls.isEmpty()) {
            return List.of();
        }
        return Vote.<Vote>list("participant = ?1 and poll in ?2", participant, polls).stream()
                .filter(v -> v.round == v.poll.round).toList();
    }

    public static List<Vote> listByParticipant(Participant participant) {
        return list("participant", participant);
    }

    /** Votes per number (scale, slider) in one round: rows of {@code [Integer value, Long count]}. */
    public static List<Object[]> countByValue(long pollId, int round) {
        return getEntityManager().createQuery(
                "select v.numValue, count(v) from Vote v where v.poll.id = ?1 and v.round = ?2 and v.numValue is not null "
                        + "group by v.numValue", Object[].class)
                .setParameter(1, pollId).setParameter(2, round).getResultList();
    }

    /** Number of votes in one round. */
    public static long countInRound(long pollId, int round) {
        return count("poll.id = ?1 and round = ?2", pollId, round);
    }

    /** Counts per option id in one round: rows of {@code [Long optionId, Long count]}. */
    public static List<Object[]> countByOption(long pollId, int round) {
        return getEntityManager().createQuery(
                "select v.option.id, count(v) from Vote v where v.poll.id = ?1 and v.round = ?2 group by v.option.id",
                Object[].class).setParameter(1, pollId).setParameter(2, round).getResultList();
    }
}
