package dk.afstemning.talk;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A stored deck: Markdown content, or the pages of a PDF, that talks are given from. A deck from the slides folder is found again by
 * {@link #folderFile}; an uploaded deck has none.
 */
@Entity
@Table(name = "deck")
public class DeckEntity extends PanacheEntityBase {

    public static final String MARKDOWN = "markdown";
    public static final String PDF = "pdf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** File name in the slides folder, or null for an uploaded deck. */
    @Column(name = "folder_file")
    public String folderFile;

    /** File name as given (folder or upload), used in messages. */
    public String name;

    /**
     * The Markdown deck; for a PDF deck its manifest (front matter, page slides, poll slides; README "The deck
     * editor"), its pages are {@link DeckPage}s.
     */
    public String markdown;

    /** {@link #MARKDOWN} or {@link #PDF}. */
    @Column(name = "deck_format", nullable = false)
    public String format = MARKDOWN;

    /** The SHA-256 of the uploaded PDF in {@link DeckFile}, or null (a Markdown deck, or a PDF from before V15). */
    @Column(name = "file_hash")
    public String fileHash;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<DeckEntity> findByFolderFile(String file) {
        return find("folderFile", file).firstResultOptional();
    }
}
