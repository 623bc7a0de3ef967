package dk.afstemning.qa;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.text.Graphemes;
import dk.afstemning.text.ProfanityFilter;
import dk.afstemning.voting.VoteService;
import dk.afstemning.platform.TextInput;

/**
 * Q&A alongside the whole talk: participants ask (anonymously or under a nickname) and upvote others' questions once;
 * the presenter sorts, answers, hides and, with pre-moderation, approves them. Every write bumps the talk's
 * {@code qa_version} first (the row lock orders concurrent writes of one talk), commits, and only then answers and
 * pushes. Asks and upvotes carry request ids: a resend gets the same answer and counts once.
 */
@ApplicationScoped
public class QaService {

    /** Longest question, in user-visible characters. */
    public static final int MAX_QUESTION = 280;
    /** Longest nickname, in user-visible characters. */
    public static final int MAX_NICKNAME = 40;
    // Bounds on UTF-16 units as well, so that a few huge clusters (stacked combining marks) cannot bloat a question.
    private static final int MAX_QUESTION_UNITS = 4000;
    private static final int MAX_NICKNAME_UNITS = 400;

    @Inject
    TalkService talks;

    @Inject
    ParticipantService participants;

    @Inject
    Event<QaChanged> changes;

    @Inject
    ShowService show;

    /**
     * Asks a question.
     *
     * @param nickname shown with the question; null or blank asks anonymously
     * @param requestId the client's id for this request, reused on every resend; null makes the server pick one
     * @return the answer, after commit; equal for every resend of the same request id
     * @throws ApiProblem 400 empty text or bad request id, 403 not joined, 404 unknown talk, 409 Q&A off, 422 text or
     *         nickname too long or containing a filtered word
     */
    public QaMessages.Asked ask(String code, String token, String text, String nickname, String requestId) {
        String id = VoteService.requestId(requestId);
        TextInput.clean("text", text);
        TextInput.clean("nickname", nickname);
        return retryOnDuplicate(() -> askInTransaction(code, token, text, nickname, id));
    }

    private QaMessages.Asked askInTransaction(String code, String token, String text, String nickname, String requestId) {
        Talk talk = talks.require(code);
        Participant participant = participants.require(talk, token);
        Optional<Question> earlier = Question.findByRequest(participant, requestId);
        if (earlier.isPresent()) {
            return new QaMessages.Asked(requestId, QuestionView.of(earlier.get()));
        }
        if (!talk.qaEnabled) {
            throw new ApiProblem(409, "qa-closed", "Q&A closed", "Talk " + talk.joinCode + " takes no questions now");
        }
        String question = text == null ? "" : text.strip();
        if (question.isEmpty()) {
            throw ApiProblem.badRequest("empty-question", "A question needs some text");
        }
        if (question.length() > MAX_QUESTION_UNITS || Graphemes.count(question) > MAX_QUESTION) {
            throw new ApiProblem(422, "question-too-long", "Question too long",
                    "A question can be at most " + MAX_QUESTION + " characters; this one has "
                            + Graphemes.count(question));
        }
        String name = nickname == null || nickname.isBlank() ? null : nickname.strip();
        if (name != null && (name.length() > MAX_NICKNAME_UNITS || Graphemes.count(name) > MAX_NICKNAME)) {
            throw new ApiProblem(422, "nickname-too-long", "Nickname too long",
                    "A nickname can be at most " + MAX_NICKNAME + " characters");
        }
        ProfanityFilter words = talk.wordFilter();
        if (talk.profanityFilter && (words.matches(question) || words.matches(name))) {
            throw ApiProblem.profanity("question or nickname");
        }
        bumpVersion(talk);
        Question q = new Question();
        q.talk = talk;
        q.participant = participant;
        q.requestId = requestId;
        q.nickname = name;
        q.text = question;
        q.approved = !talk.qaModerated;
        q.askedAt = Instant.now();
        q.persist();
        Question.flush();
        changes.fire(new QaChanged(talk.joinCode, Set.of(participant.id)));
        return new QaMessages.Asked(requestId, QuestionView.of(q));
    }

