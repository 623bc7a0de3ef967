package dk.afstemning.talk;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An image of an uploaded Markdown deck, by the relative name its slides use ({@code img/chart.png}); the bytes are a
 * {@link DeckImage}, named by their SHA-256.
 */
@Entity
@Table(name = "deck_asset")
public class DeckAsset extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "deck_id")
    public DeckEntity deck;

    /** The path relative to the deck, {@code /}-separated, normalised (no {@code ./} or {@code ..}). */
    @Column(nullable = false)
    public String name;

    /** SHA-256 of the image in {@link DeckImage}. */
    @Column(name = "image_hash", nullable = false)
    public String imageHash;

    public static List<DeckAsset> listByDeck(DeckEntity deck) {
        return deck.id == null ? List.of() : list("deck = ?1 order by name", deck);
    }

    /** Adds or replaces the deck's image of this name. */
    public static void put(DeckEntity deck, String name, String imageHash) {
        DeckAsset asset = DeckAsset.<DeckAsset>find("deck = ?1 and name = ?2", deck, name).firstResult();
        if (asset == null) {
            asset = new DeckAsset();
            asset.deck = deck;
            asset.name = name;
        }
        asset.imageHash = imageHash;
        asset.persist();
    }
}
