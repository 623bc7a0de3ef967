package dk.afstemning.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.PresenterLogins;
import dk.afstemning.talk.TalkService;

/**
 * Creates accounts and the first admin. Passwords are stored as bcrypt hashes (cost 10 by default) only.
 */
@ApplicationScoped
@Transactional
public class AccountService implements PresenterLogins {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{2,64}");
    /** Shortest password an organiser may choose, in characters. */
    public static final int MIN_PASSWORD = Passwords.MIN;

    @Inject
    AccountConfig config;

    @Inject
    Event<AccessRevoked> revocations;

    /** The first admin as created at this start; {@code password} is null when it came from the configuration. */
    public record FirstAdmin(String username, String password) {
    }

    /**
     * Makes sure an organiser can log in. With {@code afstemning.admin.password} set, the account
     * {@code afstemning.admin.username} is created or given that password. Otherwise, when no organiser exists yet, an
     * admin with a random password is created and its password answered, to be printed once; it is stored hashed only.
     *
     * @return the admin created or updated now, or empty when nothing changed
     */
    public Optional<FirstAdmin> ensureAdmin() {
        String adminUsername = config.admin().username();
        String configured = config.admin().password().filter(p -> !p.isBlank()).orElse(null);
        if (configured != null) {
            Account existing = Account.findByUsername(adminUsername).orElse(null);
            if (existing == null) {
                create(adminUsername, configured, Role.ORGANISER);
                return Optional.of(new FirstAdmin(adminUsername, null));
            }
            if (!Passwords.matches(configured, existing.password) || !Role.ORGANISER.equals(existing.role)) {
                existing.password = BcryptUtil.bcryptHash(configured, config.bcryptCost());
                existing.role = Role.ORGANISER;
                return Optional.of(new FirstAdmin(adminUsername, null));
            }
            return Optional.empty();
        }
        if (Account.countOrganisers() > 0) {
            return Optional.empty();
        }
        String password = JoinCodes.secret().substring(0, 24);
        create(adminUsername, password, Role.ORGANISER);
        return Optional.of(new FirstAdmin(adminUsername, password));
    }

