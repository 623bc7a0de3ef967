package dk.afstemning.deck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

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
        return TalkCreated.of(importer.uploadDeck(name, markdown));
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
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        return importer.updateTalkDeckPdf(talk, pdf, PdfDecks.language(acceptLanguage)).joinCode;
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
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        return importer.updateTalkDeck(talk, name, markdown).joinCode;
    }
}
