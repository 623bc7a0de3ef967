package dk.afstemning.vote;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /** The chosen option of a single-option answer, else null. */
    @Column(name = "option_id")
    public Long optionId;

    /** The stored answer as JSON ({@link Answer}); null on receipts written before poll types existed. */
    @Column(name = "answer")
    public String answer;

    public int round;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer this receipt acknowledged. */
    public Answer answer() {
        if (answer == null) {
            return optionId == null ? null : Answer.option(optionId);
        }
        try {
            Stored stored = JSON.readValue(answer, Stored.class);
            return Answer.of(stored.optionId(), stored.optionIds(), stored.value(), stored.texts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored answer of receipt " + id, e);
        }
    }

    /** The stored JSON's fields; exactly one is set. */
    record Stored(Long optionId, List<Long> optionIds, Integer value, List<String> texts) {
    }

    public static String json(Answer answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Inserts new receipts with one JDBC batch in the caller's transaction. The vote writer stores a receipt per vote;
     * one prepared statement for the whole batch costs a fraction of one ORM insert each (README "Performance").
     * The receipts stay unmanaged: nothing reads their ids.
     */
    public static void insertAll(List<VoteReceipt> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into vote_receipt"
                    + " (participant_id, request_id, poll_id, option_id, answer, round, received_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")) {
                for (VoteReceipt r : receipts) {
                    insert.setLong(1, r.participantId);
                    insert.setString(2, r.requestId);
                    insert.setLong(3, r.pollId);
                    insert.setObject(4, r.optionId, Types.BIGINT);
                    insert.setString(5, r.answer);
                    insert.setInt(6, r.round);
                    insert.setObject(7, OffsetDateTime.ofInstant(r.receivedAt, ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public static Optional<VoteReceipt> findByRequest(long participantId, String requestId) {
        return find("participantId = ?1 and requestId = ?2", participantId, requestId).firstResultOptional();
    }
}
