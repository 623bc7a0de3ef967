package dk.afstemning.web;

import java.net.URI;
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
import dk.afstemning.poll.Poll;
import dk.afstemning.poll.PollOption;
import dk.afstemning.poll.PollStatus;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.results.PollResults;
import dk.afstemning.results.ResultsService;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.Slide;
import dk.afstemning.talk.Talk;
import dk.afstemning.talk.TalkService;
import dk.afstemning.vote.Vote;

/** The HTML pages: the join form, the participant page and the presenter screen. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @Inject
    TalkService talks;

    @Inject
    ParticipantService participants;

    @Inject
    ResultsService results;

    @Inject
    PublicUrls urls;

    record index(String lang, String otherLang, String code, boolean unknown) implements TemplateInstance {
    }

    /** A poll as the participant page shows it; {@code myOptionId} is the visitor's vote in the current round. */
    public record ParticipantPoll(String id, String question, PollStatus status, long version,
            List<PollOption> options, Long myOptionId) {
    }

    record participant(String lang, String otherLang, Talk talk, List<ParticipantPoll> polls, boolean anyOpen)
            implements TemplateInstance {
    }

    /** A slide on the presenter screen, with its poll's current results when it has a poll. */
    public record PresenterSlide(Slide slide, PollResults poll) {
    }

    record presenter(String lang, String otherLang, Talk talk, String joinUrl, String joinShort, QrCodes.Qr qr,
            String key, List<PresenterSlide> slides, int start) implements TemplateInstance {
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
        String normalized = JoinCodes.normalize(code);
        if (JoinCodes.isWellFormed(normalized) && Talk.findByJoinCode(normalized).isPresent()) {
            return Response.seeOther(URI.create("/t/" + normalized + (lang == null ? "" : "?lang=" + lang))).build();
        }
        String language = Languages.choose(lang, accept, null);
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(localized(new index(language, Languages.other(language), code == null ? "" : code, true),
                        language))
                .build();
    }

    @GET
    @Path("t/{code}")
    @Transactional
    @Operation(hidden = true)
    public Response participantPage(@PathParam("code") String code, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept, @CookieParam(ParticipantService.COOKIE) String token) {
        Talk talk;
        try {
            talk = talks.require(code);
        } catch (ApiProblem e) {
            return join(code, lang, accept);
        }
        if (!talk.joinCode.equals(code)) {
            return Response.seeOther(URI.create("/t/" + talk.joinCode)).build();
        }
        Participant participant = participants.join(talk, token);
        List<ParticipantPoll> polls = Poll.listActiveByTalk(talk).stream()
                .map(p -> new ParticipantPoll(p.key, p.question, p.status, p.version, PollOption.listActiveByPoll(p),
                        Vote.findCurrent(p, p.round, participant).map(v -> v.option.id).orElse(null)))
                .toList();
        String language = Languages.choose(lang, accept, talk.language);
        boolean anyOpen = polls.stream().anyMatch(p -> p.status() == PollStatus.OPEN);
        return Response.ok(localized(new participant(language, Languages.other(language), talk, polls, anyOpen),
                language)).cookie(ParticipantCookie.of(participant.token)).build();
    }

    @GET
    @Path("present/{code}")
    @Transactional
    @Operation(hidden = true)
    public Response presenterPage(@PathParam("code") String code, @QueryParam("key") String key,
            @QueryParam("lang") String lang, @QueryParam("slide") Integer slide,
            @HeaderParam("Host") String host, @HeaderParam("Accept-Language") String accept) {
        Talk talk;
        try {
            talk = talks.require(code);
        } catch (ApiProblem e) {
            return join(code, lang, accept);
        }
        String joinUrl = urls.base(host) + "/t/" + talk.joinCode;
        List<PresenterSlide> slides = Slide.listByTalk(talk).stream()
                .map(s -> new PresenterSlide(s, s.pollKey == null ? null
                        : Poll.findByTalkAndKey(talk, s.pollKey).map(p -> results.results(p.id)).orElse(null)))
                .toList();
        int start = slide != null && slide >= 1 && slide <= slides.size() ? slide
                : slides.stream().filter(s -> s.poll() != null).map(s -> s.slide().position).findFirst().orElse(1);
        String language = Languages.choose(lang, null, talk.language);
        String validKey = TalkService.isPresenterKey(talk, key) ? key : null;
        return Response.ok(localized(new presenter(language, Languages.other(language), talk, joinUrl,
                PublicUrls.shortForm(joinUrl), QrCodes.of(joinUrl), validKey, slides, start), language))
                .header("Referrer-Policy", "no-referrer").build();
    }

    private static TemplateInstance localized(TemplateInstance instance, String language) {
        return instance.setLocale(Locale.forLanguageTag(language));
    }
}
