package dk.afstemning.security;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dk.afstemning.problem.Problem;

/**
 * Two refusals with RFC 9457 bodies. A JSON endpoint ({@code @Consumes(application/json)}) refuses a body sent without
 * {@code Content-Type: application/json}: 415 {@code json-required}. Without the check a body with no content type was
 * read as JSON, and a page of another site can send such a body without a CORS pre-flight. And the CSRF refusal of
 * Quarkus REST CSRF, an empty 400, gets the problem {@code csrf-token}.
 */
public class JsonBodyFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    public Optional<Response> requireJson(ContainerRequestContext context, ResourceInfo resource) {
        if (SAFE.contains(context.getMethod()) || !consumesJson(resource) || !hasBody(context)) {
            return Optional.empty();
        }
        MediaType type = context.getMediaType();
        if (type != null && type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return Optional.empty();
        }
        return Optional.of(new Problem(Problem.typeUri("json-required"), "JSON required", 415,
                "This request's body must be JSON, sent with Content-Type: application/json",
                context.getUriInfo().getPath(), null).toResponse());
    }

    @ServerResponseFilter
    public void explainCsrfRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && !SAFE.contains(request.getMethod())) {
            response.setEntity(new Problem(Problem.typeUri("csrf-token"), "Form token missing or wrong", 400,
                    "This form was sent without the token of the page it came from (or with another one): reload"
                            + " the page and send it again",
                    request.getUriInfo().getPath(), null), null, MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private static boolean consumesJson(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).anyMatch(MediaType.APPLICATION_JSON::equals);
    }

    private static boolean hasBody(ContainerRequestContext context) {
        return context.getLength() > 0 || context.getHeaderString("Transfer-Encoding") != null;
    }
}
