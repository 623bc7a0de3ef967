package dk.afstemning.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dk.afstemning.problem.Problem;

/**
 * The checks that must run before Quarkus' own HTTP handlers, which answer without a body or before any REST filter:
 * the Origin check of {@link OriginPolicy} on the form login ({@code POST /j_security_check}, answered by Quarkus'
 * form login before any REST filter, so a page of another site could log a visitor into the attacker's account:
 * login CSRF), and a problem body for a declared body over {@code quarkus.http.limits.max-body-size} (Quarkus answers
 * an empty 413).
 */
@ApplicationScoped
public class LoginOriginFilter {

    /** Runs before Quarkus' authentication (priority 200) and its body limit. */
    static final int PRIORITY = 250;
    /** The form login's post location, Quarkus' default. */
    public static final String LOGIN_POST = "/j_security_check";

    @Inject
    OriginPolicy origins;

    @Inject
    AbuseLimits limits;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && declared(length) > maxBody.asLongValue()) {
            send(context, new Problem(Problem.typeUri("body-too-large"), "Body too large", 413,
                    "A request body may be at most " + maxBody.asLongValue() + " bytes", context.normalizedPath(),
                    null));
            return;
        }
        if (context.request().method() == HttpMethod.POST && LOGIN_POST.equals(context.normalizedPath())
                && !origins.allows(context.request())) {
            limits.logRefusal("cross-origin", ClientAddress.of(context.request()), "login from a page of another site");
            send(context, OriginFilter.refusal(context.normalizedPath()));
            return;
        }
        context.next();
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void send(RoutingContext context, Problem problem) {
        try {
            context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
