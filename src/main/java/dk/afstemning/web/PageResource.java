package dk.afstemning.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.TemplateInstance;

import dk.afstemning.participant.Participant;
import dk.afstemning.participant.ParticipantCookie;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.vote.Answer;
import dk.afstemning.vote.NumberAnswer;
import dk.afstemning.vote.OptionAnswer;
import dk.afstemning.vote.OptionsAnswer;
import dk.afstemning.vote.TextsAnswer;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.polltype.open.OpenType;
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.problem.RateLimited;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.ShowService;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.vote.Vote;
import dk.afstemning.platform.PublicUrls;

/** The HTML pages: the join form, the participant page, the presenter screen and its speaker notes window. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @Inject
    ParticipantService participants;

    @Inject
    ResultsService results;

    @Inject
    PublicUrls urls;

    @Inject
    ShowService show;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    @Inject
    TalkService talks;

    @Inject
    PollTypes types;

    record index(String lang, String otherLang, String code, boolean unknown) implements TemplateInstance {
    }

    /**
     * A poll as the participant page shows it; {@code myAnswer} is the visitor's answer in the current round (or null),
     * and {@code current} whether it is the poll of the slide the presenter shows now (only that one is visible).
     * {@code min}/{@code max} are a multiple choice's selections or a scale's ends; {@code low}/{@code high} a scale's
     * end labels or a slider's poles; {@code max} is also a word cloud's entries per participant, {@code maxChars}
     * the characters per text entry and {@code moderation} whether open answers wait for the presenter.
     */
    public record ParticipantPoll(String id, String type, String question, PollStatus status, int round, long version,
            boolean allowChange, List<PollOption> options, Answer myAnswer, boolean current, Integer min, Integer max,
            String low, String high, Integer maxChars, Boolean moderation) {

        /** Word cloud: one text field per entry the participant may give, holding their entries so far. */
        public List<String> entryFields() {
            int n = max == null ? 3 : max;
            List<String> texts = myAnswer instanceof TextsAnswer t ? t.texts() : List.of();
            return java.util.stream.IntStream.range(0, n).mapToObj(i -> i < texts.size() ? texts.get(i) : "").toList();
        }

        /** Open text: the most answers a participant may send in a round. */
        public int maxOpenAnswers() {
            return OpenType.MAX_ANSWERS;
        }

        /** Open text: whether answers wait for the presenter. */
        public boolean moderated() {
            return moderation == null || moderation;
        }

        /** The visitor's chosen option (choice, quiz), or null. */
        public Long myOptionId() {
            return Answer.optionIdOf(myAnswer);
        }

        /** Whether the visitor's answer holds this option (choice, quiz, multiple). */
        public boolean chose(long optionId) {
            return myAnswer instanceof OptionAnswer one && one.optionId() == optionId
                    || myAnswer instanceof OptionsAnswer several && several.optionIds().contains(optionId);
        }

        /** Whether the visitor's answer is this number (scale). */
        public boolean chose(int value) {
            return myAnswer instanceof NumberAnswer number && number.value() == value;
        }

        /** The points of a scale, from min to max. */
        public List<Integer> values() {
            int lo = min == null ? 1 : min;
            int hi = max == null ? 5 : max;
            return java.util.stream.IntStream.rangeClosed(lo, hi).boxed().toList();
        }

        /** The slider's position: the visitor's answer, or the middle. */
        public int sliderValue() {
            return myAnswer instanceof NumberAnswer number ? number.value() : 50;
        }

        /** The options in the visitor's ranking order, or in deck order before ranking. */
        public List<PollOption> ranked() {
            if (!(myAnswer instanceof OptionsAnswer ranking)) {
                return options;
            }
            List<PollOption> ordered = new java.util.ArrayList<>(options);
            ordered.sort(java.util.Comparator.comparingInt(o -> {
                int i = ranking.optionIds().indexOf(o.id);
                return i < 0 ? Integer.MAX_VALUE : i;
            }));
            return ordered;
        }
    }

    record participant(String lang, String otherLang, Talk talk, ShowState show, List<ParticipantPoll> polls,
            boolean waiting, String nickname) implements TemplateInstance {
    }

    /**
     * A slide on the presenter screen, with its poll's current results and deck settings when it has a poll.
     *
     * @param resultsMode {@code live} or {@code hidden}, null without a poll
     * @param timeLimit the deck's countdown in seconds, or null
     */
    public record PresenterSlide(Slide slide, PollResults poll, String resultsMode, Integer timeLimit) {

        /** The countdown as {@code mm:ss}, or an empty text when none runs. */
        public String countdown() {
            return poll == null || poll.remainingMs() == null ? "" : mmss(poll.remainingMs());
        }
    }

    record presenter(String lang, String otherLang, Talk talk, String joinUrl, String joinShort, QrCodes.Qr qr,
            String key, List<PresenterSlide> slides, int start, long showVersion) implements TemplateInstance {
    }

    /** A slide in the speaker notes window. */
    public record NoteSlide(int position, String title, String notes, String nextTitle, boolean last) {
    }

    record notes(String lang, String otherLang, Talk talk, String key, List<NoteSlide> slides, int start,
            long showVersion) implements TemplateInstance {
    }

    record forbidden(String lang, String otherLang) implements TemplateInstance {
    }

    /** @param seconds how long until the visitor may try again */
    record tooMany(String lang, String otherLang, long seconds) implements TemplateInstance {
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance index(@QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        String language = Languages.choose(lang, accept, null);
        return localized(new index(language, Languages.other(language), "", false), language);
    }

    @GET
    @Path("join")
    @Transactional
    @Operation(hidden = true)
    public Response join(@QueryParam("code") String code, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        String key = client.key();
        String language = Languages.choose(lang, accept, null);
        try {
            limits.lookup(key);
        } catch (RateLimited e) {
            return tooMany(e, language);
        }
        String normalized = JoinCodes.normalize(code);
        if (JoinCodes.isWellFormed(normalized) && Talk.findByJoinCode(normalized).isPresent()) {
            return Response.seeOther(URI.create("/t/" + normalized + (lang == null ? "" : "?lang=" + lang))).build();
        }
        return unknownCode(code, language, key);
    }

    @GET
    @Path("t/{code}")
    @Transactional
    @Operation(hidden = true)
    public Response participantPage(@PathParam("code") String code, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept, @CookieParam(ParticipantService.COOKIE) String token) {
        String key = client.key();
        try {
            limits.lookup(key);
        } catch (RateLimited e) {
            return tooMany(e, Languages.choose(lang, accept, null));
        }
        Talk talk = find(code);
        if (talk == null) {
            return unknownCode(code, Languages.choose(lang, accept, null), key);
        }
        if (!talk.joinCode.equals(code)) {
            return Response.seeOther(URI.create("/t/" + talk.joinCode)).build();
        }
        Participant participant;
        try {
            participant = participants.join(talk, token, () -> limits.join(key));
        } catch (RateLimited e) {
            return tooMany(e, Languages.choose(lang, accept, talk.language));
        }
        ShowState state = show.state(talk);
        List<ParticipantPoll> polls = Poll.listActiveByTalk(talk).stream()
                .map(p -> new ParticipantPoll(p.key, p.type, p.question, p.status, p.round, p.version, p.allowChange,
                        PollOption.listActiveByPoll(p),
                        Vote.findCurrent(p, p.round, participant).map(v -> types.get(p.type).answerOf(v))
                                .orElse(null),
                        p.key.equals(state.pollId()), p.minAnswers, p.maxAnswers, p.labelLow, p.labelHigh, p.maxChars,
                        p.moderation))
                .toList();
        String language = Languages.choose(lang, accept, talk.language);
        boolean waiting = polls.stream().noneMatch(ParticipantPoll::current);
        return Response.ok(localized(new participant(language, Languages.other(language), talk, state, polls, waiting,
                participant.nickname),
                language)).cookie(ParticipantCookie.of(participant.token)).build();
    }

    @GET
    @Path("present/{code}")
    @Transactional
    @Operation(hidden = true)
    public Response presenterPage(@PathParam("code") String code, @QueryParam("key") String key,
            @QueryParam("lang") String lang, @QueryParam("slide") Integer slide,
            @HeaderParam("Host") String host, @HeaderParam("Accept-Language") String accept) {
        Talk talk = find(code);
        Response refused = keylessLookup(talk, key, code, lang, accept);
        if (refused != null) {
            return refused;
        }
        String joinUrl = urls.base(host) + "/t/" + talk.joinCode;
        List<PresenterSlide> slides = Slide.listByTalk(talk).stream().map(s -> {
            Poll poll = s.pollKey == null ? null : Poll.findByTalkAndKey(talk, s.pollKey).orElse(null);
            return poll == null ? new PresenterSlide(s, null, null, null)
                    : new PresenterSlide(s, results.results(poll.id), poll.resultsMode, poll.timeLimit);
        }).toList();
        // The show's current slide, so a reload or a second screen lands where the presenter is; ?slide= overrides.
        int start = slide != null && slide >= 1 && slide <= slides.size() ? slide
                : Math.max(1, Math.min(talk.currentSlide, slides.size()));
        String language = Languages.choose(lang, null, talk.language);
        // A login that may present the talk gets the talk's key, so the page's script can run the show with it.
        String validKey = TalkService.isPresenterKey(talk, key) || talks.loginMayPresent(talk) ? talk.presenterKey
                : null;
        return Response.ok(localized(new presenter(language, Languages.other(language), talk, joinUrl,
                PublicUrls.shortForm(joinUrl), QrCodes.of(joinUrl), validKey, slides, start, talk.version), language))
                .build();
    }

    @GET
    @Path("present/{code}/notes")
    @Transactional
    @Operation(hidden = true)
    public Response notesPage(@PathParam("code") String code, @QueryParam("key") String key,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        Talk talk = find(code);
        Response refused = keylessLookup(talk, key, code, lang, accept);
        if (refused != null) {
            return refused;
        }
        if (!TalkService.isPresenterKey(talk, key) && !talks.loginMayPresent(talk)) {
            String language = Languages.choose(lang, accept, talk.language);
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                    .entity(localized(new forbidden(language, Languages.other(language)), language))
                    .build();
        }
        List<Slide> list = Slide.listByTalk(talk);
        List<NoteSlide> slides = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Slide s = list.get(i);
            boolean last = i + 1 == list.size();
            slides.add(new NoteSlide(s.position, s.title, s.notes, last ? null : list.get(i + 1).title, last));
        }
        int start = Math.max(1, Math.min(talk.currentSlide, slides.size()));
        String language = Languages.choose(lang, null, talk.language);
        return Response.ok(localized(new notes(language, Languages.other(language), talk, talk.presenterKey, slides, start,
                talk.version), language)).build();
    }

    /** The talk with this join code as typed, or null. */
    private Talk find(String code) {
        String normalized = JoinCodes.normalize(code);
        return JoinCodes.isWellFormed(normalized) ? Talk.findByJoinCode(normalized).orElse(null) : null;
    }

    /**
     * The limits of a presenter page: with the talk's key it is the presenter's own screen and not limited; without,
     * it is a look-up of a join code like any other.
     *
     * @return the refusal (429 or an unknown code's 404), or null to go on
     */
    private Response keylessLookup(Talk talk, String presenterKey, String code, String lang, String accept) {
        if (talk != null && TalkService.isPresenterKey(talk, presenterKey)) {
            return null;
        }
        String key = client.key();
        String language = Languages.choose(lang, accept, talk == null ? null : talk.language);
        try {
            limits.lookup(key);
        } catch (RateLimited e) {
            return tooMany(e, language);
        }
        return talk == null ? unknownCode(code, language, key) : null;
    }

    /** The join form again with "we don't know the code"; the code counts as a miss of the client. */
    private Response unknownCode(String code, String language, String clientKey) {
        limits.joinCodeRefusal(TalkService.unknown(code), clientKey);
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(localized(new index(language, Languages.other(language), echo(code), true), language))
                .build();
    }

    private static Response tooMany(RateLimited e, String language) {
        return Response.status(429).type(MediaType.TEXT_HTML_TYPE).header("Retry-After", e.retryAfterSeconds())
                .entity(localized(new tooMany(language, Languages.other(language), e.retryAfterSeconds()), language))
                .build();
    }

    /** Milliseconds as {@code mm:ss}, rounded up to whole seconds (as the presenter screen's countdown shows it). */
    static String mmss(long millis) {
        long seconds = (Math.max(0, millis) + 999) / 1000;
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }

    /** What the visitor typed, shortened so that a pasted essay is not echoed back whole. */
    private static String echo(String code) {
        String typed = code == null ? "" : code.strip();
        return typed.length() > 12 ? typed.substring(0, 12) + "…" : typed;
    }

    static TemplateInstance localized(TemplateInstance instance, String language) {
        return instance.setLocale(Locale.forLanguageTag(language));
    }
}
