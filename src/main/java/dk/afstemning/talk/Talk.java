package dk.afstemning.talk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dk.afstemning.text.ControlChars;
import dk.afstemning.text.ProfanityFilter;


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

    /** The deck this talk is given from. */
    @ManyToOne(optional = false)
    @JoinColumn(name = "deck_id")
    public DeckEntity deck;

    /** Where the talk is given, may be null. */
    public String venue;

    /** 1-based slide the presenter shows now; phones follow it. */
    @Column(name = "current_slide")
    public int currentSlide;

    /** Grows with every change of the show (the current slide, the overlay, the spotlight), so live messages can be ordered. */
    public long version;

    /**
     * What covers the slides on the audience screen: {@code join} (the join screen), {@code qa} (the Q&A wall) or null
     * (the current slide). A new talk starts on the join screen; moving to a slide takes it away.
     */
    @Column(name = "screen_overlay")
    public String screenOverlay;

    /** {@link #screenOverlay}: the join screen (QR code, address, code and the count of joined participants). */
    public static final String OVERLAY_JOIN = "join";

    /** {@link #screenOverlay}: the Q&A wall, or the question in {@link #spotlightQuestionId}. */
    public static final String OVERLAY_QA = "qa";

    /** The id of the Q&A question the speaker put on the audience screen, or null. */
    @Column(name = "spotlight_question_id")
    public Long spotlightQuestionId;

    public String title;
    public String speaker;
    public String organisation;

    @Column(name = "talk_date")
    public LocalDate date;

    /** Two-letter language code of the deck, {@code da} or {@code en}. */
    public String language;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Whether participants may ask questions (Q&A alongside the whole talk). */
    @Column(name = "qa_enabled", nullable = false)
    public boolean qaEnabled;

    /** Pre-moderation: new questions show only to the presenter and their author until the presenter approves them. */
    @Column(name = "qa_moderated", nullable = false)
    public boolean qaModerated;

    /** The deck's {@code qa} front matter as last applied ({@code off}, {@code on}, {@code moderated}), or null. */
    @Column(name = "qa_deck_setting")
    public String qaDeckSetting;

    /** Grows with every change of the talk's questions or Q&A settings, so live Q&A messages can be ordered. */
    @Column(name = "qa_version", nullable = false)
    public long qaVersion;

    /** Whether questions (and, by default, word-cloud entries) are checked against the profanity lists. */
    @Column(name = "profanity_filter", nullable = false)
    public boolean profanityFilter = true;

    /** The deck's {@code profanity-words}, one per line, or null. */
    @Column(name = "profanity_words")
    public String profanityWords;

    /** The deck's {@code profanity-allow}, one per line, or null. */
    @Column(name = "profanity_allow")
    public String profanityAllow;

    /** The profanity lists as this talk's deck adjusts them ({@code profanity-words}, {@code profanity-allow}). */
    public ProfanityFilter wordFilter() {
        return ProfanityFilter.standard().adjusted(lines(profanityWords), lines(profanityAllow));
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Whether participants may send reactions (the deck's {@code reactions} front matter; on unless it says off). */
    @Column(name = "reactions_enabled", nullable = false)
    public boolean reactionsEnabled = true;

    /** The deck's accent colour on the audience screen ({@code #rrggbb}), or null for the default. */
    public String accent;

    public static Optional<Talk> findByJoinCode(String joinCode) {
        if (joinCode == null || !ControlChars.isClean(joinCode)) {
            // PostgreSQL refuses U+0000 even as a parameter; no join code holds a control character.
            return Optional.empty();
        }
        return find("joinCode", joinCode).firstResultOptional();
    }

    public static List<Talk> listByDeck(DeckEntity deck) {
        return list("deck = ?1 order by id", deck);
    }

    /** The first talk given from the slides folder's {@code file}, if any. */
    public static Optional<Talk> findFirstByFolderFile(String file) {
        return find("deck.folderFile = ?1 order by id", file).firstResultOptional();
    }
}
