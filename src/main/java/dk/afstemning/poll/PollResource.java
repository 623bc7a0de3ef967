package dk.afstemning.poll;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Presenter controls: open and close a poll. Every call needs the talk's key in {@code X-Presenter-Key}. */
@Path("/api/talks/{code}/polls/{pollId}")
@Produces(MediaType.APPLICATION_JSON)
public class PollResource {

    /** Header that carries the presenter key. */
    public static final String KEY_HEADER = "X-Presenter-Key";

    @Inject
    PollService polls;

    @POST
    @Path("/open")
    @Operation(summary = "Open the poll for votes (presenter key required)")
    public PollView open(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key) {
        return PollView.of(polls.open(code, pollId, key));
    }

    @POST
    @Path("/close")
    @Operation(summary = "Close the poll; votes in flight are either stored or refused (presenter key required)")
    public PollView close(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key) {
        return PollView.of(polls.close(code, pollId, key));
    }
}
