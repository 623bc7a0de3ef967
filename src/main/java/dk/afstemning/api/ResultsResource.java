package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.results.ResultsService;
import dk.afstemning.results.PollResults;

/** Results of a poll, per round. */
@Path("/api/talks/{code}/polls/{pollId}/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    @Inject
    ResultsService results;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    @GET
    @Operation(summary = "Counts and percentages of a round (default: the current one), from stored votes")
    public PollResults get(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @QueryParam("round") String roundParam) {
        limits.lookup(client.key());
        return results.results(code, pollId, roundParam);
    }
}
