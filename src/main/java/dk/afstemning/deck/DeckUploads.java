package dk.afstemning.deck;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import dk.afstemning.problem.ApiProblem;
import dk.afstemning.text.ControlChars;

/** Reading an uploaded deck (multipart form field {@code deck}) for the REST API, with its limits and errors. */
public final class DeckUploads {

    private DeckUploads() {
    }

    /** The upload's file name, made safe for messages. @throws ApiProblem 400 when the form field is missing */
    public static String fileName(FileUpload deck) {
        if (deck == null) {
            throw ApiProblem.badRequest("missing-deck", "Send the deck as the multipart form field 'deck'");
        }
        String name = deck.fileName() == null || deck.fileName().isBlank() ? "upload.md" : deck.fileName();
        return name.replaceAll("[^A-Za-z0-9._ -]", "_");
    }

    /**
     * The deck of an upload: one file, or a PowerPoint presentation with its PDF export (both in form field
     * {@code deck}).
     *
     * @param deck the deck's file
     * @param kind what it is, known by its content
     * @param pdf the PDF sent with a {@code .pptx}, or null
     */
    public record Upload(FileUpload deck, DeckFiles.Kind kind, FileUpload pdf) {
    }

    /**
     * The deck of the files of form field {@code deck}, each known by its content.
     *
     * @throws ApiProblem 400 {@code missing-deck} when there is none, {@code deck-files} when there are more than two
     *         or two that are not a {@code .pptx} and a PDF; the refusals of {@link DeckFiles#kind}
     */
    public static Upload upload(List<FileUpload> files) {
        if (files == null || files.isEmpty()) {
            fileName(null);
        }
        if (files.size() > 2) {
            throw filesRefused(files.size() + " files were sent");
        }
        FileUpload first = files.get(0);
        DeckFiles.Kind kind = DeckFiles.kind(fileName(first), first.uploadedFile());
        if (files.size() == 1) {
            return new Upload(first, kind, null);
        }
        FileUpload second = files.get(1);
        DeckFiles.Kind other = DeckFiles.kind(fileName(second), second.uploadedFile());
        if (kind == DeckFiles.Kind.PPTX && other == DeckFiles.Kind.PDF) {
            return new Upload(first, kind, second);
        }
        if (kind == DeckFiles.Kind.PDF && other == DeckFiles.Kind.PPTX) {
            return new Upload(second, other, first);
        }
        throw filesRefused(fileName(first) + " and " + fileName(second) + " are not a presentation and its PDF");
    }

    private static ApiProblem filesRefused(String what) {
        return ApiProblem.badRequest("deck-files", what + "; send one deck, or a PowerPoint presentation (.pptx) "
                + "together with its PDF export");
    }

    /** The uploaded file's bytes (a PDF, bounded by the renderer's limit before this is called). */
    public static byte[] bytes(FileUpload deck) {
        try {
            return Files.readAllBytes(deck.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The upload as UTF-8 text.
     *
     * @throws ApiProblem 413 over the size limit, 400 {@code invalid-deck} when not UTF-8, 400 {@code invalid-text}
     *         when it holds a control character (U+0000 and the like; tab and line breaks are fine)
     */
    public static String read(FileUpload deck) {
        try {
            if (deck.size() > DeckImporter.MAX_DECK_BYTES) {
                throw new DeckRefusal(413, "deck-too-large", "Deck too large", DeckProblem.of(fileName(deck), 0,
                        "upload_too_large", DeckImporter.MAX_DECK_BYTES, deck.size()));
            }
            byte[] bytes = Files.readAllBytes(deck.uploadedFile());
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            int control = ControlChars.first(text);
            if (control >= 0) {
                throw new DeckRefusal(400, "invalid-text", "Invalid text", DeckProblem.of(fileName(deck),
                        DeckParser.lineOf(text, control), "control_char_upload", ControlChars.name(text, control)));
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new DeckRefusal(400, "invalid-deck", "Bad request", DeckProblem.of(deck.fileName(), 1, "not_utf8"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code work}, turning a {@link DeckException} into a 400 {@link DeckRefusal} that lists every fault:
     * {@code deck-too-large} for a deck over {@link DeckParser#MAX_SLIDES} or {@link DeckParser#MAX_POLLS} (the
     * dashboard says it in the page's language), {@code invalid-deck} for any other fault; a deck of another format
     * ({@link DeckFormatException}) is a 415 {@code deck-format-slidev} or {@code deck-format-quarto}.
     */
    public static <T> T deckErrors(Supplier<T> work) {
        try {
            return work.get();
        } catch (DeckFormatException e) {
            throw new DeckRefusal(415, "deck-format-" + e.format(), "Not a Marp deck", e);
        } catch (DeckException e) {
            throw new DeckRefusal(400, e.tooLarge() ? "deck-too-large" : "invalid-deck", "Bad request", e);
        }
    }
}
