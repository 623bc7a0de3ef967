package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.talk.TalkService;
import dk.afstemning.results.ResultsService;
import dk.afstemning.results.PollResults;

/** Results of a poll, per round. */
@Path("/api/talks/{code}/polls/{pollId}/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    @Inject
    TalkService talks;

    @Inject
    PollService polls;

    @Inject
    ResultsService results;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    @GET
    @Transactional
    @Operation(summary = "Counts and percentages of a round (default: the current one), from stored votes")
    public PollResults get(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @QueryParam("round") String roundParam) {
        limits.lookup(client.key());
        Poll poll = polls.require(talks.require(code), pollId);
        if (roundParam != null && !roundParam.matches("\\d{1,6}")) {
            throw ApiProblem.badRequest("invalid-round", "round must be a whole number from 1");
        }
        Integer round = roundParam == null ? null : Integer.valueOf(roundParam);
        if (round != null && (round < 1 || round > poll.round)) {
            throw ApiProblem.notFound("round", "Poll '" + pollId + "' has rounds 1 to " + poll.round + ", not " + round);
        }
        return results.results(poll, round == null ? poll.round : round);
    }
}
