package dk.afstemning.talk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dk.afstemning.problem.ApiProblem;

/**
 * The show's current slide, kept on the server so that every presenter window, the notes window and every phone
 * follow the presenter, and a reload or a late joiner lands on the current state.
 */
@ApplicationScoped
@Transactional
public class ShowService {

    @Inject
    TalkService talks;

    @Inject
    Event<ShowChanged> changes;

    /** The current slide of the talk with this join code. @throws ApiProblem 404 when no talk has the code */
    public ShowState state(String code) {
        return state(talks.require(code));
    }

    /** The current state of the talk's show. */
    public ShowState state(Talk talk) {
        long slides = Slide.count("talk", talk);
        Slide slide = Slide.find("talk = ?1 and position = ?2", talk, talk.currentSlide).<Slide>firstResultOptional()
                .orElse(null);
        return new ShowState("slide", talk.currentSlide, (int) slides, slide == null ? null : slide.pollKey,
                slide == null ? null : slide.title, talk.version);
    }

    /**
     * Moves the show to {@code slide}.
     *
     * @throws ApiProblem 403 wrong presenter key, 404 unknown talk, 400 no such slide
     */
    public ShowState goTo(String code, String presenterKey, int slide) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        long slides = Slide.count("talk", talk);
        if (slide < 1 || slide > slides) {
            throw ApiProblem.badRequest("invalid-slide", "Talk " + talk.joinCode + " has slides 1 to " + slides);
        }
        if (talk.currentSlide != slide) {
            Talk.update("currentSlide = ?1, version = version + 1 where id = ?2", slide, talk.id);
            Talk.getEntityManager().refresh(talk);
            changes.fire(new ShowChanged(talk.joinCode));
        }
        return state(talk);
    }
}