    /**
     * Upvotes another participant's question, once.
     *
     * @return the answer, after commit; equal (question and id) for every resend of the same request id
     * @throws ApiProblem 400 bad request id, 403 not joined, 404 unknown talk or a question this participant cannot
     *         see, 409 own question, already upvoted, or a request id used for another question
     */
    public QaMessages.Upvoted upvote(String code, String token, long questionId, String requestId) {
        String id = VoteService.requestId(requestId);
        return retryOnDuplicate(() -> upvoteInTransaction(code, token, questionId, id));
    }

    private QaMessages.Upvoted upvoteInTransaction(String code, String token, long questionId, String requestId) {
        Talk talk = talks.require(code);
        Participant participant = participants.require(talk, token);
        Optional<QuestionUpvote> earlier = QuestionUpvote.findByRequest(participant.id, requestId);
        if (earlier.isPresent()) {
            return upvoted(earlier.get(), questionId);
        }
        Question q = Question.findInTalk(talk, questionId)
                .filter(x -> x.approved && !x.hidden || x.participant.id.equals(participant.id))
                .orElseThrow(() -> ApiProblem.notFound("question", "Talk " + talk.joinCode + " has no question "
                        + questionId));
        if (q.participant.id.equals(participant.id)) {
            throw new ApiProblem(409, "own-question", "Own question", "You cannot upvote your own question");
        }
        bumpVersion(talk);
        // Under the talk's row lock now: a copy of this request that committed meanwhile is visible.
        earlier = QuestionUpvote.findByRequest(participant.id, requestId);
        if (earlier.isPresent()) {
            return upvoted(earlier.get(), questionId);
        }
        if (QuestionUpvote.find(q.id, participant.id).isPresent()) {
            throw new ApiProblem(409, "already-upvoted", "Already upvoted", "You have upvoted this question already");
        }
        QuestionUpvote upvote = new QuestionUpvote();
        upvote.questionId = q.id;
        upvote.participantId = participant.id;
        upvote.requestId = requestId;
        upvote.castAt = Instant.now();
        upvote.persist();
        QuestionUpvote.flush();
        Question.update("upvotes = upvotes + 1 where id = ?1", q.id);
        Question.getEntityManager().refresh(q);
        changes.fire(new QaChanged(talk.joinCode, Set.of(participant.id)));
        return new QaMessages.Upvoted(requestId, q.id, q.upvotes);
    }

    private static QaMessages.Upvoted upvoted(QuestionUpvote upvote, long questionId) {
        if (upvote.questionId != questionId) {
            throw new ApiProblem(409, "request-id-reused", "Request id reused",
                    "Request id " + upvote.requestId + " was already used for another question");
        }
        Question q = Question.findById(upvote.questionId);
        return new QaMessages.Upvoted(upvote.requestId, upvote.questionId, q.upvotes);
    }

