package dk.afstemning.results;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.poll.PollService;
import dk.afstemning.talk.TalkService;

/** Results of a poll's current round. */
@Path("/api/talks/{code}/polls/{pollId}/results")
@Produces(MediaType.APPLICATION_JSON)
public class ResultsResource {

    @Inject
    TalkService talks;

    @Inject
    PollService polls;

    @Inject
    ResultsService results;

    @GET
    @Transactional
    @Operation(summary = "Counts and percentages of the current round, from stored votes")
    public PollResults get(@PathParam("code") String code, @PathParam("pollId") String pollId) {
        return results.results(polls.require(talks.require(code), pollId).id);
    }
}
