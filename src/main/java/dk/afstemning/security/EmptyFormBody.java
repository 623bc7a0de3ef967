package dk.afstemning.security;

import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Drops the {@code Content-Type} of a form-labelled request that has no body. Many HTTP clients label a body-less
 * POST {@code application/x-www-form-urlencoded}; the CSRF filter (quarkus-rest-csrf) would then look for a token in
 * a form that is not there and refuse the call with 400. A request without a body carries no form, so it has no
 * media type; requests with a body are left as they are, and their forms are checked for the token.
 */
public class EmptyFormBody {

    @ServerRequestFilter(preMatching = true)
    public void dropMediaTypeOfEmptyBody(ContainerRequestContext context, HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        boolean form = lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/form-data");
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean empty = "0".equals(length) || length == null && request.getHeader("Transfer-Encoding") == null;
        if (form && empty) {
            context.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            request.headers().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
