package dk.afstemning.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The account as a login needs it, read in a transaction of its own. */
@ApplicationScoped
public class AccountLogins {

    /** An account's login data. */
    public record LoginAccount(long id, String username, String passwordHash, String role, int sessionVersion,
            boolean disabled) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<LoginAccount> find(String username) {
        return Account.findByUsername(username)
                .map(a -> new LoginAccount(a.id, a.username, a.password, a.role, a.sessionVersion, a.disabled));
    }
}
