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
                talk.version, talk.screenOverlay, talk.spotlightQuestionId, slide == null ? null : slide.title);
    }

    /**
     * Moves the show to {@code slide}; a join screen or Q&A wall over the slides goes away, so that the room sees the
     * slide moved to.
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
        if (talk.currentSlide != slide || talk.screenOverlay != null) {
            Talk.update("currentSlide = ?1, screenOverlay = null, spotlightQuestionId = null, version = version + 1 "
                    + "where id = ?2", slide, talk.id);
            Talk.getEntityManager().refresh(talk);
            changes.fire(new ShowChanged(talk.joinCode));
        }
        return state(talk);
    }

    /**
     * Puts the join screen ({@code join}) or the Q&A wall ({@code qa}) over the slides, or takes it away
     * ({@code none}). Taking the Q&A wall away also takes a spotlighted question off the screen.
     *
     * @throws ApiProblem 403 wrong presenter key, 404 unknown talk, 400 another overlay
     */
    public ShowState overlay(String code, String presenterKey, String overlay) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        String wanted = switch (overlay == null ? "" : overlay) {
            case Talk.OVERLAY_JOIN -> Talk.OVERLAY_JOIN;
            case Talk.OVERLAY_QA -> Talk.OVERLAY_QA;
            case "none" -> null;
            default -> throw ApiProblem.badRequest("invalid-overlay",
                    "overlay must be join, qa or none, not '" + overlay + "'");
        };
        if (!java.util.Objects.equals(wanted, talk.screenOverlay)) {
            Talk.update("screenOverlay = ?1, spotlightQuestionId = ?2, version = version + 1 where id = ?3", wanted,
                    Talk.OVERLAY_QA.equals(wanted) ? talk.spotlightQuestionId : null, talk.id);
            Talk.getEntityManager().refresh(talk);
            changes.fire(new ShowChanged(talk.joinCode));
        }
        return state(talk);
    }

    /**
     * Puts a question on the screen (the Q&A wall showing it alone), or takes it off ({@code questionId} null, the
     * wall stays). The caller has checked that the question belongs to the talk and may be shown.
     */
    public ShowState spotlight(Talk talk, Long questionId) {
        if (!java.util.Objects.equals(questionId, talk.spotlightQuestionId)
                || (questionId != null && !Talk.OVERLAY_QA.equals(talk.screenOverlay))) {
            Talk.update("spotlightQuestionId = ?1, screenOverlay = ?2, version = version + 1 where id = ?3",
                    questionId, questionId != null ? Talk.OVERLAY_QA : talk.screenOverlay, talk.id);
            Talk.getEntityManager().refresh(talk);
            changes.fire(new ShowChanged(talk.joinCode));
        }
        return state(talk);
    }

    /** Takes the question off the screen if it is there (it was hidden, or sent back to moderation). */
    public void unspotlight(Talk talk, long questionId) {
        if (Long.valueOf(questionId).equals(talk.spotlightQuestionId)) {
            spotlight(talk, null);
        }
    }
}
