package dk.afstemning.qa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One participant's upvote of one question; unique per (question, participant) and per (participant, request id) in
 * the database, so a second upvote or a resend never counts twice.
 */
@Entity
@Table(name = "question_upvote")
public class QuestionUpvote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "question_id", nullable = false)
    public long questionId;

    @Column(name = "participant_id", nullable = false)
    public long participantId;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "cast_at", nullable = false)
    public Instant castAt;

    static Optional<QuestionUpvote> findByRequest(long participantId, String requestId) {
        return find("participantId = ?1 and requestId = ?2", participantId, requestId).firstResultOptional();
    }

    static Optional<QuestionUpvote> find(long questionId, long participantId) {
        return find("questionId = ?1 and participantId = ?2", questionId, participantId).firstResultOptional();
    }

    /** Ids of the questions of talk {@code talkId} this participant upvoted. */
    static List<Long> questionIdsOf(long participantId) {
        return getEntityManager().createQuery(
                "select u.questionId from QuestionUpvote u where u.participantId = ?1 order by u.questionId", Long.class)
                .setParameter(1, participantId).getResultList();
    }
}
