package dk.afstemning.api;

import java.io.CharConversionException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;

import dk.afstemning.deck.DeckProblem;
import dk.afstemning.deck.DeckRefusal;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.web.ErrorPages;
import dk.afstemning.web.LanguageCookie;
import dk.afstemning.web.Languages;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.platform.InvalidText;
import dk.afstemning.platform.JsonFields;
import dk.afstemning.problem.RateLimited;
import dk.afstemning.problem.Problem;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.LogText;

/** Turns every refusal of the REST API into an RFC 9457 problem body, so clients never see an HTML error page. */
public class ProblemMappers {

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    @Inject
    ErrorPages errorPages;

    /**
     * An {@link ApiProblem} as a problem body; a {@link RateLimited} one also gets {@code Retry-After}. Join-code
     * refusals are judged by {@link AbuseLimits#joinCodeRefusal} (an unknown code is a miss; a blocked client gets 429).
     */
    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri, HttpHeaders headers, jakarta.ws.rs.core.Request request) {
        ApiProblem problem = limits.joinCodeRefusal(e, client.key());
        if (request != null && ErrorPages.wantsPage(request.getMethod(), path(uri), headers)) {
            // A browser on a page (a typed URL, an old bookmark): a page in its language, never a problem body.
            return errorPages.page(problem.status(), language(uri, headers));
        }
        Response.ResponseBuilder builder;
        if (problem instanceof DeckRefusal deck) {
            String language = language(uri, headers);
            builder = builder(new Problem(Problem.typeUri(problem.type()), problem.title(), problem.status(),
                    deck.detail(language), path(uri), deck.problems().stream().map(p -> DeckError.of(p, language))
                            .toList()));
        } else {
            builder = builder(new Problem(Problem.typeUri(problem.type()), problem.title(), problem.status(),
                    problem.detail(), path(uri), null));
        }
        if (problem instanceof RateLimited limited) {
            builder.header("Retry-After", limited.retryAfterSeconds());
        }
        return builder.build();
    }

    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return apiProblem(e, uri, null, null);
    }

    /**
     * One fault of a refused deck in a problem's {@code errors}.
     *
     * @param line 1-based line of the deck file, null when the fault has none (a zip's)
     * @param code the message key, such as {@code poll-type-unknown}
     * @param message the fault in the request's language, without file and line
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeckError(String file, Integer line, String code, String message) {

        static DeckError of(DeckProblem p, String language) {
            return new DeckError(p.file(), p.line() > 0 ? p.line() : null, p.code(), p.message(language));
        }
    }

    /**
     * The request's language, as the pages choose it: {@code ?lang=}, else the language cookie (the switch's memory,
     * web/LanguageCookie), else {@code Accept-Language}, else English.
     */
    static String language(UriInfo uri, HttpHeaders headers) {
        String explicit = uri == null ? null : uri.getQueryParameters().getFirst(LanguageCookie.NAME);
        if (!Languages.SUPPORTED.contains(String.valueOf(explicit)) && headers != null) {
            Cookie cookie = headers.getCookies().get(LanguageCookie.NAME);
            explicit = cookie == null ? null : cookie.getValue();
        }
        return Languages.choose(explicit, headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE),
                null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<String> errors = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList();
        return response(new Problem(Problem.typeUri("invalid-request"), "Bad request", 400,
                "The request is not valid: " + String.join("; ", errors), path(uri), errors));
    }

    /** A JSON value of the wrong type or an unknown field ({@link StrictJson}): 400 naming the field. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        if (e instanceof InvalidText text) {
            return apiProblem(text.problem(), uri);
        }
        String field = JsonFields.field(e);
        return response(new Problem(Problem.typeUri("malformed-json"), "Bad request", 400, JsonFields.detail(e),
                path(uri), field.isEmpty() ? null : List.of(field + ": " + JsonFields.fault(e))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return response(new Problem(Problem.typeUri("malformed-json"), "Bad request", 400,
                "The request body is not valid JSON for this operation: " + e.getOriginalMessage(), path(uri), null));
    }

    /**
     * A body whose bytes are no text in the encoding Jackson detects from its first four bytes (three NULs make it
     * UTF-32): Jackson throws {@link CharConversionException}, an {@link java.io.IOException} outside its own
     * exceptions, which would be a 500. The client sent it: 400 like any other malformed JSON.
     */
    @ServerExceptionMapper
    public Response undecodableJson(CharConversionException e, UriInfo uri) {
        return response(new Problem(Problem.typeUri("malformed-json"), "Bad request", 400,
                "The request body is not valid JSON text: " + e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers,
            jakarta.ws.rs.core.Request request) {
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500 && status != 405 && request != null
                && ErrorPages.wantsPage(request.getMethod(), path(uri), headers)) {
            // An unknown page or a malformed id in a page's address: the error page, not a problem body.
            return errorPages.page(status, language(uri, headers));
        }
        if (e.getCause() instanceof MismatchedInputException json) {
            return mismatchedJson(json, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (e.getCause() instanceof CharConversionException text) {
            return undecodableJson(text, uri);
        }
        if (status >= 500) {
            Log.errorf(e, "Request to %s failed", LogText.quoted(path(uri)));
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return response(new Problem(Problem.typeUri("http-" + status), title, status,
                status >= 500 ? "The server could not complete the request" : e.getMessage(), path(uri), null));
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static Response response(Problem problem) {
        return problem.toResponse();
    }

    private static Response.ResponseBuilder builder(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
