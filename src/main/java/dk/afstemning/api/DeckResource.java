package dk.afstemning.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import dk.afstemning.deck.DeckBundle;
import dk.afstemning.deck.DeckFiles;
import dk.afstemning.deck.DeckLibrary;
import dk.afstemning.deck.DeckLibrary.DeckView;
import dk.afstemning.deck.DeckLibrary.TalkCreated;
import dk.afstemning.deck.DeckUploads;
import dk.afstemning.deck.PdfRenderer;
import dk.afstemning.deck.PptxDecks;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.MaxChars;

/**
 * Decks and the talks given from them: upload a deck (multipart; Markdown of at most
 * {@link dk.afstemning.deck.DeckImporter#MAX_DECK_BYTES} bytes, a PDF or a PowerPoint presentation, known by their content),
 * and give a stored deck again as a new talk. Organiser login only (form login session or HTTP Basic). A deck error is a 400 whose detail names the file and line.
 */
@Path("/api")
@RolesAllowed(Role.ORGANISER)
@Produces(MediaType.APPLICATION_JSON)
public class DeckResource {

    @Inject
    DeckLibrary decks;

    @Inject
    PdfRenderer pdfs;

    @Inject
    PptxDecks pptxDecks;

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
    @Operation(summary = "Every stored deck with its talks (organiser login)")
    public List<DeckView> list() {
        return decks.list();
    }

    @POST
    @Path("/decks")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a Markdown, PDF or PowerPoint deck, a .pptx and its PDF, a PDF deck's zip from the deck "
            + "editor, or a zip of a Markdown deck and its images (form field 'deck'), and create its first talk "
            + "(organiser login); the answer's 'warnings' list what the deck holds that is ignored or missing")
    public Response upload(@RestForm("deck") List<FileUpload> files, @RestForm("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        DeckUploads.Upload upload = DeckUploads.upload(files);
        FileUpload deck = upload.deck();
        String name = DeckUploads.fileName(deck);
        if (upload.kind() == DeckFiles.Kind.PPTX) {
            // Converted and rendered in their pools, outside any transaction; only storing the pages is one.
            PptxDecks.PptxDeck pptx = pptxDecks.render(upload);
            return Response.status(201).entity(decks.uploadPptx(pptx, lang != null ? lang : accept)).build();
        }
        if (upload.kind() == DeckFiles.Kind.PDF) {
            // Rendered in the PDF pool, outside any transaction; only storing the pages is one.
            PdfRenderer.RenderedPdf pdf = pdfs.render(name, deck.uploadedFile());
            // A PDF deck speaks the language of the page it was uploaded from (form field lang), else the browser's.
            return Response.status(201).entity(decks.uploadPdf(pdf, DeckUploads.bytes(deck), lang != null ? lang : accept))
                    .build();
        }
        if (upload.kind() == DeckFiles.Kind.DECK_ZIP) {
            // A PDF deck downloaded from the deck editor: its PDF and manifest (deck.md) again as a new deck.
            TalkCreated talk = DeckUploads.deckErrors(() -> decks.uploadArchive(deck.uploadedFile(),
                    lang != null ? lang : accept));
            return Response.status(201).entity(talk).build();
        }
        if (upload.kind() == DeckFiles.Kind.MARKDOWN_ZIP) {
            // A Markdown deck with its images; the zip is read and checked before the transaction.
            DeckBundle.Contents bundle = DeckBundle.read(name, deck.uploadedFile());
            return Response.status(201).entity(DeckUploads.deckErrors(() -> decks.upload(bundle.deckName(),
                    bundle.markdown(), bundle.images()))).build();
        }
        TalkCreated talk = DeckUploads.deckErrors(() -> decks.upload(name, DeckUploads.read(deck)));
        return Response.status(201).entity(talk).build();
    }

    @POST
    @Path("/decks/{id}/talks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a stored deck again as a new talk with a fresh join code and no votes (organiser login)")
    public Response newTalk(@PathParam("id") long id,
            @Valid NewTalk body) {
        LocalDate date = body == null ? null : body.localDate();
        TalkCreated talk = DeckUploads.deckErrors(() -> decks.newTalk(id, body == null ? null : body.venue(), date));
        return Response.status(201).entity(talk).build();
    }
}
