package dk.afstemning.metrics;

import java.sql.SQLException;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.logging.Log;

import dk.afstemning.problem.ApiProblem;

/**
 * Implements {@link VoteMetered}: outermost, so the measured time includes the commit. A vote that found the database
 * overloaded (no pooled connection within {@code quarkus.datasource.jdbc.acquisition-timeout}, the poll's row lock not
 * within the lock timeout of 10 s, or on PostgreSQL a deadlock or serialization failure) was rolled back, so it becomes
 * a 503 {@code busy} problem: REST and socket clients get an answer and may resend with the same request id, instead
 * of a server error or a closed socket. The lock timeout is H2's {@code DEFAULT_LOCK_TIMEOUT} in its URL and
 * PostgreSQL's {@code lock_timeout}, set on every new connection ({@code quarkus.datasource.jdbc.new-connection-sql}).
 */
@VoteMetered
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class VoteMeteredInterceptor {

    /** H2's error code for a lock timeout (LOCK_TIMEOUT_1). */
    private static final int H2_LOCK_TIMEOUT = 50200;

    /**
     * PostgreSQL's SQLStates of a transaction that lost a race for a lock and was rolled back: lock_not_available
     * ({@code lock_timeout}), serialization_failure and deadlock_detected. Each may be retried as it is.
     */
    private static final java.util.Set<String> PG_BUSY_STATES = java.util.Set.of("55P03", "40001", "40P01");

    @Inject
    LiveMetrics metrics;

    @AroundInvoke
    Object meter(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        Object result;
        try {
            result = context.proceed();
        } catch (ApiProblem e) {
            metrics.voteRefused(e.type());
            throw e;
        } catch (RuntimeException e) {
            if (!overloaded(e)) {
                throw e;
            }
            Log.debugf("Vote refused as busy: %s", e.toString());
            metrics.voteRefused("busy");
            throw ApiProblem.busy();
        }
        if (context.getMethod().getReturnType() != void.class) {
            metrics.voteAccepted(System.nanoTime() - start);
        }
        return result;
    }

    /**
     * True when {@code e} was caused by no free database connection, a lock timeout, a deadlock or a serialization
     * failure, all before any commit.
     */
    static boolean overloaded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_LOCK_TIMEOUT
                    || sql.getSQLState() != null && PG_BUSY_STATES.contains(sql.getSQLState())
                    || String.valueOf(sql.getMessage()).contains("acquisition timeout"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
