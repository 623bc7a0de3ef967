package dk.afstemning.account;

import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP Basic over the same accounts, for scripts. It only decides the challenge: an API request ({@code /api/…})
 * without a login gets 401 with {@code WWW-Authenticate: Basic}; a page gets no challenge from here, so the form
 * login's redirect to {@code /login} applies. Basic is tried before the form login (priority 2000 against 1000).
 */
@Singleton
public class ApiBasicAuthentication extends BasicAuthenticationMechanism {

    public ApiBasicAuthentication() {
        super("Afstemning", false, BasicAuthenticationMechanism.PRIORITY);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return context.normalizedPath().startsWith("/api/") ? super.getChallenge(context)
                : Uni.createFrom().nullItem();
    }
}
