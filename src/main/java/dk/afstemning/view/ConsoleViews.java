package dk.afstemning.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;

/**
 * Builds the speaker console ({@link ConsoleView}) in one transaction: the presenter screen's slides and results
 * ({@link PresenterViews#page}) with each slide's speaker notes.
 */
@ApplicationScoped
@Transactional
public class ConsoleViews {

    @Inject
    TalkService talks;

    @Inject
    PresenterViews presenters;

    /**
     * The console. Only for a viewer who may present the talk ({@link PresenterViews#access}); it holds the key only
     * when the viewer gave it ({@code presenterKey}), else {@link TalkService#LOGIN_KEY}.
     *
     * @throws dk.afstemning.problem.ApiProblem 404 unknown talk
     */
    public ConsoleView console(String code, String presenterKey) {
        Talk talk = talks.require(code);
        PresenterView screen = presenters.page(code, presenterKey);
        Map<Integer, String> notes = new HashMap<>();
        for (Slide s : Slide.listByTalk(talk)) {
            if (s.notes != null) {
                notes.put(s.position, s.notes);
            }
        }
        List<ConsoleView.ConsoleSlide> slides = screen.slides().stream().map(s -> new ConsoleView.ConsoleSlide(
                s.slide().position(), s.slide().title(), s.slide().html(), notes.get(s.slide().position()), s.poll(),
                s.resultsMode(), s.timeLimit())).toList();
        return new ConsoleView(screen.talk(), screen.key(), screen.show(), slides);
    }
}
