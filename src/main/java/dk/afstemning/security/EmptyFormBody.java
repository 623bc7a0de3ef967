package dk.afstemning.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Drops the {@code Content-Type} of a request that has no body. Many HTTP clients label a body-less POST
 * {@code application/x-www-form-urlencoded}; the CSRF filter (quarkus-rest-csrf) would then look for a token in a form
 * that is not there and refuse the call with 400. A request without a body carries no form, so it has no media type;
 * requests with a body are left as they are, and their forms are checked for the token.
 */
public class EmptyFormBody {

    @ServerRequestFilter(preMatching = true)
    public void dropMediaTypeOfEmptyBody(ContainerRequestContext context) {
        MediaType type = context.getMediaType();
        if (type != null && !context.hasEntity() && (MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(type)
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type))) {
            context.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
