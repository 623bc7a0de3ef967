package dk.afstemning.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dk.afstemning.problem.Problem;
import dk.afstemning.security.LoginThrottled;

/**
 * Answers a login refused by the failed-login limits ({@link LoginThrottled}) with 429 and {@code Retry-After}
 * instead of Quarkus' login challenge: HTTP Basic on the API gets a {@code login-rate-limited} problem, the login form
 * the login page with a message in the visitor's language.
 */
@ApplicationScoped
public class LoginRefusals {

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        LoginThrottled throttled = context.get(LoginThrottled.KEY);
        if (throttled == null || context.response().ended() || context.response().headWritten()) {
            context.next();
            return;
        }
        long seconds = throttled.seconds();
        context.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds));
        if (context.normalizedPath().startsWith("/api/")) {
            try {
                context.response().putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(
                        new Problem(Problem.typeUri("login-rate-limited"), "Too many failed logins", 429,
                                "Too many failed logins for this account or from this address; retry in " + seconds
                                        + " s",
                                context.normalizedPath(), null)));
            } catch (JsonProcessingException e) {
                context.response().end();
            }
            return;
        }
        String language = Languages.choose(null, context.request().getHeader("Accept-Language"), null);
        String page = PageResource.localized(new OrganiserPages.login(language, Languages.other(language), false,
                seconds), language).render();
        context.response().putHeader("Content-Type", "text/html;charset=UTF-8").end(page);
    }
}
