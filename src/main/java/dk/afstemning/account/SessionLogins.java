package dk.afstemning.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Restores a form-login session on every request, ahead of the generated JPA provider: the account must exist, be
 * enabled and still have the session version of the login ({@link SessionVersions}), so a session cookie copied
 * before the account logged out, changed its password or was disabled is refused.
 */
@ApplicationScoped
@Unremovable
public class SessionLogins implements IdentityProvider<TrustedAuthenticationRequest> {

    /** The form login's session cookie. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @Inject
    AccountLogins accounts;

    @Inject
    SessionVersions versions;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Above the generated JPA provider's (Quarkus' default, 1001), so this one decides. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> {
            AccountLogins.LoginAccount account = accounts.find(request.getPrincipal())
                    .filter(a -> !a.disabled() && versions.matches(http, a.id(), a.username(), a.sessionVersion()))
                    .orElse(null);
            if (account == null) {
                // The refused session's cookies go with the refusal (a redirect to the login page): kept, they were
                // sent to the login page too, refused again and redirected there again, for ever (a browser whose
                // session ended by logging out elsewhere met ERR_TOO_MANY_REDIRECTS).
                if (http != null) {
                    for (String name : new String[] {sessionCookie, SessionVersions.COOKIE}) {
                        http.response().addCookie(io.vertx.core.http.Cookie.cookie(name, "").setPath("/")
                                .setMaxAge(0).setHttpOnly(true));
                    }
                }
                throw new AuthenticationFailedException();
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.username()))
                    .addRole(account.role()).build();
        });
    }
}
