package dk.afstemning.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dk.afstemning.deck.DeckBundle;
import dk.afstemning.deck.DeckFiles;
import dk.afstemning.deck.DeckLibrary;
import dk.afstemning.deck.DeckUploads;
import dk.afstemning.deck.PdfRenderer;
import dk.afstemning.deck.PptxDecks;
import dk.afstemning.participant.ParticipantCookie;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.poll.PollService;
import dk.afstemning.poll.TalkView;

/** The talk API: look a talk up by join code, join it as a participant, and replace its deck (presenter). */
@Path("/api/talks/{code}")
@Produces(MediaType.APPLICATION_JSON)
public class TalkResource {

    @Inject
    PollService polls;

    @Inject
    ParticipantService participants;

    @Inject
    DeckLibrary decks;

    @Inject
    PdfRenderer pdfs;

    @Inject
    PptxDecks pptxDecks;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /**
     * Joined participant's id, also set as the {@code afstemning_pid} cookie that votes are made with.
     *
     * @param participantId the random participant token
     */
    public record Joined(String participantId) {
    }

    @GET
    @Operation(summary = "A talk and its polls, by join code")
    public TalkView get(@PathParam("code") String code) {
        limits.lookup(client.key());
        return polls.talkView(code);
    }

    @POST
    @Path("/participants")
    @Operation(summary = "Join a talk; reuses the participant cookie when present")
    public Response join(@PathParam("code") String code, @CookieParam(ParticipantService.COOKIE) String token) {
        String key = client.key();
        limits.lookup(key);
        String joined = participants.join(code, token, () -> limits.join(key));
        return Response.status(joined.equals(token) ? 200 : 201)
                .entity(new Joined(joined))
                .cookie(ParticipantCookie.of(joined)).build();
    }

    @PUT
    @Path("/deck")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Replace the talk's deck (form field 'deck', Markdown, PDF, PowerPoint, a .pptx and its PDF, or a deck zip); votes on polls with unchanged ids are kept, "
            + "removed polls archived (presenter key in X-Presenter-Key)")
    public DeckReplaced updateDeck(@PathParam("code") String code, @HeaderParam("X-Presenter-Key") String key,
            @RestForm("deck") List<FileUpload> files, @HeaderParam("Accept-Language") String accept) {
        DeckUploads.Upload upload = DeckUploads.upload(files);
        FileUpload deck = upload.deck();
        String name = DeckUploads.fileName(deck);
        if (upload.kind() == DeckFiles.Kind.PPTX) {
            // The key is checked before the presentation is converted, which happens outside any transaction.
            decks.requirePresenter(code, key);
            return DeckReplaced.of(polls.talkView(decks.updateTalkDeckPptx(code, key, pptxDecks.render(upload), accept)));
        }
        if (upload.kind() == DeckFiles.Kind.PDF) {
            // The key is checked before the PDF is rendered, which happens outside any transaction.
            decks.requirePresenter(code, key);
            PdfRenderer.RenderedPdf pdf = pdfs.render(name, deck.uploadedFile());
            return DeckReplaced.of(polls.talkView(decks.updateTalkDeckPdf(code, key, pdf, DeckUploads.bytes(deck), accept)));
        }
        if (upload.kind() == DeckFiles.Kind.DECK_ZIP) {
            // A PDF deck downloaded from the deck editor: its PDF rendered outside any transaction, after the key.
            decks.requirePresenter(code, key);
            return DeckReplaced.of(polls.talkView(DeckUploads.deckErrors(() -> decks.updateTalkDeckArchive(code, key,
                    deck.uploadedFile(), accept))));
        }
        if (upload.kind() == DeckFiles.Kind.MARKDOWN_ZIP) {
            // A Markdown deck with its images; the zip is read and checked before the transaction.
            DeckBundle.Contents bundle = DeckBundle.read(name, deck.uploadedFile());
            return DeckReplaced.of(polls.talkView(DeckUploads.deckErrors(() -> decks.updateTalkDeck(code, key,
                    bundle.deckName(), bundle.markdown(), bundle.images()))),
                    decks.warnings(bundle.deckName(), bundle.markdown(), bundle.images()));
        }
        String markdown = DeckUploads.read(deck);
        return DeckReplaced.of(polls.talkView(DeckUploads.deckErrors(() -> decks.updateTalkDeck(code, key, name,
                markdown))), decks.warnings(name, markdown, List.of()));
    }
}
