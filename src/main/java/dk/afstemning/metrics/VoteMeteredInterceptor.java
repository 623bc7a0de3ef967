package dk.afstemning.metrics;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dk.afstemning.problem.ApiProblem;

/** Implements {@link VoteMetered}: outermost, so the measured time includes the commit. */
@VoteMetered
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class VoteMeteredInterceptor {

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
        }
        if (context.getMethod().getReturnType() != void.class) {
            metrics.voteAccepted(System.nanoTime() - start);
        }
        return result;
    }
}
