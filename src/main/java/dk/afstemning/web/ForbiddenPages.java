package dk.afstemning.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.security.ForbiddenException;
import io.vertx.ext.web.Router;

/**
 * A page opened by an account that may not see it (a presenter account typing an organiser's address) is refused by
 * the HTTP permissions before any endpoint runs, and Quarkus answers an empty 403 that the browser shows as its own
 * error page: a dead end. A browser's page request refused so is sent to {@code /not-allowed}, which answers 403 with
 * the error page ({@link ErrorPages}): what happened, in the visitor's language, and the way back. API calls keep
 * their 403.
 */
@Singleton
@Path("/")
public class ForbiddenPages {

    @Inject
    ErrorPages pages;

    void route(@Observes Router router) {
        router.route().order(-1).failureHandler(context -> {
            String accept = context.request().getHeader("Accept");
            String path = context.request().path();
            if (context.failure() instanceof ForbiddenException && accept != null && accept.contains("text/html")
                    && context.request().method().name().equals("GET") && !path.startsWith("/api/")
                    && !path.startsWith("/ws/") && !context.response().headWritten()) {
                String lang = context.request().getParam("lang");
                context.response().setStatusCode(303).putHeader("Location", "/not-allowed"
                        + (lang == null ? "" : "?lang=" + URLEncoder.encode(lang, StandardCharsets.UTF_8))).end();
            } else {
                context.next();
            }
        });
    }

    /** The page a refused page request lands on: 403, in the visitor's language. */
    @GET
    @Path("not-allowed")
    @Operation(hidden = true)
    public Response notAllowed(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        return pages.page(403, Languages.choose(lang, accept, null));
    }
}
