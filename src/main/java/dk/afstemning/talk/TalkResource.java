package dk.afstemning.talk;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantCookie;
import dk.afstemning.participant.ParticipantService;

/** The talk API: look a talk up by join code and join it as a participant. */
@Path("/api/talks/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class TalkResource {

    @Inject
    TalkService talks;

    @Inject
    ParticipantService participants;

    /**
     * Joined participant's id, also set as the {@code afstemning_pid} cookie that votes are made with.
     *
     * @param participantId the random participant token
     */
    public record Joined(String participantId) {
    }

    @GET
    @Operation(summary = "A talk and its polls, by join code")
    public TalkView get(@PathParam("code") String code) {
        return talks.view(code);
    }

    @POST
    @Path("/participants")
    @Transactional
    @Operation(summary = "Join a talk; reuses the participant cookie when present")
    public Response join(@PathParam("code") String code, @CookieParam(ParticipantService.COOKIE) String token) {
        Participant participant = participants.join(talks.require(code), token);
        return Response.status(participant.token.equals(token) ? 200 : 201)
                .entity(new Joined(participant.token))
                .cookie(ParticipantCookie.of(participant.token)).build();
    }
}
