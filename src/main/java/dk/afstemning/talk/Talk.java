package dk.afstemning.talk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One delivery of a deck: its join code, presenter key and meta data. Polls and slides hang off it. */
@Entity
public class Talk extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "join_code", nullable = false)
    public String joinCode;

    /** Secret that lets its holder control this talk's polls. Printed at start-up; never shown to participants. */
    @Column(name = "presenter_key", nullable = false)
    public String presenterKey;

    /** File name of the deck in the slides folder that this talk was imported from. */
    @Column(name = "deck_file")
    public String deckFile;

    public String title;
    public String speaker;
    public String organisation;

    @Column(name = "talk_date")
    public LocalDate date;

    /** Two-letter language code of the deck, {@code da} or {@code en}. */
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Talk> findByJoinCode(String joinCode) {
        return find("joinCode", joinCode).firstResultOptional();
    }

    public static Optional<Talk> findByDeckFile(String deckFile) {
        return find("deckFile", deckFile).firstResultOptional();
    }
}
