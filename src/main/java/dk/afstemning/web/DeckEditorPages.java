package dk.afstemning.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.TemplateInstance;

import dk.afstemning.deck.DeckEditor;
import dk.afstemning.deck.MarpDecks;
import dk.afstemning.deck.DeckBundle;
import dk.afstemning.deck.DeckException;
import dk.afstemning.deck.DeckProblem;
import dk.afstemning.deck.DeckRefusal;
import dk.afstemning.deck.DeckWarning;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.deck.PollForm;
import dk.afstemning.platform.TextInput;

/**
 * The deck editor's page, {@code /organiser/talks/{code}/deck}: plain forms that post an edit, which is saved at once,
 * and the page again. A poll the deck parser refuses comes back in its form with the parser's message. The work is
 * {@link DeckEditor}'s.
 */
@Path("/organiser/talks/{code}/deck")
@Produces(MediaType.TEXT_HTML)
public class DeckEditorPages {

    /** Option fields of the poll form. */
    static final int OPTION_FIELDS = 10;

    @Inject
    DeckEditor editor;

    @Inject
    MarpDecks marp;

    /**
     * The editor page.
     *
     * @param form the poll form when one is open: {@code add} after slide {@code formSlide}, {@code edit} of it
     * @param error the deck parser's message for a refused poll, or null
     */
    record editor(String lang, String otherLang, DeckEditor.EditorView deck, String formMode, int formSlide,
            PollForm form, List<String> optionFields, String notes, List<String> errors, List<String> typeKeys,
            MarpDecks.MarpDeck marp, List<Warning> warnings, List<String> images, List<String> imageErrors)
            implements TemplateInstance {
    }

    /** A deck warning as the page shows it: {@code {deckin:warn_…(line, subject)}} by its code, else its detail. */
    record Warning(String code, String line, String subject, String detail) {

        static Warning of(DeckWarning w) {
            return new Warning(w.code(), String.valueOf(w.line()), w.subject(), w.detail());
        }
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance page(@PathParam("code") String code, @QueryParam("add") Integer add,
            @QueryParam("edit") Integer edit, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        DeckEditor.EditorView deck = editor.view(code);
        PollForm form = null;
        String mode = null;
        int slide = 0;
        if (edit != null && edit >= 1 && edit <= deck.slides().size() && deck.slides().get(edit - 1).poll() != null) {
            mode = "edit";
            slide = edit;
            form = deck.slides().get(edit - 1).poll();
        } else if (add != null && add >= 0 && add <= deck.slides().size()) {
            mode = "add";
            slide = add;
            form = PollForm.empty("choice");
        }
        return render(deck, lang, accept, mode, slide, form, null, null);
    }

    @POST
    @Path("polls")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response addPoll(@PathParam("code") String code, MultivaluedMap<String, String> fields,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        int after = number(fields.getFirst("after"));
        PollForm form = form(fields);
        String notes = TextInput.clean("notes", fields.getFirst("notes"));
        try {
            int added = editor.addPoll(code, after, form, notes);
            return back(code, lang, added);
        } catch (DeckException e) {
            return refused(code, lang, accept, "add", after, form, notes, e);
        }
    }

    @POST
    @Path("slides/{n}/poll")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response editPoll(@PathParam("code") String code, @PathParam("n") int number,
            MultivaluedMap<String, String> fields, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        PollForm form = form(fields);
        try {
            editor.editPoll(code, number, form);
            return back(code, lang, number);
        } catch (DeckException e) {
            return refused(code, lang, accept, "edit", number, form, null, e);
        }
    }

    @POST
    @Path("slides/{n}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response move(@PathParam("code") String code, @PathParam("n") int number,
            MultivaluedMap<String, String> fields, @QueryParam("lang") String lang) {
        // direction -1 moves the slide up, 1 down
        int moved = editor.move(code, number, "-1".equals(fields.getFirst("direction")) ? -1 : 1);
        return back(code, lang, moved);
    }

    @POST
    @Path("slides/{n}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("code") String code, @PathParam("n") int number,
            @QueryParam("lang") String lang) {
        editor.deletePoll(code, number);
        return back(code, lang, Math.max(1, number - 1));
    }

