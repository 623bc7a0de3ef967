package dk.afstemning.deck;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.afstemning.talk.DeckAsset;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.TalkService;

/**
 * What a page needs to draw a Markdown talk's slides with Marp in the browser (README "Marp fidelity"): the deck's
 * text for Marp ({@link MarpSource}) and the address its relative image paths start with. PDF and PowerPoint decks
 * have none: they keep their page images.
 */
@ApplicationScoped
public class MarpDecks {

    /**
     * @param markdown the deck for Marp: polls as islands, no speaker notes
     * @param assetBase what relative image paths start with (e.g. {@code /slides/}), or null to leave them as written
     * @param assetUrls an uploaded deck's images as a JSON object, each stored name ({@code img/chart.png}) to its
     *        {@code /deck-images/{sha256}} address (DeckAssets), or {@code {}}
     */
    public record MarpDeck(String markdown, String assetBase, String assetUrls) {
    }

    /** The talk's deck for Marp, or empty for an unknown talk or a deck that is not Markdown. */
    @Transactional
    public Optional<MarpDeck> forTalk(String code) {
        return TalkService.find(code).filter(talk -> talk.deck != null && talk.deck.markdown != null
                && DeckEntity.MARKDOWN.equals(talk.deck.format)).map(talk -> of(talk.deck,
                        Slide.listByTalk(talk).stream().map(s -> s.pollKey).filter(Objects::nonNull).toList()));
    }

    /** The deck for Marp, with its poll ids in deck order. */
    public static MarpDeck of(DeckEntity deck, java.util.List<String> pollIds) {
        return new MarpDeck(MarpSource.of(deck.markdown, pollIds), assetBase(deck), assetUrls(deck));
    }

    /** An uploaded deck's images by name, as {@link DeckImporter#assets} has the server rewrite them (a JSON object). */
    static String assetUrls(DeckEntity deck) {
        if (deck.folderFile != null) {
            return "{}";
        }
        Map<String, String> urls = new java.util.TreeMap<>();
        DeckAsset.listByDeck(deck).forEach(a -> urls.put(a.name, PdfDecks.IMAGES + a.imageHash));
        try {
            return JSON.writeValueAsString(urls);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Where the deck's relative image paths point, as {@link DeckImporter} has the server rewrite them. */
    static String assetBase(DeckEntity deck) {
        return deck.folderFile != null ? DeckImporter.FOLDER_ASSETS : null;
    }
}