    /**
     * The presenter's changes to one question; a null field stays as it is.
     *
     * @throws ApiProblem 403 wrong presenter key, 404 unknown talk or question
     */
    @Transactional
    public QuestionView moderate(String code, String presenterKey, long questionId, Boolean approved, Boolean answered,
            Boolean hidden) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        Question q = Question.findInTalk(talk, questionId)
                .orElseThrow(() -> ApiProblem.notFound("question", "Talk " + talk.joinCode + " has no question "
                        + questionId));
        bumpVersion(talk);
        if (approved != null) {
            q.approved = approved;
        }
        if (answered != null) {
            q.answered = answered;
        }
        if (hidden != null) {
            q.hidden = hidden;
        }
        if (q.hidden || !q.approved) {
            // Nothing unmoderated stays on the room's screen.
            show.unspotlight(talk, q.id);
        }
        changes.fire(new QaChanged(talk.joinCode, Set.of(q.participant.id)));
        return QuestionView.of(q);
    }

    /**
     * Puts one question on the audience screen, alone on the Q&A wall, or takes it off ({@code questionId} null).
     *
     * @throws ApiProblem 403 wrong presenter key, 404 unknown talk or question, 409 a question the room may not see
     *         (waiting for approval, or hidden)
     */
    @Transactional
    public ShowState spotlight(String code, String presenterKey, Long questionId) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        if (questionId != null) {
            Question q = Question.findInTalk(talk, questionId)
                    .orElseThrow(() -> ApiProblem.notFound("question", "Talk " + talk.joinCode + " has no question "
                            + questionId));
            if (q.hidden || !q.approved) {
                throw new ApiProblem(409, "question-not-shown", "Question not shown",
                        "Question " + questionId + " is " + (q.hidden ? "hidden" : "waiting for approval")
                                + "; only questions the room sees can go on the screen");
            }
        }
        return show.spotlight(talk, questionId);
    }

    /**
     * Switches Q&A and pre-moderation; a null field stays as it is. Switching moderation off approves every question
     * still waiting (hidden ones stay hidden).
     *
     * @throws ApiProblem 403 wrong presenter key, 404 unknown talk
     */
    @Transactional
    public QaMessages.Settings settings(String code, String presenterKey, Boolean enabled, Boolean moderated) {
        Talk talk = talks.require(code);
        talks.requirePresenter(talk, presenterKey);
        bumpVersion(talk);
        if (enabled != null) {
            talk.qaEnabled = enabled;
        }
        Set<Long> authors = new HashSet<>();
        if (moderated != null) {
            if (talk.qaModerated && !moderated) {
                for (Question q : Question.<Question>list("talk = ?1 and approved = false", talk)) {
                    q.approved = true;
                    authors.add(q.participant.id);
                }
            }
            talk.qaModerated = moderated;
        }
        changes.fire(new QaChanged(talk.joinCode, authors));
        return new QaMessages.Settings(talk.qaEnabled, talk.qaModerated);
    }

    /** The talk's Q&A settings. @throws ApiProblem 404 unknown talk */
    @Transactional
    public QaMessages.Settings settings(String code) {
        Talk talk = talks.require(code);
        return new QaMessages.Settings(talk.qaEnabled, talk.qaModerated);
    }

    /**
     * The questions as the caller may see them: every question with the presenter key or a login that may present
     * the talk (an organiser, or a presenter account it is assigned to), else those everyone sees.
     *
     * @throws ApiProblem 404 unknown talk, 403 a key that is given but wrong
     */
    @Transactional
    public QaMessages.Questions questions(String code, String presenterKey) {
        Talk talk = talks.require(code);
        boolean full = false;
        if (presenterKey != null) {
            talks.requirePresenter(talk, presenterKey);
            full = true;
        } else {
            full = talks.loginMayPresent(talk);
        }
        return snapshot(talk, full);
    }

    /** Every question of the talk (for the presenter) or those everyone sees. @throws ApiProblem 404 unknown talk */
    @Transactional
    public QaMessages.Questions snapshot(String code, boolean full) {
        return snapshot(talks.require(code), full);
    }

    private static QaMessages.Questions snapshot(Talk talk, boolean full) {
        List<Question> list = full ? Question.listByTalk(talk) : Question.listPublic(talk);
        return new QaMessages.Questions(talk.joinCode, talk.qaVersion, talk.qaEnabled, talk.qaModerated,
                list.stream().map(QuestionView::of).toList());
    }

    /** One participant's own questions and upvotes. @throws ApiProblem 404 unknown talk or participant */
    @Transactional
    public QaMessages.Mine mine(String code, long participantId) {
        Talk talk = talks.require(code);
        Participant participant = Participant.<Participant>findByIdOptional(participantId)
                .filter(p -> p.talk.id.equals(talk.id))
                .orElseThrow(() -> ApiProblem.notFound("participant", "No such participant in talk " + talk.joinCode));
        return new QaMessages.Mine(talk.qaVersion, Question.listByAuthor(participant).stream().map(QuestionView::of)
                .toList(), QuestionUpvote.questionIdsOf(participant.id));
    }

    /** One participant's own questions and upvotes, found by token. @throws ApiProblem 403 not joined, 404 talk */
    @Transactional
    public QaMessages.Mine mine(String code, String token) {
        Talk talk = talks.require(code);
        return mine(code, participants.require(talk, token).id);
    }

    private static void bumpVersion(Talk talk) {
        Talk.update("qaVersion = qaVersion + 1 where id = ?1", talk.id);
        Talk.getEntityManager().refresh(talk);
    }

    private static <T> T retryOnDuplicate(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (PersistenceException e) {
            if (!(e instanceof ConstraintViolationException) && !(e.getCause() instanceof ConstraintViolationException)) {
                throw e;
            }
            // A concurrent copy of this request won the unique key; what it stored now answers this one.
            return QuarkusTransaction.requiringNew().call(work::get);
        }
    }
}
