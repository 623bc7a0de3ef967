package dk.afstemning.participant;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.talk.Talk;

/**
 * Someone who joined a talk. Identified only by a random token that the browser keeps in a cookie: no name, no e-mail,
 * nothing personal. The row keeps only {@link #tokenHash}, the token's hash for this talk ({@link ParticipantTokens}).
 */
@Entity
public class Participant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "talk_id")
    public Talk talk;

    /** {@link ParticipantTokens#hash} of the cookie's token and this talk; never the token itself. */
    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    /** The cookie's token as presented in this request, to give back in the cookie; never stored. */
    @Transient
    public String token;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The quiz nickname, exactly as typed after {@link Nicknames#normalise}; null until chosen. */
    public String nickname;

    /** {@link #nickname} case-folded; unique within the talk (database constraint). */
    @Column(name = "nickname_key")
    public String nicknameKey;

    /** The participant of the talk whose stored hash is {@code tokenHash}, if any. */
    public static Optional<Participant> findByTalkAndHash(Talk talk, String tokenHash) {
        return find("talk = ?1 and tokenHash = ?2", talk, tokenHash).firstResultOptional();
    }
}
