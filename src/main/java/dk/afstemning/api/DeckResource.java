package dk.afstemning.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dk.afstemning.account.Role;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.deck.DeckUploads;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.MaxChars;
import dk.afstemning.talk.Talk;

/**
 * Decks and the talks given from them: upload a deck (multipart, at most {@link DeckImporter#MAX_DECK_BYTES} bytes),
 * and give a stored deck again as a new talk. Organiser login only (form login session or HTTP Basic). A deck error is a 400 whose detail names the file and line.
 */
@Path("/api")
@RolesAllowed(Role.ORGANISER)
@Produces(MediaType.APPLICATION_JSON)
public class DeckResource {

    @Inject
    DeckImporter importer;

    /**
     * A talk just created; the only answer that holds its presenter key.
     *
     * @param code the join code
     * @param presenterKey the key that controls the talk
     * @param deckId the deck it is given from
     * @param participantPath the participant page, relative to the server
     * @param presenterPath the presenter screen with the key, relative to the server
     */
    public record TalkCreated(String code, String presenterKey, long deckId, String participantPath,
            String presenterPath) {
        static TalkCreated of(Talk talk) {
            return new TalkCreated(talk.joinCode, talk.presenterKey, talk.deck.id, "/t/" + talk.joinCode,
                    "/present/" + talk.joinCode + "?key=" + talk.presenterKey);
        }
    }

    /**
     * A stored deck and its talks.
     *
     * @param id deck id
     * @param name file name
     * @param folderFile file name in the slides folder, or null for an upload
     * @param updatedAt last change
     * @param talks the talks given from it, oldest first
     */
    public record DeckView(long id, String name, String folderFile, Instant updatedAt, List<TalkSummary> talks) {
    }

    /** @param code join code @param title title @param date date @param venue venue */
    public record TalkSummary(String code, String title, LocalDate date, String venue) {
    }

    /**
     * @param venue where the new talk is given, optional, at most 200 user-visible characters
     * @param date when, ISO {@code 2023-03-14}, optional (default today)
     */
    public record NewTalk(@MaxChars(200) @Size(max = 1000) String venue,
            @jakarta.validation.constraints.Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date such as 2023-03-14") String date) {

        LocalDate localDate() {
            try {
                return date == null ? null : LocalDate.parse(date);
            } catch (java.time.format.DateTimeParseException e) {
                throw ApiProblem.badRequest("invalid-date", "date '" + date + "' is not a calendar date");
            }
        }
    }

    @GET
    @Path("/decks")
    @Transactional
    @Operation(summary = "Every stored deck with its talks (organiser login)")
    public List<DeckView> list() {
        return DeckEntity.<DeckEntity>listAll().stream().map(d -> new DeckView(d.id, d.name, d.folderFile, d.updatedAt,
                Talk.listByDeck(d).stream().map(t -> new TalkSummary(t.joinCode, t.title, t.date, t.venue)).toList()))
                .toList();
    }

    @POST
    @Path("/decks")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a Markdown deck (form field 'deck') and create its first talk (organiser login)")
    public Response upload(@RestForm("deck") FileUpload deck) {
        String name = DeckUploads.fileName(deck);
        Talk talk = DeckUploads.deckErrors(() -> importer.uploadDeck(name, DeckUploads.read(deck)));
        return Response.status(201).entity(TalkCreated.of(talk)).build();
    }

    @POST
    @Path("/decks/{id}/talks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a stored deck again as a new talk with a fresh join code and no votes (organiser login)")
    public Response newTalk(@PathParam("id") long id,
            @Valid NewTalk body) {
        LocalDate date = body == null ? null : body.localDate();
        Talk talk = DeckUploads.deckErrors(() -> importer.newTalk(id, body == null ? null : body.venue(), date));
        return Response.status(201).entity(TalkCreated.of(talk)).build();
    }
}
