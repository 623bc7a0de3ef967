package dk.afstemning.security;

import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

import dk.afstemning.problem.Problem;

/**
 * Refuses REST requests that change something (votes, joins, every POST, PUT, PATCH and DELETE) when they come from
 * a page of another site, so that no other site can vote or join with a visitor's participant cookie: 403 with problem
 * type {@code cross-origin}. See {@link OriginPolicy}.
 */
public class OriginFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** Methods named in the log; any other (a client's own text) is logged as "other". */
    private static final Set<String> LOGGED = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    OriginPolicy origins;

    @Inject
    AbuseLimits limits;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseCrossOrigin(ContainerRequestContext context, HttpServerRequest request) {
        if (SAFE.contains(context.getMethod()) || origins.allows(request)) {
            return Optional.empty();
        }
        String method = LOGGED.contains(context.getMethod()) ? context.getMethod() : "other";
        limits.logRefusal("cross-origin", ClientAddress.of(request), method + " request from a page of another site");
        return Optional.of(refusal(request.path()).toResponse());
    }

    /** The 403 {@code cross-origin} problem for a request to {@code path}. */
    static Problem refusal(String path) {
        return new Problem(Problem.typeUri("cross-origin"), "Cross-origin request refused", 403,
                "This request came from a page of another site (its Origin is not this server's), so it is refused",
                path, null);
    }
}
