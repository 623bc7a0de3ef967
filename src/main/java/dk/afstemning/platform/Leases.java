package dk.afstemning.platform;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Leases on work that one instance at a time may do, in the table {@code lease} (Flyway V13), on H2 and PostgreSQL
 * alike. A lease is a row with a holder and an expiry on the {@link DatabaseClock}: taking it is one guarded UPDATE
 * ({@code ... where expires_ms <= now}), so of two instances racing exactly one gets it (the other's UPDATE waits for
 * the row lock, then matches nothing). A holder that dies keeps it only until it expires, so give a lease a time to
 * live longer than the work ever takes. Each statement runs in its own short transaction, outside the caller's: a
 * lease is never held by an open transaction (nor by a connection, as a PostgreSQL advisory lock would be).
 */
@ApplicationScoped
public class Leases {

    /** How often {@link #runAlone} asks again for a lease that another instance holds, in milliseconds. */
    static final long WAIT_STEP_MS = 200;

    /** This process, as a holder: host and pid (for people reading the table), then a random part (unique). */
    private final String self = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EntityManager em;

    @Inject
    DatabaseClock clock;

    /** This instance's name as a lease holder. */
    public String self() {
        return self;
    }

    /** Takes the lease {@code name} for this instance; see {@link #tryAcquire(String, String, Duration)}. */
    public boolean tryAcquire(String name, Duration ttl) {
        return tryAcquire(name, self, ttl);
    }

    /**
     * Takes the lease {@code name} for {@code holder} until {@code ttl} from now, if nobody holds it (or its holder's
     * time ran out). A holder that already holds it must wait for it to expire or release it first.
     *
     * @return true when {@code holder} now holds it
     */
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        long now = clock.now().toEpochMilli();
        long until = now + ttl.toMillis();
        int taken = QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("update lease set holder = ?1, expires_ms = ?2 where name = ?3 and expires_ms <= ?4")
                        .setParameter(1, holder).setParameter(2, until).setParameter(3, name).setParameter(4, now)
                        .executeUpdate());
        if (taken == 1) {
            return true;
        }
        try {
            // The first time: the row does not exist yet. Of two instances inserting it, the second fails on the key.
            return QuarkusTransaction.requiringNew().call(() -> {
                if (em.createNativeQuery("select count(*) from lease where name = ?1").setParameter(1, name)
                        .getSingleResult() instanceof Number n && n.longValue() > 0) {
                    return false;
                }
                em.createNativeQuery("insert into lease (name, holder, expires_ms) values (?1, ?2, ?3)")
                        .setParameter(1, name).setParameter(2, holder).setParameter(3, until).executeUpdate();
                return true;
            });
        } catch (PersistenceException e) {
            return false;
        }
    }

    /** Ends this instance's lease now; see {@link #release(String, String, Duration)}. */
    public void release(String name) {
        release(name, self, Duration.ZERO);
    }

    /**
     * Ends {@code holder}'s lease, keeping every instance (the holder too) from taking it for {@code keepOff} more
     * (zero: free at once). Does nothing when the lease is no longer {@code holder}'s.
     */
    public void release(String name, String holder, Duration keepOff) {
        long until = clock.now().toEpochMilli() + keepOff.toMillis();
        QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update lease set expires_ms = ?1 where name = ?2 and holder = ?3")
                        .setParameter(1, until).setParameter(2, name).setParameter(3, holder).executeUpdate());
    }

    /**
     * Runs {@code work} under the lease {@code name}, waiting while another instance holds it (until it releases it,
     * or its time to live runs out), then releases it. For work that every instance must see done before it goes on,
     * and that finds out itself what is left to do, such as the start-up seed import.
     *
     * @param ttl longer than {@code work} ever takes
     */
    public <T> T runAlone(String name, Duration ttl, Supplier<T> work) {
        boolean told = false;
        while (!tryAcquire(name, ttl)) {
            if (!told) {
                Log.infof("Waiting for another instance to finish '%s'", name);
                told = true;
            }
            try {
                Thread.sleep(WAIT_STEP_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the lease '" + name + "'", e);
            }
        }
        try {
            return work.get();
        } finally {
            release(name);
        }
    }
}
