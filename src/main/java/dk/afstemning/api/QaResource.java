package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.participant.ParticipantService;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.qa.QaMessages;
import dk.afstemning.qa.QaService;
import dk.afstemning.qa.QuestionView;

/** Q&A over REST; the same service answers the participant socket's {@code ask} and {@code upvote} messages. */
@Path("/api/talks/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class QaResource {

    @Inject
    QaService qa;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /**
     * A question.
     *
     * @param text at most 280 user-visible characters
     * @param nickname at most 40 user-visible characters; absent or blank asks anonymously
     * @param requestId the client's id for this request, reused on every resend; optional
     */
    public record Ask(@NotNull String text, String nickname,
            @Size(max = 64, message = "must be at most {max} characters") String requestId) {
    }

    /** @param requestId the client's id for this request, reused on every resend; optional */
    public record Upvote(@Size(max = 64, message = "must be at most {max} characters") String requestId) {
    }

    /** The presenter's changes to a question; absent fields stay as they are. */
    public record Moderation(Boolean approved, Boolean answered, Boolean hidden) {
    }

    /** Q&A settings; absent fields stay as they are. */
    public record SettingsChange(Boolean enabled, Boolean moderated) {
    }

    @GET
    @Path("questions")
    @Operation(summary = "The questions, most upvoted first: all of them with X-Presenter-Key or a login that "
            + "may present the talk, else the approved and not hidden ones")
    public QaMessages.Questions questions(@PathParam("code") String code,
            @HeaderParam("X-Presenter-Key") String presenterKey) {
        if (presenterKey == null) {
            limits.lookup(client.key());
        }
        return qa.questions(code, presenterKey);
    }

    @GET
    @Path("questions/mine")
    @Operation(summary = "The joined participant's own questions (also those waiting or hidden) and upvotes")
    public QaMessages.Mine mine(@PathParam("code") String code, @CookieParam(ParticipantService.COOKIE) String token) {
        return qa.mine(code, token);
    }

    @POST
    @Path("questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask a question as the joined participant; answered after it is stored")
    public QaMessages.Asked ask(@PathParam("code") String code, @CookieParam(ParticipantService.COOKIE) String token,
            @Valid @NotNull Ask ask) {
        return limits.question(client.key(), token,
                () -> qa.ask(code, token, ask.text(), ask.nickname(), ask.requestId()));
    }

    @POST
    @Path("questions/{id}/upvotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upvote another participant's question, once")
    public QaMessages.Upvoted upvote(@PathParam("code") String code, @PathParam("id") long id,
            @CookieParam(ParticipantService.COOKIE) String token, @Valid @NotNull Upvote upvote) {
        limits.vote(client.key(), token);
        return qa.upvote(code, token, id, upvote.requestId());
    }

    @PATCH
    @Path("questions/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Presenter: approve, mark answered or hide a question (X-Presenter-Key)")
    public QuestionView moderate(@PathParam("code") String code, @PathParam("id") long id,
            @HeaderParam("X-Presenter-Key") String key, @Valid @NotNull Moderation change) {
        return qa.moderate(code, key, id, change.approved(), change.answered(), change.hidden());
    }

    @GET
    @Path("qa")
    @Operation(summary = "The talk's Q&A settings")
    public QaMessages.Settings settings(@PathParam("code") String code) {
        limits.lookup(client.key());
        return qa.settings(code);
    }

    @PUT
    @Path("qa")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Presenter: switch Q&A and pre-moderation (X-Presenter-Key)")
    public QaMessages.Settings changeSettings(@PathParam("code") String code,
            @HeaderParam("X-Presenter-Key") String key, @Valid @NotNull SettingsChange change) {
        return qa.settings(code, key, change.enabled(), change.moderated());
    }
}
