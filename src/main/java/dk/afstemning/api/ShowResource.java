package dk.afstemning.api;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.talk.ShowState;
import dk.afstemning.qa.QaService;
import dk.afstemning.talk.ShowService;

/** The show: which slide the presenter shows now. Phones and other presenter windows follow it live. */
@Path("/api/talks/{code}/show")
@Produces(MediaType.APPLICATION_JSON)
public class ShowResource {

    @Inject
    ShowService show;

    @Inject
    QaService qa;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /** @param slide the 1-based slide to show */
    public record GoTo(@NotNull Integer slide) {
    }

    /** @param overlay {@code join} (the join screen), {@code qa} (the Q&A wall) or {@code none} (the slide) */
    public record Overlay(@NotNull String overlay) {
    }

    /** @param questionId the question to put on the screen, or null to take it off */
    public record Spotlight(Long questionId) {
    }

    @GET
    @Operation(summary = "The current slide and its poll")
    public ShowState get(@PathParam("code") String code) {
        limits.lookup(client.key());
        return show.state(code);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the show to a slide (presenter key required in X-Presenter-Key)")
    public ShowState goTo(@PathParam("code") String code, @HeaderParam("X-Presenter-Key") String key,
            @Valid @NotNull GoTo body) {
        return show.goTo(code, key, body.slide());
    }

    @PUT
    @Path("/overlay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Show the join screen or the Q&A wall over the slides, or the slide again (presenter key "
            + "required in X-Presenter-Key)")
    public ShowState overlay(@PathParam("code") String code, @HeaderParam("X-Presenter-Key") String key,
            @Valid @NotNull Overlay body) {
        return show.overlay(code, key, body.overlay());
    }

    @PUT
    @Path("/question")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put one approved Q&A question on the screen, or take it off with questionId null (presenter "
            + "key required in X-Presenter-Key)")
    public ShowState spotlight(@PathParam("code") String code, @HeaderParam("X-Presenter-Key") String key,
            @Valid @NotNull Spotlight body) {
        return qa.spotlight(code, key, body.questionId());
    }
}
