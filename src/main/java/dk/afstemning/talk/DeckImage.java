package dk.afstemning.talk;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A rendered page image or thumbnail of a PDF deck, named by the SHA-256 of its bytes: the same bytes are stored once,
 * and a URL that names them never goes stale, so they may be cached for ever.
 */
@Entity
@Table(name = "deck_image")
public class DeckImage extends PanacheEntityBase {

    /** SHA-256 of {@link #bytes}, lower-case hex. */
    @Id
    public String hash;

    /** {@code image/png} or {@code image/jpeg}. */
    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public byte[] bytes;

    public static Optional<DeckImage> findByHash(String hash) {
        return findByIdOptional(hash);
    }

    /** Stores the image unless these bytes are stored already. */
    public static void storeOnce(String hash, String mediaType, byte[] bytes) {
        if (findById(hash) == null) {
            DeckImage image = new DeckImage();
            image.hash = hash;
            image.mediaType = mediaType;
            image.bytes = bytes;
            image.persist();
        }
    }
}
