package dk.afstemning.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}).
 *
 * @param type URI naming the kind of problem
 * @param title short summary of the kind
 * @param status the HTTP status code
 * @param detail explanation of this occurrence
 * @param instance the request path
 * @param errors per-field validation messages (text), or a refused deck's faults ({@code {file, line, code, message}}),
 *        when there are any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<?> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static String typeUri(String slug) {
        return "urn:afstemning:problem:" + slug;
    }

    /** This problem as a response with {@code application/problem+json}. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
