package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.polltype.quiz.Leaderboard;
import dk.afstemning.polltype.quiz.Leaderboards;

/** The quiz API of a talk: a participant's nickname and the leaderboard. */
@Path("/api/talks/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class QuizResource {

    @Inject
    Leaderboards leaderboards;

    @Inject
    ParticipantService participants;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /** @param nickname 1–20 characters, unique in the talk ignoring case */
    public record SetNickname(@NotNull @Size(max = 400) String nickname) {
    }

    /** @param nickname the nickname as stored (trimmed, spaces collapsed) */
    public record Nickname(String nickname) {
    }

    @PUT
    @Path("/nickname")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the joined participant's quiz nickname (1-20 characters, unique in the talk)")
    public Nickname nickname(@PathParam("code") String code, @CookieParam(ParticipantService.COOKIE) String token,
            @Valid @NotNull SetNickname body) {
        limits.vote(client.key(), token);
        return new Nickname(participants.nickname(code, token, body.nickname()));
    }

    @GET
    @Path("/leaderboard")
    @Operation(summary = "The talk's quiz leaderboard: points over the current rounds of its quiz polls, top 10")
    public Leaderboard leaderboard(@PathParam("code") String code) {
        limits.lookup(client.key());
        return leaderboards.of(code);
    }
}
