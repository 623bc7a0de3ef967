package dk.afstemning.web;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /favicon.ico}, which browsers and tools ask for by habit even though every page names {@code /favicon.svg}:
 * a permanent redirect to it, instead of a 404 problem body.
 */
@Path("/favicon.ico")
public class FaviconResource {

    @GET
    @Operation(hidden = true)
    public Response icon() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/favicon.svg"))
                .header("Cache-Control", "max-age=86400").build();
    }
}
