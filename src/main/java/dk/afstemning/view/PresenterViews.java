package dk.afstemning.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.poll.Poll;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.talk.TalkService;

/**
 * Builds the room's screen ({@link PresenterView}) for the presenter page and the presenter and screen sockets'
 * snapshot (and the speaker console, {@link ConsoleViews}), in one transaction. Slides, polls and their options
 * are read with one query each; counts with the poll type's queries per poll.
 */
@ApplicationScoped
@Transactional
public class PresenterViews {

    @Inject
    TalkService talks;

    @Inject
    ResultsService results;

    @Inject
    ShowService show;

    /**
     * Who asks for a talk's presenter screen.
     *
     * @param joinCode the talk's canonical join code
     * @param language the deck's language
     * @param keyFits whether the given key is the talk's presenter key
     * @param mayPresent whether the key fits or the request's login may present the talk
     */
    public record Access(String joinCode, String language, boolean keyFits, boolean mayPresent) {
    }

    /** How {@code presenterKey} (may be null) and the request's login fit the talk with this code as typed; empty when no talk has it. */
    public Optional<Access> access(String code, String presenterKey) {
        return TalkService.find(code).map(talk -> {
            boolean fits = TalkService.isPresenterKey(talk, presenterKey);
            return new Access(talk.joinCode, talk.language, fits, fits || talks.loginMayPresent(talk));
        });
    }

    /**
     * The presenter page: every slide with its poll's results; the presenter key when {@code presenterKey} is the
     * talk's, {@link TalkService#LOGIN_KEY} (no secret) when only the request's login may present it.
     *
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk
     */
    public PresenterView page(String code, String presenterKey) {
        Talk talk = talks.require(code);
        List<Poll> all = Poll.listByTalk(talk);
        List<Poll> active = all.stream().filter(p -> !p.archived).toList();
        List<PollResults> current = results.resultsOf(active);
        Map<String, PollResults> byKey = new HashMap<>();
        Map<String, Poll> polls = new HashMap<>();
        for (int i = 0; i < active.size(); i++) {
            byKey.putIfAbsent(active.get(i).key, current.get(i));
        }
        // A slide's poll is its active poll when there is one (as the deck now has it), else the archived one.
        for (Poll p : active) {
            polls.putIfAbsent(p.key, p);
        }
        for (Poll p : all) {
            polls.putIfAbsent(p.key, p);
        }
        List<Slide> deckSlides = Slide.listByTalk(talk);
        // Archived polls a slide still shows: their results in one batch too.
        List<Poll> archived = deckSlides.stream().map(s -> s.pollKey == null ? null : polls.get(s.pollKey))
                .filter(p -> p != null && p.archived).distinct().toList();
        Map<Long, PollResults> archivedResults = new HashMap<>();
        List<PollResults> read = archived.isEmpty() ? List.of() : results.resultsOf(archived);
        for (int i = 0; i < archived.size(); i++) {
            archivedResults.put(archived.get(i).id, read.get(i));
        }
        List<PresenterView.PresenterSlide> slides = deckSlides.stream().map(s -> {
            PresenterView.SlideView slide = new PresenterView.SlideView(s.position, s.title, s.html);
            Poll poll = s.pollKey == null ? null : polls.get(s.pollKey);
            if (poll == null) {
                return new PresenterView.PresenterSlide(slide, null, null, null);
            }
            PollResults r = poll.archived ? archivedResults.get(poll.id) : byKey.get(poll.key);
            return new PresenterView.PresenterSlide(slide, r, poll.resultsMode, poll.timeLimit);
        }).toList();
        boolean mayPresent = TalkService.isPresenterKey(talk, presenterKey) || talks.loginMayPresent(talk);
        return new PresenterView(TalkHeader.of(talk), show.state(talk), current, slides,
                mayPresent ? TalkService.keyForPage(talk, presenterKey) : null);
    }

    /**
     * What a presenter or screen socket sends on connecting: the current slide and the results of every active poll
     * (no slides, no key).
     *
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk
     */
    public PresenterView snapshot(String code) {
        Talk talk = talks.require(code);
        return new PresenterView(TalkHeader.of(talk), show.state(talk), results.resultsOf(Poll.listActiveByTalk(talk)),
                List.of(), null);
    }
}
