package dk.afstemning.share;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.talk.Talk;

/** A read-only link to one talk's results: {@code /share/{token}}, 256 random bits; revoked links answer 404. */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "talk_id")
    public Talk talk;

    public String token;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The link with this token, unless revoked. */
    public static Optional<ShareLink> findActive(String token) {
        return find("token = ?1 and revokedAt is null", token).firstResultOptional();
    }

    /** The talk's links that are not revoked, oldest first. */
    public static List<ShareLink> listActive(Talk talk) {
        return list("talk = ?1 and revokedAt is null order by id", talk);
    }
}
