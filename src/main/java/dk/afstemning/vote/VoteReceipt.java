package dk.afstemning.vote;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The stored answer to an accepted vote request, unique per (participant, request id): a resend of the same request
 * (double tap, retry, reconnect) is answered from here and never applied twice.
 */
@Entity
@Table(name = "vote_receipt")
public class VoteReceipt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "participant_id", nullable = false)
    public long participantId;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(name = "poll_id", nullable = false)
    public long pollId;

    @Column(name = "option_id", nullable = false)
    public long optionId;

    public int round;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static Optional<VoteReceipt> findByRequest(long participantId, String requestId) {
        return find("participantId = ?1 and requestId = ?2", participantId, requestId).firstResultOptional();
    }
}
