package dk.afstemning.web;

import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.platform.AppConfig;
import dk.afstemning.problem.ApiProblem;

/**
 * Images that decks in the slides folder refer to by relative path ({@code ![chart](img/chart.png)}), served from
 * that folder. Only image files inside it are served; SVGs get a CSP that keeps any script in them from running.
 */
@Path("/slides")
public class SlideAssetResource {

    private static final Map<String, String> IMAGE_TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg",
            "image/jpeg", "gif", "image/gif", "webp", "image/webp", "svg", "image/svg+xml", "avif", "image/avif");

    @Inject
    AppConfig config;

    @GET
    @Path("{path: .+}")
    @Operation(hidden = true)
    public Response image(@PathParam("path") String path) {
        java.nio.file.Path root = java.nio.file.Path.of(config.slidesDir()).toAbsolutePath().normalize();
        java.nio.file.Path file = root.resolve(path).normalize();
        String name = file.getFileName().toString();
        String type = IMAGE_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        if (!file.startsWith(root) || type == null || !Files.isRegularFile(file)) {
            throw ApiProblem.notFound("image", "No image '" + path + "' next to the decks");
        }
        return Response.ok(file.toFile(), type).header("Cache-Control", "max-age=3600")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
