package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.poll.PollService;
import dk.afstemning.poll.PollTypeInfo;
import dk.afstemning.poll.PollView;
import dk.afstemning.problem.ApiProblem;

/**
 * Presenter controls of a poll's life cycle. Every call needs the talk's key in {@code X-Presenter-Key}; each is
 * idempotent in effect (opening an open poll keeps it open).
 */
@Path("/api/talks/{code}/polls/{pollId}")
@Produces(MediaType.APPLICATION_JSON)
public class PollResource {

    /** Header that carries the presenter key. */
    public static final String KEY_HEADER = "X-Presenter-Key";

    @Inject
    PollService polls;

    @Inject
    PollTypeInfo types;

    @POST
    @Path("/open")
    @Operation(summary = "Open the poll; ?seconds=N starts a countdown after which the server closes it (0: none)")
    public PollView open(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key, @QueryParam("seconds") String seconds) {
        return PollView.of(polls.open(code, pollId, key, seconds(seconds)), types);
    }

    @POST
    @Path("/close")
    @Operation(summary = "Close the poll; votes in flight are either stored or refused")
    public PollView close(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key) {
        return PollView.of(polls.close(code, pollId, key), types);
    }

    @POST
    @Path("/compare")
    @Operation(summary = "Show an earlier round beside the current one on the screen; ?round=N (0 or none: stop)")
    public PollView compare(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key, @QueryParam("round") String round) {
        if (round != null && !round.matches("\\d{1,6}")) {
            throw ApiProblem.badRequest("invalid-round", "round must be a whole number (0: no comparison)");
        }
        return PollView.of(polls.compare(code, pollId, key, round == null ? null : Integer.valueOf(round)), types);
    }

    @POST
    @Path("/reveal")
    @Operation(summary = "Show the poll's results on screens and phones (after hide, or a results: hidden poll)")
    public PollView reveal(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key) {
        return PollView.of(polls.reveal(code, pollId, key, true), types);
    }

    @POST
    @Path("/hide")
    @Operation(summary = "Hide the poll's results on screens and phones until shown again")
    public PollView hide(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key) {
        return PollView.of(polls.reveal(code, pollId, key, false), types);
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Start a new round from zero, open at once (?seconds=N: countdown, 0: none); earlier rounds "
            + "keep their votes")
    public PollView reset(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @HeaderParam(KEY_HEADER) String key, @QueryParam("seconds") String seconds) {
        return PollView.of(polls.reset(code, pollId, key, seconds(seconds)), types);
    }

    /** The {@code seconds} query parameter: absent is null; anything but a whole number is a 400, not a 404. */
    static Integer seconds(String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,4}")) {
            throw ApiProblem.badRequest("invalid-countdown", "seconds must be 0 (no countdown) or from 5 to 3600");
        }
        return Integer.valueOf(value);
    }
}
