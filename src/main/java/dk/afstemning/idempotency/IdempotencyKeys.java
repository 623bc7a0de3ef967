package dk.afstemning.idempotency;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * The stored answers of requests made with an {@code Idempotency-Key} (table {@code idempotency_record}, migration
 * V5). A request first claims its (scope, key) with a pending row; the insert's primary key decides between two
 * copies sent at once. When the request is answered, the answer is stored, and every later copy gets it replayed.
 * Rows live for {@link #KEEP} and are then removed; a pending row older than {@link #ABANDONED} (its server died
 * before answering) may be claimed again.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** How long an answer is replayed. */
    static final Duration KEEP = Duration.ofHours(24);
    /** A claim not answered within this time is taken to be lost. */
    static final Duration ABANDONED = Duration.ofSeconds(30);

    private final AtomicLong lastPurge = new AtomicLong();

    @Inject
    EntityManager em;

    /**
     * A stored answer.
     *
     * @param status HTTP status
     * @param mediaType its content type, or null
     * @param body the body as sent, or null
     */
    public record Answer(int status, String mediaType, String body) {
    }

    /** What a copy of a request finds: nothing yet (it claimed the key), a copy in progress, or the answer. */
    public sealed interface Found permits Claimed, InProgress, Answered {
    }

    /** This request claimed the key and runs. */
    public record Claimed() implements Found {
    }

    /** Another copy runs now. */
    public record InProgress() implements Found {
    }

    /** @param answer the answer of the first copy */
    public record Answered(Answer answer) implements Found {
    }

    /**
     * Claims {@code key} in {@code scope}, or finds what an earlier copy left.
     *
     * @param talkCode the join code of the talk the request is about, or null; deleting that talk deletes the answer
     */
    public Found claim(String scope, String key, String talkCode) {
        purgeNow();
        // A resend finds the first copy's row without trying to insert it again: a refused insert is logged (twice,
        // at WARN) by the JDBC layer, so a client replaying a key must not reach it (trial of issue 21).
        Found earlier = existing(scope, key);
        if (earlier != null) {
            return earlier;
        }
        try {
            insert(scope, key, talkCode);
            return new Claimed();
        } catch (PersistenceException e) {
            return find(scope, key, talkCode);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void insert(String scope, String key, String talkCode) {
        em.createNativeQuery("insert into idempotency_record (scope, idem_key, status, completed, created_at, talk_code) "
                + "values (?1, ?2, 0, false, ?3, ?4)").setParameter(1, scope).setParameter(2, key)
                .setParameter(3, Timestamp.from(Instant.now())).setParameter(4, talkCode).executeUpdate();
    }

    /** What an earlier copy left under the key; claims it again when that copy was abandoned; null when none. */
    Found find(String scope, String key, String talkCode) {
        Found earlier = existing(scope, key);
        // Removed meanwhile (its request failed): this copy may run.
        return earlier != null ? earlier : claim(scope, key, talkCode);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Found existing(String scope, String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select status, media_type, body, completed, created_at "
                + "from idempotency_record where scope = ?1 and idem_key = ?2").setParameter(1, scope)
                .setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        if (Boolean.TRUE.equals(row[3])) {
            return new Answered(new Answer(((Number) row[0]).intValue(), (String) row[1], text(row[2])));
        }
        Instant created = row[4] instanceof java.time.LocalDateTime local ? Timestamp.valueOf(local).toInstant()
                : ((Timestamp) row[4]).toInstant();
        if (created.isBefore(Instant.now().minus(ABANDONED))) {
            int taken = em.createNativeQuery("update idempotency_record set created_at = ?3 where scope = ?1 "
                    + "and idem_key = ?2 and completed = false and created_at = ?4").setParameter(1, scope)
                    .setParameter(2, key).setParameter(3, Timestamp.from(Instant.now()))
                    .setParameter(4, row[4]).executeUpdate();
            if (taken == 1) {
                return new Claimed();
            }
        }
        return new InProgress();
    }

    /** Stores the answer of the request that claimed the key. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void answer(String scope, String key, Answer answer) {
        em.createNativeQuery("update idempotency_record set status = ?3, media_type = ?4, body = ?5, completed = true "
                + "where scope = ?1 and idem_key = ?2").setParameter(1, scope).setParameter(2, key)
                .setParameter(3, answer.status()).setParameter(4, answer.mediaType()).setParameter(5, answer.body())
                .executeUpdate();
    }

    /** Gives the key up (the request failed on the server's side), so that a resend runs again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String scope, String key) {
        em.createNativeQuery("delete from idempotency_record where scope = ?1 and idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).executeUpdate();
    }

    private void purgeNow() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last > Duration.ofMinutes(10).toMillis() && lastPurge.compareAndSet(last, now)) {
            purge();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void purge() {
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(KEEP))).executeUpdate();
    }

    private static String text(Object clob) {
        try {
            return clob == null ? null : clob instanceof java.sql.Clob c ? c.getSubString(1, (int) c.length())
                    : clob.toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
