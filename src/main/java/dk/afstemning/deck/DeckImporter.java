package dk.afstemning.deck;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;

/**
 * Imports decks into talks. A deck file maps to one talk, found again by file name: importing again updates slides and
 * polls, keeps the join code, presenter key and every vote. Polls and options are matched by their stable ids; those
 * removed from the deck are archived with their votes, never deleted.
 */
@ApplicationScoped
public class DeckImporter {

    /** Largest deck file accepted, in bytes. */
    public static final long MAX_DECK_BYTES = 1024 * 1024;

    @Inject
    DeckParser parser;

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
                talks.add(importDeck(name, read(file)));
            } catch (DeckException e) {
                Log.errorf("Deck not imported: %s", e.getMessage());
                errors.add(e.getMessage());
            }
        }
        return new Report(talks, errors);
    }

    private static String read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_DECK_BYTES) {
                throw new DeckException(name, 1, "deck is larger than " + MAX_DECK_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DeckException(name, 1, "deck is not valid UTF-8");
        } catch (IOException e) {
            throw new DeckException(name, 1, "cannot read deck: " + e.getMessage());
        }
    }

    /**
     * Parses and imports one deck, creating its talk or updating it.
     *
     * @throws DeckException when the deck is malformed; nothing is changed then
     */
    @Transactional
    public Talk importDeck(String file, String markdown) {
        Deck deck = parser.parse(file, markdown);
        Talk talk = Talk.findByDeckFile(file).orElseGet(() -> newTalk(file));
        talk.title = deck.title();
        talk.speaker = deck.speaker();
        talk.organisation = deck.organisation();
        talk.date = deck.date();
        talk.language = deck.language();
        talk.persist();
        Slide.deleteByTalk(talk);
        Slide.flush();
        for (DeckSlide s : deck.slides()) {
            Slide slide = new Slide();
            slide.talk = talk;
            slide.position = s.number();
            slide.sourceLine = s.line();
            slide.title = s.title();
            slide.html = s.html();
            slide.notes = s.notes();
            slide.pollKey = s.poll() == null ? null : s.poll().id();
            slide.persist();
        }
        syncPolls(talk, deck);
        return talk;
    }

    private static Talk newTalk(String file) {
        Talk talk = new Talk();
        talk.deckFile = file;
        talk.joinCode = uniqueJoinCode();
        talk.presenterKey = JoinCodes.secret();
        talk.createdAt = Instant.now();
        return talk;
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
            }
            poll.type = spec.type();
            poll.question = spec.question();
            poll.slidePosition = slide.number();
            poll.archived = false;
            poll.persist();
            syncOptions(poll, spec);
        }
        existing.values().stream().filter(p -> !seen.contains(p.key) && !p.archived).forEach(p -> {
            Log.infof("Poll '%s' is no longer in %s; archived with its votes", p.key, deck.file());
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
            option.position = position++;
            option.archived = false;
            option.persist();
        }
        existing.values().stream().filter(o -> !seen.contains(o.key)).forEach(o -> o.archived = true);
    }
}
