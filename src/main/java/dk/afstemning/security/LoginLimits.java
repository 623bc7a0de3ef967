package dk.afstemning.security;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Ticker;

import dk.afstemning.text.LogText;

/**
 * Throttles failed logins, per account name and per client address ({@code afstemning.limits.failed-logins-*}): a
 * login is refused (429, without checking its password, so no bcrypt work) while the account or the address has used
 * up its failures. Only failures count, so valid logins of other accounts go on while one account is attacked. Each
 * failure is logged through the refusal log (once a minute per account and address), with the user name escaped
 * ({@link LogText}).
 */
@ApplicationScoped
public class LoginLimits {

    private final KeyedBuckets perAccount;
    private final KeyedBuckets perIp;
    private final RefusalLog log;
    private final ParallelLogins parallel = new ParallelLogins(ParallelLogins.PER_ADDRESS);

    @Inject
    LoginLimits(LimitsConfig config, Ticker ticker) {
        perAccount = new KeyedBuckets(config.failedLoginsPerAccount(), config.maxTrackedClients(), ticker);
        perIp = new KeyedBuckets(config.failedLoginsPerIp(), config.maxTrackedClients(), ticker);
        log = new RefusalLog(config.maxTrackedClients(), ticker);
    }

    /**
     * @param username the user name as sent
     * @param client the client key ({@link ClientAddress})
     * @return 0 when a login may be tried, otherwise the seconds to wait (at least 1)
     */
    public long secondsToWait(String username, String client) {
        long nanos = Math.max(perAccount.wait(account(username)), perIp.wait(client));
        if (nanos == 0) {
            return 0;
        }
        long seconds = Math.max(1, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
        log.refused("login-throttled", client, "login for user " + LogText.quoted(username)
                + " refused while its failed logins are over the limit (retry in " + seconds + " s)");
        return seconds;
    }

    /**
     * Lets one more login of {@code client} be checked now, or refuses it (logged as a throttled login) when
     * {@link ParallelLogins#PER_ADDRESS} are being checked already; after a true answer call {@link #checked}.
     */
    public boolean startCheck(String username, String client) {
        if (parallel.enter(client)) {
            return true;
        }
        log.refused("login-throttled", client, "login for user " + LogText.quoted(username) + " refused: "
                + ParallelLogins.PER_ADDRESS + " logins from this address are being checked already");
        return false;
    }

    /** Ends a check {@link #startCheck} let in. */
    public void checked(String client) {
        parallel.leave(client);
    }

    /** Counts a failed login and logs it (at most once a minute per account name and address). */
    public void failed(String username, String client) {
        perAccount.take(account(username));
        perIp.take(client);
        log.refused("login-failed " + account(username), client,
                "failed login for user " + LogText.quoted(username));
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
