package dk.afstemning.security;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

import dk.afstemning.problem.Problem;

/**
 * Keeps request bodies at 1 MiB everywhere but the two deck uploads: the HTTP layer's limit
 * ({@code quarkus.http.limits.max-body-size}) is raised for PDF decks, and this filter refuses a larger declared
 * {@code Content-Length} elsewhere with 413 {@code body-too-large}, before the body is read. A body sent in chunks
 * without a {@code Content-Length} would be read up to the HTTP layer's limit before anything could count it, so unless
 * it is a multipart upload (a deck or an image, which the HTTP layer's limit bounds; some HTTP clients send those in
 * chunks) it is refused with 411 {@code length-required}: browsers and HTTP clients send the length of a JSON or form
 * body.
 */
public class BodySizeFilter {

    /** Largest body outside the deck uploads, in bytes. */
    public static final long MAX_BODY = 1024 * 1024;

    private static final Pattern UPLOADS = Pattern.compile("/api/decks|/api/talks/[^/]+/deck");

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseLargeBodies(ContainerRequestContext context, HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        String type = request.getHeader("Content-Type");
        boolean multipart = type != null && type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (length == null && request.getHeader("Transfer-Encoding") != null && !multipart
                && !UPLOADS.matcher(request.path()).matches()) {
            return Optional.of(new Problem(Problem.typeUri("length-required"), "Length required", 411,
                    "A request body here must say its length (Content-Length) and be at most " + MAX_BODY + " bytes",
                    request.path(), null).toResponse());
        }
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (declared <= MAX_BODY || UPLOADS.matcher(request.path()).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(Problem.typeUri("body-too-large"), "Body too large", 413,
                "A request body may be at most " + MAX_BODY + " bytes here; this one is " + declared, request.path(),
                null).toResponse());
    }
}
