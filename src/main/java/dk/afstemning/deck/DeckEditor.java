package dk.afstemning.deck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.DeckFile;
import dk.afstemning.talk.DeckPage;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/**
 * The deck editor behind {@code /organiser/talks/{code}/deck}: a talk's slides with their notes and polls, and the
 * edits a speaker makes without writing Markdown (add, edit, move and delete poll slides; speaker notes). Each edit
 * writes the deck's text (Markdown, or a PDF deck's manifest) with every other slide byte for byte as it was, checks
 * it with the deck parser, and saves it through {@link DeckImporter#replaceSource}. Access as for replacing the
 * talk's deck: an organiser, or a presenter login the talk is assigned to.
 */
@ApplicationScoped
public class DeckEditor {

    /** Comments of a slide that are not its speaker notes: a manifest's page and Marp's directives. */
    private static final Predicate<String> KEEP = inner -> PdfDecks.PAGE_COMMENT.matcher(inner).matches()
            || !MarpComments.isNote(inner, false);

    @Inject
    DeckParser parser;

    @Inject
    DeckImporter importer;

    @Inject
    PollTypes types;

    @Inject
    TalkService talks;

    /**
     * One slide as the editor lists it.
     *
     * @param number 1-based position
     * @param kind {@code page} (a PDF page), {@code poll} or {@code slide} (Markdown)
     * @param title its title, or null
     * @param thumb a PDF page's thumbnail URL, or null
     * @param html a Markdown slide's HTML (sanitised by the parser), or null
     * @param notes its speaker notes, or null
     * @param poll its poll, or null
     */
    public record EditorSlide(int number, String kind, String title, String thumb, String html, String notes,
            PollForm poll) {
    }

    /**
     * A talk's deck in the editor.
     *
     * @param code the join code
     * @param talkId the talk's id (its results page)
     * @param title the deck's title
     * @param format {@code markdown} or {@code pdf}
     * @param slides the slides in order
     * @param typeKeys each poll type's own keys, by type name, with {@code options} for a type that has options
     */
    public record EditorView(String code, long talkId, String title, String format, List<EditorSlide> slides,
            Map<String, List<String>> typeKeys) {
    }

    /** A file to download: its name, media type and bytes. */
    public record Download(String fileName, String mediaType, byte[] bytes) {
    }

    /** The talk's deck in the editor. */
    @Transactional
    public EditorView view(String code) {
        Loaded loaded = load(code);
        List<EditorSlide> slides = new ArrayList<>();
        for (DeckSlide s : loaded.raw.slides()) {
            int page = loaded.pdf ? PdfDecks.page(s.notes()) : 0;
            PollForm poll = s.poll() == null ? null : pollForm(loaded.source.get(s.number() - 1).body());
            if (page > 0 && page <= loaded.pages.size()) {
                DeckPage p = loaded.pages.get(page - 1);
                slides.add(new EditorSlide(s.number(), "page", PageText.title(p.text), PdfDecks.IMAGES + p.thumbHash,
                        null, PdfDecks.notes(s.notes()), poll));
            } else {
                slides.add(new EditorSlide(s.number(), poll != null ? "poll" : "slide",
                        poll != null ? poll.question() : s.title(), null, s.html(), s.notes(), poll));
            }
        }
        Map<String, List<String>> typeKeys = new TreeMap<>();
        for (PollType type : types.all()) {
            List<String> keys = new ArrayList<>();
            if (type.hasOptions()) {
                keys.add("options");
            }
            type.deckKeys().stream().sorted().forEach(keys::add);
            typeKeys.put(type.name(), keys);
        }
        return new EditorView(loaded.talk.joinCode, loaded.talk.id, loaded.raw.title(), loaded.talk.deck.format,
                slides, typeKeys);
    }

    /** Every key some type adds to a poll block, for the form's fields. */
    public List<String> typeKeys() {
        return List.copyOf(types.deckKeys());
    }

    /**
     * Adds a poll slide after slide {@code after} (0: before the first).
     *
     * @return the new slide's number
     * @throws DeckException when the poll is not valid: the poll block's message
     */
    @Transactional
    public int addPoll(String code, int after, PollForm form, String notes) {
        Loaded loaded = load(code);
        check(after, 0, loaded.source.size());
        String id = form.id() == null || form.id().isBlank() ? freeId(loaded.raw, form.question()) : form.id().strip();
        loaded.source.insert(after, form.slide(types, id, notes));
        save(loaded);
        return after + 1;
    }

    /**
     * Replaces the poll of slide {@code number} with the form's; the slide's other content stays. An option whose text
     * is unchanged keeps its explicit id, so its votes stay with it.
     *
     * @throws DeckException when the poll is not valid
     */
    @Transactional
    public void editPoll(String code, int number, PollForm form) {
        Loaded loaded = load(code);
        String body = pollSlide(loaded, number).body();
        int[] block = DeckSource.pollBlock(body);
        String fence = body.substring(block[0], body.indexOf('\n', block[0]) + 1);
        int closing = body.lastIndexOf('\n', block[1] - 2) + 1;
        String yaml = body.substring(block[0] + fence.length(), closing);
        Map<?, ?> previous = PollForm.load(yaml);
        String id = form.id() == null || form.id().isBlank() ? String.valueOf(previous.get("id")) : form.id().strip();
        String updated = body.substring(0, block[0]) + fence + form.yaml(types, id, previous) + body.substring(closing);
        String oldHeading = "## " + PollForm.heading(String.valueOf(previous.get("question")).strip()) + "\n";
        if (updated.startsWith(oldHeading) && form.question() != null) {
            updated = "## " + PollForm.heading(form.question().strip()) + "\n" + updated.substring(oldHeading.length());
        }
        loaded.source.set(number - 1, updated);
        save(loaded);
    }

