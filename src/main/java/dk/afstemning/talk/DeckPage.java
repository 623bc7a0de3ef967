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
 * A page of a PDF deck: its text and the names (SHA-256) of its rendered image and thumbnail in {@link DeckImage}.
 * Kept with the deck so that a new talk or a restart needs no rendering.
 */
@Entity
@Table(name = "deck_page")
public class DeckPage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "deck_id")
    public DeckEntity deck;

    /** 1-based page number. */
    public int position;

    /** The page's text, line breaks as {@code \n}; empty for a page without text. */
    @Column(name = "page_text", nullable = false)
    public String text;

    /** The image fitted into 1920 × 1080. */
    @Column(name = "image_hash", nullable = false)
    public String imageHash;

    /** Its size in pixels. */
    public int width;
    public int height;

    /** The thumbnail, 320 px wide. */
    @Column(name = "thumb_hash", nullable = false)
    public String thumbHash;

    public static List<DeckPage> listByDeck(DeckEntity deck) {
        return list("deck = ?1 order by position", deck);
    }
}
