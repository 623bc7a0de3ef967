package dk.afstemning.deck;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.DeckImage;

/** The rendered pages and thumbnails of PDF decks, by the SHA-256 of their bytes; see {@code web/DeckImageResource}. */
@ApplicationScoped
public class DeckImages {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** @param bytes PNG or JPEG @param type its media type @param hash SHA-256 of the bytes, lower-case hex */
    public record Image(byte[] bytes, String type, String hash) {
    }

    /** @throws ApiProblem 404 when no page image has this hash */
    @Transactional
    public Image find(String hash) {
        DeckImage image = HASH.matcher(hash).matches() ? DeckImage.findByHash(hash).orElse(null) : null;
        if (image == null) {
            throw ApiProblem.notFound("image", "No page image has the hash '" + hash + "'");
        }
        return new Image(image.bytes, image.mediaType, image.hash);
    }
}
