package dk.afstemning.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The page a browser gets instead of a problem body: a refusal met on a page (a typed URL, an old bookmark, a talk not
 * assigned, a page for organisers opened by a presenter) answers with a page in the visitor's language that says what
 * happened and leads back, never with {@code application/problem+json} or the browser's own error page. API clients
 * ({@code /api/…}, or anyone not asking for HTML) keep their problem bodies.
 */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate(basePath = "ErrorPages")
    static class Templates {
        static native TemplateInstance error(String lang, String otherLang, int status, boolean loggedIn);
    }

    @Inject
    SecurityIdentity identity;

    /**
     * True when the request is a browser's page request: a GET (or HEAD) outside {@code /api/} and {@code /ws/} whose
     * {@code Accept} names {@code text/html}.
     */
    public static boolean wantsPage(String method, String path, HttpHeaders headers) {
        if (path == null || path.startsWith("/api/") || path.startsWith("/ws/") || path.startsWith("/q/")
                || !("GET".equals(method) || "HEAD".equals(method)) || headers == null) {
            return false;
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return accepted.stream().anyMatch(t -> "text".equals(t.getType()) && "html".equals(t.getSubtype()));
    }

    /** The error page for {@code status} (403, 404, or another refusal) in {@code language}. */
    public Response page(int status, String language) {
        boolean loggedIn = identity != null && !identity.isAnonymous();
        int shown = status == 403 || status == 404 || status == 401 ? status : 400;
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(PageResource.localized(Templates.error(language, Languages.other(language), shown, loggedIn),
                        language))
                .build();
    }
}
