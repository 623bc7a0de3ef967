package dk.afstemning.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The database's clock, shared by every instance: countdowns (when a poll closes, whether a vote came in time) and
 * leases are decided on it, so two instances whose own clocks differ still agree when a poll closed.
 * <p>
 * It keeps the offset between the database's {@code current_timestamp} and this JVM's clock, measured at start and
 * every {@link #REFRESH} after, outside any transaction (in one, both H2 and PostgreSQL give the transaction's start).
 * {@link #now()} then costs no query: it is this JVM's clock plus the offset. The offset is measured from the middle of
 * the round trip, so its error is at most half a round trip (under a millisecond on a LAN), and the JVM's clock may
 * drift from the database's by only as much as it drifts in {@link #REFRESH}. We chose this over comparing with the
 * database's time in SQL because the countdown timer must know how long to wait anyway, and because every comparison
 * then stays a plain parameter (no time-zone conversions between H2 and PostgreSQL timestamp columns).
 */
@ApplicationScoped
public class DatabaseClock {

    /** How often the offset is measured again. */
    public static final Duration REFRESH = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    private volatile Duration offset;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "afstemning-db-clock");
        t.setDaemon(true);
        return t;
    });

    void onStart(@Observes @Priority(10) StartupEvent event) {
        refresh();
        timer.scheduleWithFixedDelay(this::refreshQuietly, REFRESH.toMillis(), REFRESH.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** The database's current time, to the millisecond or so; see the class comment. */
    public Instant now() {
        Duration known = offset;
        if (known == null) {
            known = refresh();
        }
        return Instant.now().plus(known);
    }

    /** How far the database's clock is ahead of this JVM's (negative: behind), as last measured. */
    public Duration offset() {
        Duration known = offset;
        return known != null ? known : refresh();
    }

    /**
     * Measures the offset again, outside any transaction of the calling thread.
     *
     * @throws IllegalStateException when the database cannot be asked and no earlier offset is known
     */
    public Duration refresh() {
        try {
            Duration measured = QuarkusTransaction.suspendingExisting().call(this::measure);
            offset = measured;
            return measured;
        } catch (RuntimeException e) {
            Duration known = offset;
            if (known == null) {
                throw new IllegalStateException("Cannot read the database's clock", e);
            }
            return known;
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not read the database's clock; keeping the last offset");
        }
    }

    private Duration measure() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Instant sent = Instant.now();
            try (ResultSet rs = statement.executeQuery("select current_timestamp")) {
                rs.next();
                Instant database = rs.getObject(1, OffsetDateTime.class).toInstant();
                return offset(sent, database, Instant.now());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("select current_timestamp failed: " + e.getMessage(), e);
        }
    }

    /**
     * The offset of the database's clock from ours, taking {@code database} as read at the middle of the round trip.
     *
     * @param sent this JVM's time when the query was sent
     * @param database the database's {@code current_timestamp}
     * @param received this JVM's time when the answer came
     */
    public static Duration offset(Instant sent, Instant database, Instant received) {
        Instant middle = sent.plus(Duration.between(sent, received).dividedBy(2));
        return Duration.between(middle, database);
    }
}
