package dk.afstemning.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.deck.SlideImages;

/**
 * Images that decks in the slides folder refer to by relative path, served from that folder ({@link SlideImages}).
 * SVGs, like every image here, get a CSP that keeps any script in them from running.
 */
@Path("/slides")
public class SlideAssetResource {

    @Inject
    SlideImages images;

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Response image(@PathParam("path") String path) {
        SlideImages.Image image = images.find(path);
        return Response.ok(image.file(), image.type()).header("Cache-Control", "max-age=3600")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
