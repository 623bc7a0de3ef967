package dk.afstemning.account;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

import dk.afstemning.talk.Talk;
import dk.afstemning.text.ControlChars;

/**
 * A login: form login in the browser, HTTP Basic for scripts. The password is a bcrypt hash in Modular Crypt Format
 * ({@code $2a$10$…}); the role is {@link Role#ORGANISER} or {@link Role#PRESENTER}.
 */
@Entity
@UserDefinition
@SecondaryTable(name = "account_session", pkJoinColumns = @PrimaryKeyJoinColumn(name = "account_id"))
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    public String username;

    @Password(PasswordType.MCF)
    public String password;

    @Roles
    public String role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * Bumped by logging out, a password change and disabling: a login session made with another version is refused,
     * so a copied session cookie stops working ({@link SessionLogins}).
     */
    @Column(name = "session_version", table = "account_session", nullable = false)
    public int sessionVersion;

    /** A disabled account cannot log in, and its sessions end. */
    @Column(table = "account_session", nullable = false)
    public boolean disabled;

    /** The talks a presenter account may present; organisers may present every talk. */
    @ManyToMany
    @JoinTable(name = "account_talk", joinColumns = @JoinColumn(name = "account_id"),
            inverseJoinColumns = @JoinColumn(name = "talk_id"))
    public Set<Talk> talks = new HashSet<>();

    public static Optional<Account> findByUsername(String username) {
        if (username == null || !ControlChars.isClean(username)) {
            // PostgreSQL refuses U+0000 even as a parameter; no user name holds a control character.
            return Optional.empty();
        }
        return find("username", username).firstResultOptional();
    }

    public static List<Account> listByName() {
        return list("order by username");
    }

    public static long countOrganisers() {
        return count("role", Role.ORGANISER);
    }
}
