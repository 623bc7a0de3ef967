package dk.afstemning.deck;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollChanged;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.ShowChanged;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.DeckAsset;
import dk.afstemning.text.Graphemes;
import dk.afstemning.talk.DeckEntity;
import dk.afstemning.talk.DeckFile;
import dk.afstemning.talk.DeckImage;
import dk.afstemning.talk.DeckPage;
import dk.afstemning.text.LogText;

/**
 * Imports decks and gives them as talks. A deck of the slides folder is found again by file name: importing it again
 * updates the slides and polls of its talks and keeps their join codes, presenter keys and votes. Polls and options
 * are matched by their stable ids; those removed from the deck are archived with their votes, never deleted.
 */
@ApplicationScoped
public class DeckImporter {

    /** Where images next to the decks in the slides folder are served; see {@code SlideAssetResource}. */
    public static final String FOLDER_ASSETS = "/slides/";

    /** Largest deck file accepted, in bytes. */
    public static final long MAX_DECK_BYTES = 512 * 1024;

    @Inject
    DeckParser parser;

    @Inject
    Event<ShowChanged> showChanges;

    @Inject
    Event<PollChanged> pollChanges;

    /**
     * The outcome of importing a folder.
     *
     * @param talks the talks imported, in file name order
     * @param errors one message per deck that could not be imported, each starting with {@code file:line:}
     */
    public record Report(List<Talk> talks, List<String> errors) {
    }