    @POST
    @Path("slides/{n}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response notes(@PathParam("code") String code, @PathParam("n") int number,
            MultivaluedMap<String, String> fields, @QueryParam("lang") String lang) {
        editor.setNotes(code, number, TextInput.clean("notes", fields.getFirst("notes")));
        return back(code, lang, number);
    }

    /**
     * Adds an image to a Markdown deck (multipart field {@code image}); a refused image answers the page with the
     * reason in the page's language, as every deck error.
     */
    @POST
    @Path("images")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response addImage(@PathParam("code") String code, @RestForm("image") FileUpload image,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        try {
            if (image == null) {
                throw new DeckRefusal(400, "missing-image", "Bad request", DeckProblem.of("", 0, "image_missing"));
            }
            editor.addImage(code, DeckBundle.image(image.fileName(), image.uploadedFile()));
            return back(code, lang, 1);
        } catch (ApiProblem e) {
            if (e.status() == 403 || e.status() == 404) {
                throw e;
            }
            String language = Languages.choose(lang, accept, null);
            List<String> reasons = e instanceof DeckRefusal deck ? deck.lines(language) : List.of(e.detail());
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(render(editor.view(code), lang, accept, null, 0, null, null, null, reasons)).build();
        }
    }

    /** The deck as a file: a Markdown deck's {@code .md}, a PDF deck's zip (its PDF and {@code deck.md}). */
    @GET
    @Path("download")
    @Produces({"application/zip", "text/markdown"})
    @Operation(hidden = true)
    public Response download(@PathParam("code") String code) {
        DeckEditor.Download file = editor.download(code);
        return Response.ok(file.bytes()).type(file.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Cache-Control", "no-store").build();
    }

    private TemplateInstance render(DeckEditor.EditorView deck, String lang, String accept, String mode, int slide,
            PollForm form, String notes, List<String> errors) {
        return render(deck, lang, accept, mode, slide, form, notes, errors, null);
    }

    private TemplateInstance render(DeckEditor.EditorView deck, String lang, String accept, String mode, int slide,
            PollForm form, String notes, List<String> errors, List<String> imageErrors) {
        String language = Languages.choose(lang, accept, null);
        List<String> options = new ArrayList<>(form == null ? List.of() : form.options());
        while (options.size() < OPTION_FIELDS) {
            options.add("");
        }
        return PageResource.localized(new editor(language, Languages.other(language), deck, mode, slide, form,
                options, notes, errors, editor.typeKeys(), marp.forTalk(deck.code()).orElse(null),
                editor.warnings(deck.code()).stream().map(Warning::of).toList(), editor.images(deck.code()),
                imageErrors), language);
    }

    /** The page again with the form as sent and every fault of the poll, each with file and line, in the page's language. */
    private Response refused(String code, String lang, String accept, String mode, int slide, PollForm form,
            String notes, DeckException e) {
        List<String> errors = DeckProblem.lines(e, Languages.choose(lang, accept, null));
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE)
                .entity(render(editor.view(code), lang, accept, mode, slide, form, notes, errors)).build();
    }

    private static Response back(String code, String lang, int slide) {
        return Response.seeOther(URI.create("/organiser/talks/" + code + "/deck"
                + (lang == null || !Languages.SUPPORTED.contains(lang) ? "" : "?lang=" + lang) + "#slide-" + slide))
                .build();
    }

    /** The poll form's fields: id, type, question, {@code option} (repeated) and each poll block key by its name. */
    private PollForm form(MultivaluedMap<String, String> fields) {
        List<String> options = new ArrayList<>();
        for (String option : fields.getOrDefault("option", List.of())) {
            options.add(TextInput.clean("option", option));
        }
        Map<String, String> keys = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(PollForm.COMMON_KEYS);
        names.addAll(editor.typeKeys());
        for (String name : names) {
            String value = fields.getFirst(name);
            if (value != null) {
                keys.put(name, TextInput.clean(name, value));
            }
        }
        return new PollForm(TextInput.clean("id", fields.getFirst("id")), TextInput.clean("type", fields.getFirst("type")),
                TextInput.clean("question", fields.getFirst("question")), options, keys);
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
