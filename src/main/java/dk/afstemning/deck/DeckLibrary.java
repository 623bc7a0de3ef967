package dk.afstemning.deck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/**
 * The stored decks and the talks given from them, as the organiser API shows them: the service behind
 * {@code api/DeckResource} and the presenter's deck upload, so that the resources hold no entity.
 */
@ApplicationScoped
public class DeckLibrary {

    @Inject
    DeckImporter importer;

    @Inject
    TalkService talks;

    @Inject
    PdfRenderer pdfs;

    /**
     * A talk just created; the only answer that holds its presenter key.
     *
     * @param code the join code
     * @param presenterKey the key that controls the talk
     * @param deckId the deck it is given from
     * @param participantPath the participant page, relative to the server
     * @param presenterPath the presenter screen with the key, relative to the server
     * @param warnings what the deck holds that is ignored or missing (README "Decks"), empty when nothing
     */
    public record TalkCreated(String code, String presenterKey, long deckId, String participantPath,
            String presenterPath, List<DeckWarning> warnings) {
        static TalkCreated of(Talk talk) {
            return of(talk, List.of());
        }

        static TalkCreated of(Talk talk, List<DeckWarning> warnings) {
            return new TalkCreated(talk.joinCode, talk.presenterKey, talk.deck.id, "/t/" + talk.joinCode,
                    "/present/" + talk.joinCode + "?key=" + talk.presenterKey, warnings);
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
     * @param format {@code markdown} or {@code pdf}
     */
    public record DeckView(long id, String name, String folderFile, Instant updatedAt, List<TalkSummary> talks,
            String format) {
    }

    /** @param code join code @param title title @param date date @param venue venue */
    public record TalkSummary(String code, String title, LocalDate date, String venue) {
    }

    /** Every stored deck with its talks. */
    @Transactional
    public List<DeckView> list() {
        return DeckEntity.<DeckEntity>listAll().stream().map(d -> new DeckView(d.id, d.name, d.folderFile, d.updatedAt,
                Talk.listByDeck(d).stream().map(t -> new TalkSummary(t.joinCode, t.title, t.date, t.venue)).toList(),
                d.format)).toList();
    }

    /**
     * Stores an uploaded deck and creates its first talk.
     *
     * @throws DeckException when the deck is malformed; nothing is stored then
     */
    @Transactional
    public TalkCreated upload(String name, String markdown) {
        return upload(name, markdown, List.of());
    }

    /**
     * Stores an uploaded deck with its images (from a zip, {@link DeckBundle#read}) and creates its first talk.
     *
     * @throws DeckException when the deck is malformed or of another format; nothing is stored then
     */
    @Transactional
    public TalkCreated upload(String name, String markdown, List<DeckBundle.Image> images) {
        Talk talk = importer.uploadDeck(name, markdown, images);
        return TalkCreated.of(talk, importer.warnings(name, markdown, images));
    }

    /** What the organiser is told about a deck with these images (see {@link DeckWarning}). */
    public List<DeckWarning> warnings(String name, String markdown, List<DeckBundle.Image> images) {
        return importer.warnings(name, markdown, images);
    }

    /**
     * Stores a rendered PDF as a deck and creates its first talk.
     *
     * @param acceptLanguage the dashboard's language or the uploader's {@code Accept-Language}: the deck speaks
     *        Danish when it starts with {@code da}, else English
     */
    @Transactional
    public TalkCreated uploadPdf(PdfRenderer.RenderedPdf pdf, String acceptLanguage) {
        return TalkCreated.of(importer.uploadPdf(pdf, PdfDecks.language(acceptLanguage)));
    }

    /** Like {@link #uploadPdf(PdfRenderer.RenderedPdf, String)}, keeping the PDF's bytes for the deck's download. */
    @Transactional
    public TalkCreated uploadPdf(PdfRenderer.RenderedPdf pdf, byte[] original, String acceptLanguage) {
        return TalkCreated.of(importer.uploadPdf(pdf, original, PdfDecks.language(acceptLanguage), null));
    }

    /**
     * A deck downloaded from the deck editor, uploaded again: its PDF is rendered (in the PDF pool, outside any
     * transaction) and stored with its manifest, the same slides, polls and notes, as a new deck and talk.
     *
     * @throws dk.afstemning.problem.ApiProblem 400 {@code invalid-archive}, 413 {@code archive-too-large} (see
     *         {@link DeckArchive#read}), and the PDF's problems
     * @throws DeckException when the manifest is malformed or names a page the PDF lacks; nothing is stored then
     */
    public TalkCreated uploadArchive(Path zip, String acceptLanguage) {
        return TalkCreated.of(fromArchive(zip, (pdf, contents) -> importer.uploadPdf(pdf, contents.pdf(),
                PdfDecks.language(acceptLanguage), contents.manifest())));
    }

    /**
     * Replaces one talk's deck with a deck zip from the deck editor, for its presenter; like {@link #uploadArchive}
     * and {@link #updateTalkDeckPdf}.
     *
     * @return the talk's join code
     */
    public String updateTalkDeckArchive(String code, String presenterKey, Path zip, String acceptLanguage) {
        return fromArchive(zip, (pdf, contents) -> {
            Talk talk = talks.require(code);
            talks.requirePresenter(talk, presenterKey);
            return importer.updateTalkDeckArchive(talk, pdf, contents.pdf(), contents.manifest());
        }).joinCode;
    }

    /** Reads a deck zip, renders its PDF in the PDF pool, then stores it (in {@code store}'s transaction). */
    private Talk fromArchive(Path zip, BiFunction<PdfRenderer.RenderedPdf, DeckArchive.Contents, Talk> store) {
        DeckArchive.Contents contents;
        try (InputStream in = Files.newInputStream(zip)) {
            contents = DeckArchive.read(in, pdfs.limits().maxBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path pdfFile = null;
        try {
            pdfFile = Files.createTempFile("afstemning-deck-", ".pdf");
            Files.write(pdfFile, contents.pdf());
            PdfRenderer.RenderedPdf pdf = pdfs.render(contents.pdfName(), pdfFile);
            return store.apply(pdf, contents);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (pdfFile != null) {
                try {
                    Files.deleteIfExists(pdfFile);
                } catch (IOException e) {
                    Log.debugf(e, "Temporary PDF %s not deleted", pdfFile);
                }
            }
        }
    }

    /** Stores a converted and rendered PowerPoint deck and creates its first talk; like {@link #uploadPdf}. */
    @Transactional
    public TalkCreated uploadPptx(PptxDecks.PptxDeck pptx, String acceptLanguage) {
        return TalkCreated.of(importer.uploadPptx(pptx, PdfDecks.language(acceptLanguage)));
    }

    /** Replaces one talk's deck with a PowerPoint deck, for its presenter; like {@link #updateTalkDeckPdf}. */
    @Transactional
    public String updateTalkDeckPptx(String code, String presenterKey, PptxDecks.PptxDeck pptx,
            String acceptLanguage) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        return importer.updateTalkDeckPptx(talk, pptx, PdfDecks.language(acceptLanguage)).joinCode;
    }

    /**
     * Checks that the key runs the talk, before a PDF is rendered for it.
     *
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk, 403 wrong presenter key
     */
    @Transactional
    public void requirePresenter(String code, String presenterKey) {
        talks.requirePresenter(talks.require(code), presenterKey);
    }

    /**
     * Replaces one talk's deck with a rendered PDF, for its presenter.
     *
     * @return the talk's join code
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk, 403 wrong presenter key
     */
    @Transactional
    public String updateTalkDeckPdf(String code, String presenterKey, PdfRenderer.RenderedPdf pdf,
            String acceptLanguage) {
        return updateTalkDeckPdf(code, presenterKey, pdf, null, acceptLanguage);
    }

    /** Like {@link #updateTalkDeckPdf(String, String, PdfRenderer.RenderedPdf, String)}, keeping the PDF's bytes. */
    @Transactional
    public String updateTalkDeckPdf(String code, String presenterKey, PdfRenderer.RenderedPdf pdf, byte[] original,
            String acceptLanguage) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        return importer.updateTalkDeckPdf(talk, pdf, original, PdfDecks.language(acceptLanguage)).joinCode;
    }

    /**
     * Gives a stored deck again as a new talk with a fresh join code and no votes.
     *
     * @throws DeckException when the stored deck no longer parses
     * @throws dk.afstemning.problem.ApiProblem 404 for an unknown deck
     */
    @Transactional
    public TalkCreated newTalk(long deckId, String venue, LocalDate date) {
        return TalkCreated.of(importer.newTalk(deckId, venue, date));
    }

    /**
     * Replaces one talk's deck, for its presenter.
     *
     * @return the talk's join code
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk, 403 wrong presenter key
     * @throws DeckException when the deck is malformed; nothing is changed then
     */
    @Transactional
    public String updateTalkDeck(String code, String presenterKey, String name, String markdown) {
        return updateTalkDeck(code, presenterKey, name, markdown, List.of());
    }

    /** Like {@link #updateTalkDeck(String, String, String, String)}, with the deck's images from a zip. */
    @Transactional
    public String updateTalkDeck(String code, String presenterKey, String name, String markdown,
            List<DeckBundle.Image> images) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        return importer.updateTalkDeck(talk, name, markdown, images).joinCode;
    }
}