    /** Imports every {@code *.md} file of {@code folder}; a bad deck is reported and the others still load. */
    public Report importFolder(Path folder) {
        List<Talk> talks = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            Log.warnf("Slides folder %s does not exist; no decks imported", folder.toAbsolutePath());
            return new Report(talks, errors);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            errors.add(folder + ":0: cannot list the slides folder: " + e.getMessage());
            return new Report(talks, errors);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                talks.addAll(importFolderDeck(name, read(file)));
            } catch (DeckException e) {
                Log.errorf("Deck not imported: %s", e.getMessage());
                errors.add(e.getMessage());
            } catch (RuntimeException e) {
                // A deck the parser took but the database refused (a fault of ours) is still one bad deck: the
                // others load and the app starts.
                Log.errorf(e, "Deck not imported: %s:1: could not be stored", name);
                errors.add(name + ":1: could not be stored");
            }
        }
        return new Report(talks, errors);
    }

    private static String read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_DECK_BYTES) {
                throw DeckException.of(name, 1, "deck_too_many_bytes", MAX_DECK_BYTES);
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw DeckException.of(name, 1, "not_utf8");
        } catch (IOException e) {
            throw DeckException.of(name, 1, "cannot_read", e.getMessage());
        }
    }

    /**
     * Imports a deck of the slides folder by file name: the first time it creates the deck and its first talk; after
     * that, changed content updates every talk given from the deck, keeping join codes, keys and votes.
     *
     * @return the deck's talks, oldest first
     * @throws DeckException when the deck is malformed; nothing is changed then
     */
    @Transactional
    public List<Talk> importFolderDeck(String file, String markdown) {
        DeckFormats.refuseOtherFormats(file, markdown);
        Deck deck = parser.parse(file, markdown, FOLDER_ASSETS);
        DeckEntity entity = DeckEntity.findByFolderFile(file).orElse(null);
        if (entity == null) {
            entity = new DeckEntity();
            entity.folderFile = file;
            entity.name = file;
            entity.markdown = markdown;
            entity.updatedAt = Instant.now();
            entity.persist();
        } else if (!entity.markdown.equals(markdown)) {
            entity.markdown = markdown;
            entity.updatedAt = Instant.now();
            for (Talk talk : Talk.listByDeck(entity)) {
                sync(talk, deck);
                announce(talk);
            }
        }
        List<Talk> talks = Talk.listByDeck(entity);
        if (talks.isEmpty()) {
            talks = List.of(createTalk(entity, deck, null, deck.date()));
        }
        return talks;
    }

    /** Imports a deck of the slides folder and returns its first talk; see {@link #importFolderDeck}. */
    @Transactional
    public Talk importDeck(String file, String markdown) {
        return importFolderDeck(file, markdown).get(0);
    }

    /**
     * Stores an uploaded deck and creates its first talk.
     *
     * @param name the uploaded file's name, for messages
     * @throws DeckException when the deck is malformed; nothing is stored then
     */
    @Transactional
    public Talk uploadDeck(String name, String markdown) {
        return uploadDeck(name, markdown, List.of());
    }

    /**
     * Stores an uploaded deck with its images (a zip, see {@link DeckBundle}) and creates its first talk; its relative
     * image paths lead to those images.
     *
     * @throws DeckException when the deck is malformed or of another format; nothing is stored then
     */
    @Transactional
    public Talk uploadDeck(String name, String markdown, List<DeckBundle.Image> images) {
        DeckFormats.refuseOtherFormats(name, markdown);
        Deck deck = parser.parse(name, markdown, DeckAssets.uploaded(hashes(images)));
        DeckEntity entity = storeUpload(name, markdown);
        storeImages(entity, images);
        return createTalk(entity, deck, null, deck.date());
    }

    /**
     * What the organiser is told about an uploaded deck (see {@link DeckWarning}): what is ignored, and the relative
     * images that are not among {@code images}.
     */
    public List<DeckWarning> warnings(String name, String markdown, List<DeckBundle.Image> images) {
        List<DeckWarning> warnings = new ArrayList<>(
                DeckFormats.warnings(name, markdown, parser.parse(name, markdown).slides().size()));
        warnings.addAll(DeckAssets.missing(name, markdown, hashes(images).keySet()));
        return warnings;
    }

    /** The warnings of a stored deck, for the deck editor; a deck of the slides folder has no missing images here. */
    public List<DeckWarning> warnings(DeckEntity deck) {
        if (DeckEntity.PDF.equals(deck.format)) {
            return List.of();
        }
        List<DeckWarning> warnings = new ArrayList<>(DeckFormats.warnings(deck.name, deck.markdown,
                parser.parse(deck.name, deck.markdown).slides().size()));
        if (deck.folderFile == null) {
            warnings.addAll(DeckAssets.missing(deck.name, deck.markdown,
                    DeckAsset.listByDeck(deck).stream().map(a -> a.name).collect(Collectors.toSet())));
        }
        return warnings;
    }

    /**
     * Adds an image to a talk's Markdown deck under {@code image.name()}, so that the deck can refer to it
     * ({@code ![](name)}); a deck that other talks or the slides folder share is copied for this talk first.
     */
    @Transactional
    public Talk addImage(Talk talk, DeckBundle.Image image) {
        Talk managed = Talk.findById(talk.id);
        if (DeckEntity.PDF.equals(managed.deck.format)) {
            throw ApiProblem.badRequest("not-a-markdown-deck", "Images are added to Markdown decks; this deck is a PDF");
        }
        java.util.function.UnaryOperator<String> before = assets(managed.deck);
        // An uploaded deck's missing img/chart.png is where an added chart.png goes (README "Uploads with images").
        DeckBundle.Image placed = image;
        if (managed.deck.folderFile == null) {
            String place = DeckAssets.placeFor(managed.deck.markdown, DeckAsset.listByDeck(managed.deck).stream()
                    .map(a -> a.name).collect(Collectors.toSet()), image.name());
            placed = new DeckBundle.Image(place, image.mediaType(), image.bytes(), image.hash());
        }
        DeckEntity deck = ownDeck(managed, managed.deck.markdown);
        storeImages(deck, List.of(placed));
        managed.deck = deck;
        java.util.function.UnaryOperator<String> uploaded = assets(deck);
        // A copy of a slides-folder deck keeps finding the folder's images for the paths it did not get an image for.
        sync(managed, parser.parse(deck.name, deck.markdown, src -> {
            String url = uploaded.apply(src);
            return url != null ? url : before.apply(src);
        }));
        announce(managed);
        return managed;
    }

    /** Where a stored deck's relative image paths lead: the slides folder's files, or the images uploaded with it. */
    static java.util.function.UnaryOperator<String> assets(DeckEntity deck) {
        if (deck.folderFile != null) {
            return DeckAssets.folder(FOLDER_ASSETS);
        }
        return DeckAssets.uploaded(DeckAsset.listByDeck(deck).stream()
                .collect(Collectors.toMap(a -> a.name, a -> a.imageHash)));
    }

    private static Map<String, String> hashes(List<DeckBundle.Image> images) {
        Map<String, String> hashes = new java.util.HashMap<>();
        images.forEach(i -> hashes.put(i.name(), i.hash()));
        return hashes;
    }

    private static void storeImages(DeckEntity deck, List<DeckBundle.Image> images) {
        for (DeckBundle.Image image : images) {
            DeckImage.storeOnce(image.hash(), image.mediaType(), image.bytes());
        }
        // The images go to the database before the deck's rows refer to them.
        DeckImage.flush();
        images.forEach(image -> DeckAsset.put(deck, image.name(), image.hash()));
    }

    /**
     * Gives a stored deck again as a new talk: a fresh join code and presenter key, no votes.
     *
     * @param venue where, may be null
     * @param date when, may be null (then today)
     * @throws dk.afstemning.problem.ApiProblem 404 when there is no such deck
     */
    @Transactional
    public Talk newTalk(long deckId, String venue, LocalDate date) {
        DeckEntity deck = DeckEntity.<DeckEntity>findByIdOptional(deckId)
                .orElseThrow(() -> ApiProblem.notFound("deck", "No deck has the id " + deckId));
        return createTalk(deck, stored(deck), venue, date != null ? date : LocalDate.now());
    }

    /**
     * Stores a rendered PDF as a deck (its pages, text and images) and creates its first talk. Call it with the
     * rendering done: the transaction only writes.
     *
     * @param language the deck's language, {@code da} or {@code en}
     */
    @Transactional
    public Talk uploadPdf(PdfRenderer.RenderedPdf pdf, String language) {
        return uploadPdf(pdf, null, language, null);
    }

    /**
     * Stores a rendered PDF with its own bytes (kept for download) and, for a deck uploaded again from its zip, its
     * manifest; then creates its first talk.
     *
     * @param original the uploaded PDF's bytes, or null
     * @param manifest the deck's manifest, or null for one of front matter only (every page, in order)
     * @throws DeckException when the manifest is malformed or names a page the PDF lacks; nothing is stored then
     */
    @Transactional
    public Talk uploadPdf(PdfRenderer.RenderedPdf pdf, byte[] original, String language, String manifest) {
        DeckEntity entity = storePdf(pdf, manifest != null ? manifest : PdfDecks.manifest(PdfDecks.title(pdf), language),
                original);
        return createTalk(entity, PdfDecks.deck(parser, entity, DeckPage.listByDeck(entity)), null, null);
    }

    /** The stored deck, parsed: a Markdown deck as Markdown, a PDF deck from its manifest and pages. */
    Deck stored(DeckEntity deck) {
        return DeckEntity.PDF.equals(deck.format) ? PdfDecks.deck(parser, deck, DeckPage.listByDeck(deck))
                : parser.parse(deck.name, deck.markdown, assets(deck));
    }

    /**
     * The deck editor's save: the talk's deck gets this text (Markdown, or a PDF deck's manifest) through the same
     * path as a deck upload: polls whose id is unchanged keep their votes, removed polls are archived. A deck that
     * other talks or the slides folder share is copied first, so they are not touched.
     *
     * @throws DeckException when the text is malformed; nothing is changed then
     */
    @Transactional
    public Talk replaceSource(Talk talk, String text) {
        Talk managed = Talk.findById(talk.id);
        DeckEntity old = managed.deck;
        boolean pdf = DeckEntity.PDF.equals(old.format);
        List<DeckPage> pages = pdf ? DeckPage.listByDeck(old) : List.of();
        Deck deck = pdf ? PdfDecks.deck(parser, old.name, text, pages)
                : parser.parse(old.name, text, assets(old));
        DeckEntity target = ownDeck(managed, text);
        target.markdown = text;
        target.updatedAt = Instant.now();
        managed.deck = target;
        sync(managed, deck);
        announce(managed);
        return managed;
    }

    /**
     * The talk's deck, to change for this talk only: a copy (with its pages and images) when the slides folder or
     * other talks share it.
     */
    private static DeckEntity ownDeck(Talk managed, String text) {
        DeckEntity old = managed.deck;
        List<DeckPage> pages = DeckEntity.PDF.equals(old.format) ? DeckPage.listByDeck(old) : List.of();
        DeckEntity target = old;
        if (old.folderFile != null || Talk.listByDeck(old).size() > 1) {
            target = storeUpload(old.name, text);
            target.format = old.format;
            target.fileHash = old.fileHash;
            for (DeckAsset asset : DeckAsset.listByDeck(old)) {
                DeckAsset.put(target, asset.name, asset.imageHash);
            }
            for (DeckPage page : pages) {
                DeckPage copy = new DeckPage();
                copy.deck = target;
                copy.position = page.position;
                copy.text = page.text;
                copy.imageHash = page.imageHash;
                copy.width = page.width;
                copy.height = page.height;
                copy.thumbHash = page.thumbHash;
                copy.persist();
            }
        }
        return target;
    }

    /**
     * Stores a PowerPoint deck, its PDF's pages (and the PDF's bytes, for the deck's download) with its slides' titles
     * and notes, and creates its first talk; like {@link #uploadPdf}, with the converting and rendering done.
     */
    @Transactional
    public Talk uploadPptx(PptxDecks.PptxDeck pptx, String language) {
        DeckEntity entity = storePdf(pptx.pdf(), PdfDecks.pagesManifest(pptx.title(), language, pptx.pages()),
                pptx.pdfBytes());
        return createTalk(entity, PdfDecks.deck(parser, entity, DeckPage.listByDeck(entity)), null, null);
    }

    /**
     * Replaces one talk's deck with a rendered PDF, like {@link #updateTalkDeck}: the talk's polls are archived with
     * their votes, since a PDF deck has none yet.
     */
    @Transactional
    public Talk updateTalkDeckPdf(Talk talk, PdfRenderer.RenderedPdf pdf, String language) {
        return updateTalkDeckPdf(talk, pdf, null, language);
    }

    /** Like {@link #updateTalkDeckPdf(Talk, PdfRenderer.RenderedPdf, String)}, keeping the PDF's own bytes. */
    @Transactional
    public Talk updateTalkDeckPdf(Talk talk, PdfRenderer.RenderedPdf pdf, byte[] original, String language) {
        return replaceWithPdf(talk, storePdf(pdf, PdfDecks.manifest(PdfDecks.title(pdf), language), original));
    }

    /**
     * Replaces one talk's deck with a deck zip's PDF and manifest, like {@link #updateTalkDeckPdf}.
     *
     * @throws DeckException when the manifest is malformed or names a page the PDF lacks; nothing is changed then
     */
    @Transactional
    public Talk updateTalkDeckArchive(Talk talk, PdfRenderer.RenderedPdf pdf, byte[] original, String manifest) {
        return replaceWithPdf(talk, storePdf(pdf, manifest, original));
    }

    /** Replaces one talk's deck with a PowerPoint deck, like {@link #updateTalkDeckPdf}. */
    @Transactional
    public Talk updateTalkDeckPptx(Talk talk, PptxDecks.PptxDeck pptx, String language) {
        DeckEntity entity = storePdf(pptx.pdf(), PdfDecks.pagesManifest(pptx.title(), language, pptx.pages()),
                pptx.pdfBytes());
        return replaceWithPdf(talk, entity);
    }

    private Talk replaceWithPdf(Talk talk, DeckEntity deck) {
        Talk managed = Talk.findById(talk.id);
        managed.deck = deck;
        sync(managed, PdfDecks.deck(parser, managed.deck, DeckPage.listByDeck(managed.deck)));
        announce(managed);
        return managed;
    }

    private static DeckEntity storePdf(PdfRenderer.RenderedPdf pdf, String manifest, byte[] original) {
        DeckEntity entity = new DeckEntity();
        if (original != null) {
            entity.fileHash = PdfRenderer.sha256(original);
            DeckFile.storeOnce(entity.fileHash, "application/pdf", original);
            // The deck refers to the file: it goes to the database first.
            DeckFile.flush();
        }
        entity.name = pdf.file();
        entity.format = DeckEntity.PDF;
        entity.markdown = manifest;
        entity.updatedAt = Instant.now();
        entity.persist();
        for (PdfRenderer.RenderedPage page : pdf.pages()) {
            DeckImage.storeOnce(page.image().hash(), page.image().type(), page.image().bytes());
            DeckImage.storeOnce(page.thumb().hash(), page.thumb().type(), page.thumb().bytes());
        }
        // The pages refer to the images: these go to the database first.
        DeckImage.flush();
        for (PdfRenderer.RenderedPage rendered : pdf.pages()) {
            DeckPage page = new DeckPage();
            page.deck = entity;
            page.position = rendered.number();
            page.text = rendered.text();
            page.imageHash = rendered.image().hash();
            page.width = rendered.image().width();
            page.height = rendered.image().height();
            page.thumbHash = rendered.thumb().hash();
            page.persist();
        }
        return entity;
    }

    /**
     * Replaces one talk's deck with new content. Polls whose id is unchanged keep their votes; removed polls are
     * archived with theirs. Other talks of the old deck are not touched.
     *
     * @throws DeckException when the deck is malformed; nothing is changed then
     */
    @Transactional
    public Talk updateTalkDeck(Talk talk, String name, String markdown) {
        return updateTalkDeck(talk, name, markdown, List.of());
    }

    /** Like {@link #updateTalkDeck(Talk, String, String)}, with the deck's images (a zip, see {@link DeckBundle}). */
    @Transactional
    public Talk updateTalkDeck(Talk talk, String name, String markdown, List<DeckBundle.Image> images) {
        DeckFormats.refuseOtherFormats(name, markdown);
        Deck deck = parser.parse(name, markdown, DeckAssets.uploaded(hashes(images)));
        Talk managed = Talk.findById(talk.id);
        managed.deck = storeUpload(name, markdown);
        storeImages(managed.deck, images);
        sync(managed, deck);
        announce(managed);
        return managed;
    }

    /** Tells open screens and phones that the talk's slides and polls changed, so they reload their state. */
    private void announce(Talk talk) {
        Talk.update("version = version + 1 where id = ?1", talk.id);
        showChanges.fire(new ShowChanged(talk.joinCode));
        for (Poll poll : Poll.listByTalk(talk)) {
            Poll.update("version = version + 1 where id = ?1", poll.id);
            pollChanges.fire(new PollChanged(poll.id, talk.joinCode, true));
        }
    }

    private static DeckEntity storeUpload(String name, String markdown) {
        DeckEntity entity = new DeckEntity();
        entity.name = name;
        entity.markdown = markdown;
        entity.updatedAt = Instant.now();
        entity.persist();
        return entity;
    }

    private static Talk createTalk(DeckEntity entity, Deck deck, String venue, LocalDate date) {
        Talk talk = new Talk();
        talk.deck = entity;
        talk.joinCode = uniqueJoinCode();
        talk.presenterKey = JoinCodes.secret();
        talk.createdAt = Instant.now();
        talk.venue = venue;
        talk.date = date;
        talk.currentSlide = 1;
        // Every talk begins on the join screen, before its first slide.
        talk.screenOverlay = Talk.OVERLAY_JOIN;
        sync(talk, deck);
        return talk;
    }

    private static void sync(Talk talk, Deck deck) {
        talk.title = Graphemes.clip(deck.title(), DeckParser.MAX_TITLE); // a heading or file name may be longer
        talk.speaker = deck.speaker();
        talk.organisation = deck.organisation();
        talk.language = deck.language();
        talk.profanityFilter = deck.profanityFilter();
        talk.profanityWords = deck.profanityWords().isEmpty() ? null : String.join("\n", deck.profanityWords());
        talk.profanityAllow = deck.profanityAllow().isEmpty() ? null : String.join("\n", deck.profanityAllow());
        talk.reactionsEnabled = deck.reactions();
        talk.accent = deck.accent();
        if (!deck.qa().equals(talk.qaDeckSetting)) {
            // Only when the deck's setting changed: a presenter's switch survives restarts and re-imports.
            talk.qaDeckSetting = deck.qa();
            talk.qaEnabled = !deck.qa().equals("off");
            talk.qaModerated = deck.qa().equals("moderated");
            talk.qaVersion++;
        }
        talk.currentSlide = Math.max(1, Math.min(talk.currentSlide, deck.slides().size()));
        talk.persist();
        Slide.deleteByTalk(talk);
        Slide.flush();
        for (DeckSlide s : deck.slides()) {
            Slide slide = new Slide();
            slide.talk = talk;
            slide.position = s.number();
            slide.sourceLine = s.line();
            slide.title = Graphemes.clip(s.title(), DeckParser.MAX_TITLE);
            slide.html = s.html();
            slide.notes = s.notes();
            slide.pollKey = s.poll() == null ? null : s.poll().id();
            slide.persist();
        }
        syncPolls(talk, deck);
    }

    private static String uniqueJoinCode() {
        for (int i = 0; i < 100; i++) {
            String code = JoinCodes.next();
            if (Talk.findByJoinCode(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("no free join code after 100 tries");
    }

    private static void syncPolls(Talk talk, Deck deck) {
        Map<String, Poll> existing = Poll.listByTalk(talk).stream()
                .collect(Collectors.toMap(p -> p.key, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (DeckSlide slide : deck.slides()) {
            PollSpec spec = slide.poll();
            if (spec == null) {
                continue;
            }
            seen.add(spec.id());
            Poll poll = existing.get(spec.id());
            if (poll == null) {
                poll = new Poll();
                poll.talk = talk;
                poll.key = spec.id();
                poll.status = PollStatus.DRAFT;
                poll.round = 1;
            } else if (!spec.type().equals(poll.type)) {
                // Answers of the old type do not fit the new one: they stay in their round, the new type starts afresh.
                poll.round++;
                poll.revealed = false;
                Log.infof("Poll %s changed type from %s to %s; round %d starts", LogText.quoted(poll.key), poll.type,
                        spec.type(), poll.round);
            }
            poll.resultsMode = spec.settings().resultsHidden() ? "hidden" : "live";
            poll.allowChange = spec.settings().voteChanges();
            poll.phoneResults = deck.phoneResults(spec);
            poll.timeLimit = spec.settings().timeLimitSeconds();
            poll.type = spec.type();
            poll.minAnswers = spec.answers().min();
            poll.maxAnswers = spec.answers().max();
            poll.labelLow = spec.answers().low();
            poll.labelHigh = spec.answers().high();
            poll.maxChars = spec.answers().maxChars();
            poll.profanityFilter = spec.answers().profanityFilter();
            poll.moderation = spec.answers().moderation();
            poll.question = spec.question();
            poll.slidePosition = slide.number();
            poll.archived = false;
            poll.persist();
            syncOptions(poll, spec);
        }
        existing.values().stream().filter(p -> !seen.contains(p.key) && !p.archived).forEach(p -> {
            Log.infof("Poll %s is no longer in %s; archived with its votes", LogText.quoted(p.key),
                    LogText.quoted(deck.file()));
            p.archived = true;
            p.slidePosition = null;
        });
    }

    private static void syncOptions(Poll poll, PollSpec spec) {
        Map<String, PollOption> existing = PollOption.listByPoll(poll).stream()
                .collect(Collectors.toMap(o -> o.key, Function.identity()));
        Set<String> seen = new HashSet<>();
        int position = 1;
        for (PollSpec.OptionSpec o : spec.options()) {
            seen.add(o.key());
            PollOption option = existing.get(o.key());
            if (option == null) {
                option = new PollOption();
                option.poll = poll;
                option.key = o.key();
            }
            option.text = o.text();
            option.correct = spec.isCorrect(o);
            option.position = position++;
            option.archived = false;
            option.persist();
        }
        existing.values().stream().filter(o -> !seen.contains(o.key)).forEach(o -> o.archived = true);
    }
}
