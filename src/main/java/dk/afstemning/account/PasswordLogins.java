package dk.afstemning.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.arc.Unremovable;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dk.afstemning.security.ClientAddress;
import dk.afstemning.security.LoginLimits;
import dk.afstemning.security.LoginThrottled;

/**
 * Checks a user name and password (the form login and HTTP Basic), ahead of the generated JPA provider: refuses while
 * {@link LoginLimits} says the account or the address has failed too often (no bcrypt work then), refuses disabled
 * accounts, counts and logs each failure, and at a form login sets the session-version cookie
 * ({@link SessionVersions}).
 */
@ApplicationScoped
@Unremovable
public class PasswordLogins implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** A bcrypt hash of a random text: an unknown user name costs as much time as a wrong password. */
    private volatile String noAccount;

    @Inject
    AccountConfig config;

    @Inject
    AccountLogins accounts;

    @Inject
    LoginLimits limits;

    @Inject
    SessionVersions versions;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Above the generated JPA provider's (Quarkus' default, 1001), so this one decides. */
    @Override
    public int priority() {
        return 2000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> verify(request, http));
    }

    private SecurityIdentity verify(UsernamePasswordAuthenticationRequest request, RoutingContext http) {
        String username = request.getUsername();
        String client = http == null ? "unknown" : ClientAddress.of(http.request());
        long wait = limits.secondsToWait(username, client);
        if (wait > 0) {
            throw throttled(http, wait);
        }
        if (!limits.startCheck(username, client)) {
            throw throttled(http, 1);
        }
        Optional<AccountLogins.LoginAccount> account;
        boolean matches;
        try {
            account = accounts.find(username);
            String password = new String(request.getPassword().getPassword());
            matches = Passwords.matches(password, account.map(AccountLogins.LoginAccount::passwordHash)
                    .orElseGet(this::noAccount));
        } finally {
            limits.checked(client);
        }
        if (!matches || account.get().disabled()) {
            limits.failed(username, client);
            throw new AuthenticationFailedException();
        }
        AccountLogins.LoginAccount found = account.get();
        if (http != null && http.normalizedPath().endsWith("/j_security_check")) {
            versions.set(http, found.id(), found.username(), found.sessionVersion());
        }
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(found.username()))
                .addRole(found.role()).addCredential(request.getPassword()).build();
    }

    /** A login refused for {@code seconds} without its password checked; the login page reads it from the context. */
    private static AuthenticationFailedException throttled(RoutingContext http, long seconds) {
        LoginThrottled throttled = new LoginThrottled(seconds);
        if (http != null) {
            http.put(LoginThrottled.KEY, throttled);
        }
        return new AuthenticationFailedException(throttled);
    }

    private String noAccount() {
        if (noAccount == null) {
            noAccount = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString(), config.bcryptCost());
        }
        return noAccount;
    }
}
