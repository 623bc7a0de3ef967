package dk.afstemning.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.TemplateInstance;

import dk.afstemning.deck.MarpDecks;

import dk.afstemning.participant.ParticipantCookie;
import dk.afstemning.participant.ParticipantService;
import dk.afstemning.platform.PublicUrls;
import dk.afstemning.problem.RateLimited;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.talk.ShowState;
import dk.afstemning.talk.TalkService;
import dk.afstemning.view.ConsoleView;
import dk.afstemning.view.ConsoleViews;
import dk.afstemning.view.ParticipantView;
import dk.afstemning.view.ParticipantViews;
import dk.afstemning.view.PresenterView;
import dk.afstemning.view.PresenterViews;
import dk.afstemning.talk.TalkHeader;

/** The HTML pages: the join form, the participant page, the presenter screen and the speaker console. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {

    @Inject
    ParticipantViews participants;

    @Inject
    PresenterViews presenters;

    @Inject
    ConsoleViews consoles;

    @Inject
    PublicUrls urls;

    @Inject
    MarpDecks marp;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    record index(String lang, String otherLang, String code, boolean unknown) implements TemplateInstance {
    }

    record participant(String lang, String otherLang, TalkHeader talk, ShowState show,
            List<ParticipantView.ParticipantPoll> polls, boolean waiting, String nickname) implements TemplateInstance {
    }

    record presenter(String lang, String otherLang, TalkHeader talk, String joinUrl, String joinShort, QrCodes.Qr qr,
            String key, List<PresenterView.PresenterSlide> slides, int start, long showVersion, String overlay,
            Long questionId, MarpDecks.MarpDeck marp) implements TemplateInstance {
    }

    record console(String lang, String otherLang, TalkHeader talk, String key, ShowState show,
            List<ConsoleView.ConsoleSlide> slides, ConsoleView view, MarpDecks.MarpDeck marp) implements TemplateInstance {
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
        Optional<TalkHeader> talk = participants.find(code);
        if (talk.isPresent()) {
            return Response.seeOther(URI.create("/t/" + talk.get().joinCode() + (lang == null ? "" : "?lang=" + lang)))
                    .build();
        }
        return unknownCode(code, language, key);
    }

    @GET
    @Path("t/{code}")
    @Operation(hidden = true)
    public Response participantPage(@PathParam("code") String code, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept, @CookieParam(ParticipantService.COOKIE) String token) {
        String key = client.key();
        try {
            limits.lookup(key);
        } catch (RateLimited e) {
            return tooMany(e, Languages.choose(lang, accept, null));
        }
        TalkHeader talk = participants.find(code).orElse(null);
        if (talk == null) {
            return unknownCode(code, Languages.choose(lang, accept, null), key);
        }
        if (!talk.joinCode().equals(code)) {
            return Response.seeOther(URI.create("/t/" + talk.joinCode())).build();
        }
        ParticipantView view;
        try {
            view = participants.join(talk.joinCode(), token, () -> limits.join(key));
        } catch (RateLimited e) {
            return tooMany(e, Languages.choose(lang, accept, talk.language()));
        }
        String language = Languages.choose(lang, accept, view.talk().language());
        return Response.ok(localized(new participant(language, Languages.other(language), view.talk(), view.show(),
                view.polls(), view.waiting(), view.nickname()), language))
                .cookie(ParticipantCookie.of(view.token())).build();
    }

    @GET
    @Path("present/{code}")
    @Operation(hidden = true)
    public Response presenterPage(@PathParam("code") String code, @QueryParam("key") String key,
            @QueryParam("lang") String lang, @QueryParam("slide") Integer slide,
            @HeaderParam("Host") String host, @HeaderParam("Accept-Language") String accept) {
        PresenterViews.Access access = presenters.access(code, key).orElse(null);
        Response refused = keylessLookup(access, code, lang, accept);
        if (refused != null) {
            return refused;
        }
        if (key != null && !key.isEmpty() && !access.mayPresent()) {
            // A mistyped or cut-off presenter link: say so, rather than a screen whose keys silently do nothing.
            String language = Languages.choose(lang, accept, access.language());
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                    .entity(localized(new forbidden(language, Languages.other(language)), language)).build();
        }
        PresenterView view = presenters.page(access.joinCode(), key);
        TalkHeader talk = view.talk();
        String joinUrl = urls.base(host) + "/t/" + talk.joinCode();
        int slides = view.slides().size();
        // The show's current slide, so a reload or a second screen lands where the presenter is; ?slide= overrides.
        int start = slide != null && slide >= 1 && slide <= slides ? slide
                : Math.max(1, Math.min(talk.currentSlide(), slides));
        String language = Languages.choose(lang, null, talk.language());
        return Response.ok(localized(new presenter(language, Languages.other(language), talk, joinUrl,
                PublicUrls.shortForm(joinUrl), QrCodes.of(joinUrl), view.key(), view.slides(), start, talk.version(),
                view.show().overlay(), view.show().questionId(), marp.forTalk(talk.joinCode()).orElse(null)), language))
                .build();
    }

    /** The speaker notes window of earlier versions grew into the console: its address leads there. */
    @GET
    @Path("present/{code}/notes")
    @Operation(hidden = true)
    public Response notesPage(@PathParam("code") String code, @QueryParam("key") String key,
            @QueryParam("lang") String lang) {
        UriBuilder console = UriBuilder.fromPath("/present/{code}/console");
        if (key != null) {
            console.queryParam("key", key);
        }
        if (lang != null) {
            console.queryParam("lang", lang);
        }
        return Response.seeOther(console.build(code)).build();
    }

    @GET
    @Path("present/{code}/console")
    @Operation(hidden = true)
    public Response consolePage(@PathParam("code") String code, @QueryParam("key") String key,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        PresenterViews.Access access = presenters.access(code, key).orElse(null);
        Response refused = keylessLookup(access, code, lang, accept);
        if (refused != null) {
            return refused;
        }
        if (!access.mayPresent()) {
            String language = Languages.choose(lang, accept, access.language());
            return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                    .entity(localized(new forbidden(language, Languages.other(language)), language))
                    .build();
        }
        ConsoleView view = consoles.console(access.joinCode(), key);
        String language = Languages.choose(lang, null, view.talk().language());
        return Response.ok(localized(new console(language, Languages.other(language), view.talk(), view.key(),
                view.show(), view.slides(), view, marp.forTalk(view.talk().joinCode()).orElse(null)), language)).build();
    }

    /**
     * The limits of a presenter page: with the talk's key it is the presenter's own screen and not limited; without,
     * it is a look-up of a join code like any other.
     *
     * @return the refusal (429 or an unknown code's 404), or null to go on
     */
    private Response keylessLookup(PresenterViews.Access talk, String code, String lang, String accept) {
        if (talk != null && talk.keyFits()) {
            return null;
        }
        String key = client.key();
        String language = Languages.choose(lang, accept, talk == null ? null : talk.language());
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

    /** What the visitor typed, shortened so that a pasted essay is not echoed back whole. */
    private static String echo(String code) {
        String typed = code == null ? "" : code.strip();
        return typed.length() > 12 ? typed.substring(0, 12) + "…" : typed;
    }

    static TemplateInstance localized(TemplateInstance instance, String language) {
        return instance.setLocale(Locale.forLanguageTag(language));
    }
}
