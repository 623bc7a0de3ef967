package dk.afstemning.metrics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Counts calls of the annotated method as votes in {@link LiveMetrics}: a normal return is an accepted vote (its time
 * is the vote's latency), an {@link dk.afstemning.problem.ApiProblem} a refused vote by its problem slug. Put it on
 * the method that commits and acknowledges a vote, and on checks that may refuse a vote before that (rate limits);
 * such a check is only counted when it refuses.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface VoteMetered {
}
