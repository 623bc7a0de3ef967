package dk.afstemning.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.deck.DeckImages;

/**
 * The rendered pages and thumbnails of PDF decks, {@code /deck-images/{sha256}}. The name is the SHA-256 of the bytes,
 * so the answer never changes: it may be cached for ever ({@code immutable}), and a revalidation is answered 304.
 */
@Path("/deck-images")
public class DeckImageResource {

    static final String CACHE = "public, max-age=31536000, immutable";

    @Inject
    DeckImages images;

    @GET
    @Path("{hash}")
    @Operation(hidden = true)
    public Response image(@PathParam("hash") String hash, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = "\"" + hash + "\"";
        DeckImages.Image image = images.find(hash);
        if (etag.equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", CACHE).build();
        }
        return Response.ok(image.bytes(), image.type()).header("ETag", etag).header("Cache-Control", CACHE)
                .build();
    }
}
