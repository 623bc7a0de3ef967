package dk.afstemning.talk;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The file a deck was made from, as uploaded (today the PDF of a PDF deck), named by the SHA-256 of its bytes: kept so
 * that the deck downloads again as the speaker gave it.
 */
@Entity
@Table(name = "deck_file")
public class DeckFile extends PanacheEntityBase {

    /** SHA-256 of {@link #bytes}, lower-case hex. */
    @Id
    public String hash;

    /** {@code application/pdf}. */
    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public byte[] bytes;

    public static Optional<DeckFile> findByHash(String hash) {
        return hash == null ? Optional.empty() : findByIdOptional(hash);
    }

    /** Stores the file unless these bytes are stored already. */
    public static void storeOnce(String hash, String mediaType, byte[] bytes) {
        if (findById(hash) == null) {
            DeckFile file = new DeckFile();
            file.hash = hash;
            file.mediaType = mediaType;
            file.bytes = bytes;
            file.persist();
        }
    }
}
