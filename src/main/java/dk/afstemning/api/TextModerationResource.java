package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.polltype.open.TextModeration;

/** Presenter moderation of open-text answers; needs the talk's key in {@code X-Presenter-Key} (or a login). */
@Path("/api/talks/{code}/polls/{pollId}/answers/{answerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TextModerationResource {

    @Inject
    TextModeration moderation;

    /** @param status {@code shown} (on the screen) or {@code hidden} */
    public record Status(String status) {
    }

    @PUT
    @Path("/status")
    @Operation(summary = "Show an open-text answer on the screen or hide it; idempotent")
    public TextModeration.Moderated status(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @PathParam("answerId") long answerId, @HeaderParam(PollResource.KEY_HEADER) String key,
            @NotNull Status body) {
        return moderation.moderate(code, pollId, key, answerId, body.status());
    }
}