    /**
     * A new account.
     *
     * @param username 2–64 characters of lower-case letters, digits and {@code . _ @ -}
     * @param password at least {@link #MIN_PASSWORD} characters, at most 72 bytes, not a common one ({@link Passwords})
     * @param role {@link Role#ORGANISER} or {@link Role#PRESENTER}
     * @throws ApiProblem 400 for a bad name, password or role; 409 when the name is taken
     */
    public Account create(String username, String password, String role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiProblem.badRequest("invalid-username",
                    "A user name has 2-64 lower-case letters, digits, '.', '_', '@' or '-'");
        }
        Passwords.check(password);
        if (!Role.isValid(role)) {
            throw ApiProblem.badRequest("invalid-role", "The role is 'organiser' or 'presenter'");
        }
        if (Account.findByUsername(username).isPresent()) {
            throw new ApiProblem(409, "username-taken", "User name taken", "The user name '" + username + "' is taken");
        }
        Account account = new Account();
        account.username = username;
        account.password = BcryptUtil.bcryptHash(password, config.bcryptCost());
        account.role = role;
        account.createdAt = Instant.now();
        account.persist();
        return account;
    }

    /** Every account, by user name. */
    public List<Account> list() {
        List<Account> accounts = Account.listByName();
        accounts.forEach(a -> a.talks.size());
        return accounts;
    }

    /**
     * Lets a presenter account present the talk with this join code.
     *
     * @throws ApiProblem 404 for an unknown account or join code
     */
    public void assign(long accountId, String joinCode) {
        Account account = Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> ApiProblem.notFound("account", "No account has the id " + accountId));
        Talk talk = TalkService.find(joinCode).orElseThrow(() -> TalkService.unknown(joinCode));
        account.talks.add(talk);
    }

    /** True when the login may present the talk: an organiser, or a presenter account assigned to it. */
    @Override
    public boolean mayPresent(SecurityIdentity identity, long talkId) {
        String role = identity.hasRole(Role.ORGANISER) ? Role.ORGANISER : Role.PRESENTER;
        return mayPresent(identity.getPrincipal().getName(), role, talkId);
    }

    /** True when the account with this name may present the talk: an organiser, or a presenter assigned to it. */
    public boolean mayPresent(String username, String role, long talkId) {
        if (Role.ORGANISER.equals(role)) {
            return true;
        }
        return Role.PRESENTER.equals(role) && Account.getEntityManager().createQuery(
                "select count(a) from Account a join a.talks t where a.username = ?1 and t.id = ?2", Long.class)
                .setParameter(1, username).setParameter(2, talkId).getSingleResult() > 0;
    }

    /** Ends every session of the account (logging out, or out everywhere): its session version is bumped. */
    public void endSessions(String username) {
        Account.findByUsername(username).ifPresent(a -> {
            a.sessionVersion++;
            revocations.fire(new AccessRevoked(a.id, null, true));
        });
    }

    /**
     * Changes the password of the logged-in account and ends its sessions.
     *
     * @return the account's new session stamp, for the session that made the change
     * @throws ApiProblem 400 {@code wrong-password} when {@code current} is not the password; as {@link #create} for a
     *         bad new one
     */
    public SessionVersions.Stamp changePassword(String username, String current, String replacement) {
        Account account = Account.findByUsername(username)
                .orElseThrow(() -> ApiProblem.notFound("account", "No account has this name"));
        if (!Passwords.matches(current, account.password)) {
            throw ApiProblem.badRequest("wrong-password", "The current password is not right");
        }
        Passwords.check(replacement);
        account.password = BcryptUtil.bcryptHash(replacement, config.bcryptCost());
        revocations.fire(new AccessRevoked(account.id, null, true));
        return new SessionVersions.Stamp(account.id, account.username, ++account.sessionVersion);
    }

    /**
     * Disables (its sessions end, it cannot log in) or enables an account. An organiser cannot disable their own.
     *
     * @throws ApiProblem 404 for an unknown account; 409 {@code own-account} for the organiser's own
     */
    public void setDisabled(long accountId, boolean disabled, String actingUsername) {
        Account account = byId(accountId);
        if (disabled && account.username.equals(actingUsername)) {
            throw new ApiProblem(409, "own-account", "Own account", "An organiser cannot disable their own account");
        }
        if (account.disabled != disabled) {
            account.disabled = disabled;
            account.sessionVersion++;
            if (disabled) {
                revocations.fire(new AccessRevoked(account.id, null, false));
            }
        }
    }

    /**
     * Deletes an account (its assignments go with it). An organiser cannot delete their own.
     *
     * @throws ApiProblem 404 for an unknown account; 409 {@code own-account} for the organiser's own
     */
    public void delete(long accountId, String actingUsername) {
        Account account = byId(accountId);
        if (account.username.equals(actingUsername)) {
            throw new ApiProblem(409, "own-account", "Own account", "An organiser cannot delete their own account");
        }
        account.talks.clear();
        account.delete();
        revocations.fire(new AccessRevoked(accountId, null, false));
    }

    /**
     * Takes a talk away from a presenter account.
     *
     * @throws ApiProblem 404 for an unknown account
     */
    public void unassign(long accountId, long talkId) {
        Account account = byId(accountId);
        account.talks.stream().filter(t -> t.id == talkId).findFirst().ifPresent(talk -> {
            account.talks.remove(talk);
            if (Role.PRESENTER.equals(account.role)) {
                revocations.fire(new AccessRevoked(accountId, talk.joinCode, false));
            }
        });
    }

    /** The id of the account with this user name, if there is one. */
    public Optional<Long> idOf(String username) {
        return Account.findByUsername(username).map(a -> a.id);
    }

    private static Account byId(long accountId) {
        return Account.<Account>findByIdOptional(accountId)
                .orElseThrow(() -> ApiProblem.notFound("account", "No account has the id " + accountId));
    }
}
