package dk.afstemning.vote;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.MaxChars;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;

/** Casting a vote over REST; the same service answers the participant WebSocket. */
@Path("/api/talks/{code}/polls/{pollId}/votes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteResource {

    @Inject
    VoteService votes;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /**
     * A vote.
     *
     * @param optionId id of the chosen option (see {@code GET /api/talks/{code}})
     * @param requestId the client's id for this request, reused on every resend, 1-64 characters; optional
     */
    public record CastVote(@NotNull Long optionId, @MaxChars(64) @Size(max = 64) String requestId) {
    }

    @POST
    @Operation(summary = "Cast or change the joined participant's vote; answered after the vote is stored")
    public VoteAck cast(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @CookieParam(ParticipantService.COOKIE) String token, @Valid @NotNull CastVote vote) {
        limits.vote(client.key(), token);
        return votes.cast(code, pollId, token, vote.optionId(), vote.requestId());
    }
}
