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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.talk.Talk;

/**
 * Someone who joined a talk. Identified only by a random {@link #token} that the browser keeps in a cookie: no name,
 * no e-mail, nothing personal.
 */
@Entity
public class Participant extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "talk_id")
    public Talk talk;

    public String token;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    /** The quiz nickname, exactly as typed after {@link Nicknames#normalise}; null until chosen. */
    public String nickname;

    /** {@link #nickname} case-folded; unique within the talk (database constraint). */
    @Column(name = "nickname_key")
    public String nicknameKey;

    public static Optional<Participant> findByTalkAndToken(Talk talk, String token) {
        return find("talk = ?1 and token = ?2", talk, token).firstResultOptional();
    }
}
