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
 * overloaded (no pooled connection within {@code quarkus.datasource.jdbc.acquisition-timeout}, or the poll's row lock
 * not within H2's lock timeout) was rolled back, so it becomes a 503 {@code busy} problem: REST and socket clients get
 * an answer and may resend with the same request id, instead of a server error or a closed socket.
 */
@VoteMetered
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class VoteMeteredInterceptor {

    /** H2's error code for a lock timeout (LOCK_TIMEOUT_1). */
    private static final int H2_LOCK_TIMEOUT = 50200;

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

    /** True when {@code e} was caused by no free database connection or a lock timeout, both before any commit. */
    static boolean overloaded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == H2_LOCK_TIMEOUT
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
