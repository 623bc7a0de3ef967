package dk.afstemning.deck;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

    /** True when the upload is a PDF, known by its first bytes ({@code %PDF-}), whatever its name. */
    public static boolean isPdf(FileUpload deck) {
        try (InputStream in = Files.newInputStream(deck.uploadedFile())) {
            return PdfRenderer.isPdf(in.readNBytes(5));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the upload is a zip ({@code PK\3\4}): a PDF deck downloaded from the deck editor. */
    public static boolean isZip(FileUpload deck) {
        try (InputStream in = Files.newInputStream(deck.uploadedFile())) {
            return DeckArchive.isZip(in.readNBytes(4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
                throw new ApiProblem(413, "deck-too-large", "Deck too large",
                        "A deck may be at most " + DeckImporter.MAX_DECK_BYTES + " bytes; this one is " + deck.size());
            }
            byte[] bytes = Files.readAllBytes(deck.uploadedFile());
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            int control = ControlChars.first(text);
            if (control >= 0) {
                throw ApiProblem.invalidText(fileName(deck) + ":" + DeckParser.lineOf(text, control) + ": the deck",
                        ControlChars.name(text, control));
            }
            return text;
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("invalid-deck", deck.fileName() + ":1: deck is not valid UTF-8");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code work}, turning a {@link DeckException} into a 400 problem that names file and line:
     * {@code deck-too-large} for a deck over {@link DeckParser#MAX_SLIDES} or {@link DeckParser#MAX_POLLS} (the
     * dashboard says it in the page's language), {@code invalid-deck} for any other fault.
     */
    public static <T> T deckErrors(Supplier<T> work) {
        try {
            return work.get();
        } catch (DeckException e) {
            throw ApiProblem.badRequest(e.tooLarge() ? "deck-too-large" : "invalid-deck", e.getMessage());
        }
    }
}