    /** Deletes poll slide {@code number}; its poll is archived with its votes. */
    @Transactional
    public void deletePoll(String code, int number) {
        Loaded loaded = load(code);
        pollSlide(loaded, number);
        loaded.source.remove(number - 1);
        save(loaded);
    }

    /**
     * Moves poll slide {@code number} one place up ({@code -1}) or down ({@code 1}).
     *
     * @return its new number
     */
    @Transactional
    public int move(String code, int number, int delta) {
        Loaded loaded = load(code);
        pollSlide(loaded, number);
        int target = number + Integer.signum(delta);
        check(target, 1, loaded.source.size());
        loaded.source.swap(number - 1, target - 1);
        save(loaded);
        return target;
    }

    /** Sets the speaker notes of slide {@code number}; blank removes them. */
    @Transactional
    public void setNotes(String code, int number, String notes) {
        Loaded loaded = load(code);
        check(number, 1, loaded.source.size());
        loaded.source.set(number - 1, DeckSource.withNotes(loaded.source.get(number - 1).body(), notes, KEEP));
        save(loaded);
    }

    /**
     * The deck as a file the speaker keeps: a Markdown deck's {@code .md}; a PDF deck's zip of its PDF and manifest.
     *
     * @throws ApiProblem 409 {@code pdf-not-kept} for a PDF deck uploaded before its PDF was kept
     */
    @Transactional
    public Download download(String code) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, null);
        DeckEntity deck = talk.deck;
        String base = deck.name.replaceAll("(?i)\\.(md|markdown|pdf|pptx|zip)$", "")
                .replaceAll("[^A-Za-z0-9._ -]", "_");
        if (base.isBlank()) {
            base = "deck";
        }
        if (!DeckEntity.PDF.equals(deck.format)) {
            return new Download(base + ".md", "text/markdown; charset=UTF-8",
                    deck.markdown.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        DeckFile file = DeckFile.findByHash(deck.fileHash).orElseThrow(() -> new ApiProblem(409, "pdf-not-kept",
                "PDF not kept", "This deck was uploaded before PDFs were kept; upload its PDF again to download it"));
        return new Download(base + ".zip", "application/zip",
                DeckArchive.write(base + ".pdf", file.bytes, deck.markdown));
    }

    /** What the organiser is told about the talk's deck (see {@link DeckWarning}); none for a PDF deck. */
    @Transactional
    public List<DeckWarning> warnings(String code) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, null);
        return importer.warnings(talk.deck);
    }

    /** The names of the images uploaded with the talk's deck, in name order. */
    @Transactional
    public List<String> images(String code) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, null);
        return dk.afstemning.talk.DeckAsset.listByDeck(talk.deck).stream().map(a -> a.name).toList();
    }

    /**
     * Adds an image to the talk's Markdown deck, referred to by its name ({@link DeckBundle#image}); slides that
     * already name it show it at once.
     *
     * @throws ApiProblem 400 {@code not-a-markdown-deck} for a PDF deck
     */
    @Transactional
    public void addImage(String code, DeckBundle.Image image) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, null);
        importer.addImage(talk, image);
    }

    private record Loaded(Talk talk, boolean pdf, List<DeckPage> pages, Deck raw, DeckSource source, String text) {
    }

    private Loaded load(String code) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, null);
        DeckEntity deck = talk.deck;
        boolean pdf = DeckEntity.PDF.equals(deck.format);
        List<DeckPage> pages = pdf ? DeckPage.listByDeck(deck) : List.of();
        String text = pdf && PdfDecks.isFrontMatterOnly(deck.markdown) ? PdfDecks.explicit(deck.markdown, pages.size())
                : deck.markdown;
        Deck raw = pdf ? parser.parse(deck.name, text) : parser.parse(deck.name, text, DeckImporter.assets(deck));
        return new Loaded(talk, pdf, pages, raw, DeckSource.of(text, raw), text);
    }

    private void save(Loaded loaded) {
        String text = loaded.source.text();
        if (!text.equals(loaded.talk.deck.markdown)) {
            importer.replaceSource(loaded.talk, text);
        }
    }

    private static DeckSource.Segment pollSlide(Loaded loaded, int number) {
        check(number, 1, loaded.source.size());
        DeckSource.Segment segment = loaded.source.get(number - 1);
        if (loaded.raw.slides().get(number - 1).poll() == null || DeckSource.pollBlock(segment.body()) == null) {
            throw ApiProblem.badRequest("not-a-poll-slide", "Slide " + number + " has no poll");
        }
        return segment;
    }

    private static PollForm pollForm(String body) {
        int[] block = DeckSource.pollBlock(body);
        if (block == null) {
            return null;
        }
        int open = body.indexOf('\n', block[0]) + 1;
        int closing = body.lastIndexOf('\n', block[1] - 2) + 1;
        return PollForm.of(body.substring(open, Math.max(open, closing)));
    }

    private static void check(int number, int min, int max) {
        if (number < min || number > max) {
            throw ApiProblem.badRequest("no-such-slide", "There is no slide " + number);
        }
    }

    /** A poll id made from the question that no poll of the deck has yet. */
    private static String freeId(Deck deck, String question) {
        Set<String> used = new HashSet<>();
        deck.polls().forEach(p -> used.add(p.id()));
        String base = PollForm.idFrom(question);
        String id = base;
        for (int i = 2; used.contains(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }
}
