package dk.afstemning.qa;

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

import dk.afstemning.participant.Participant;
import dk.afstemning.talk.Talk;

/**
 * A participant's question in a talk's Q&A, with its text exactly as typed (trimmed) and an optional nickname. Seen by
 * everyone once {@link #approved} and not {@link #hidden}; always seen by its author and the presenter.
 */
@Entity
@Table(name = "question")
public class Question extends PanacheEntityBase {

    /** The order the presenter sees: most upvotes first, then the earliest asked. */
    static final String ORDER = "order by upvotes desc, askedAt, id";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "talk_id")
    public Talk talk;

    @ManyToOne(optional = false)
    @JoinColumn(name = "participant_id")
    public Participant participant;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    /** Null when asked anonymously. */
    public String nickname;

    @Column(nullable = false)
    public String text;

    /** False while pre-moderation holds it back. */
    public boolean approved;

    public boolean answered;

    /** Hidden by the presenter: seen only by the presenter (and, as hidden, by its author). */
    public boolean hidden;

    /** Number of {@link QuestionUpvote}s, kept in the same transaction as they are stored. */
    public int upvotes;

    @Column(name = "asked_at", nullable = false)
    public Instant askedAt;

    /** Every question of the talk in presenter order. */
    static List<Question> listByTalk(Talk talk) {
        return list("talk = ?1 " + ORDER, talk);
    }

    /** The questions everyone sees (approved, not hidden), in presenter order. */
    static List<Question> listPublic(Talk talk) {
        return list("talk = ?1 and approved = true and hidden = false " + ORDER, talk);
    }

    /** The participant's own questions, in presenter order. */
    static List<Question> listByAuthor(Participant participant) {
        return list("participant = ?1 " + ORDER, participant);
    }

    static Optional<Question> findByRequest(Participant participant, String requestId) {
        return find("participant = ?1 and requestId = ?2", participant, requestId).firstResultOptional();
    }

    static Optional<Question> findInTalk(Talk talk, long id) {
        return find("talk = ?1 and id = ?2", talk, id).firstResultOptional();
    }
}
