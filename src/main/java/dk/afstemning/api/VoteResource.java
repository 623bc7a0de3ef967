package dk.afstemning.api;

import java.util.List;

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
import dk.afstemning.text.MaxChars;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.voting.VoteService;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.VoteAck;

/** Casting a vote over REST; the same service answers the participant WebSocket. */
@Path("/api/talks/{code}/polls/{pollId}/votes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoteResource {

    /**
     * The list limit's message, in English like every problem detail (Bean Validation would word its own {@code @Size}
     * message in the client's language). requestId has only {@link MaxChars}: a second {@code @Size} reported it twice.
     */
    private static final String ENTRIES = "must have at most {max} entries";

    @Inject
    VoteService votes;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /**
     * A vote: exactly one of the answer fields, as the poll's type takes it ({@link Answer}).
     *
     * @param optionId id of the chosen option (choice, quiz; see {@code GET /api/talks/{code}})
     * @param optionIds ids of the chosen options (multiple) or of every option best first (ranking), at most 20
     * @param value a whole number (scale, slider)
     * @param texts text entries (wordcloud: the whole set; open: one answer), at most 20
     * @param requestId the client's id for this request, reused on every resend, 1-64 characters; optional
     */
    public record CastVote(Long optionId, @Size(max = 20, message = ENTRIES) List<@NotNull Long> optionIds,
            Integer value, @MaxChars(value = 64, units = 64) String requestId,
            @Size(max = 20, message = ENTRIES) List<@NotNull String> texts) {
    }

    @POST
    @Operation(summary = "Cast or change the joined participant's vote; answered after the vote is stored")
    public VoteAck cast(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @CookieParam(ParticipantService.COOKIE) String token, @Valid @NotNull CastVote vote) {
        limits.vote(client.key(), token);
        return votes.cast(code, pollId, token, Answer.of(vote.optionId(), vote.optionIds(), vote.value(),
                vote.texts() == null ? null : List.copyOf(vote.texts())),
                vote.requestId());
    }
}
