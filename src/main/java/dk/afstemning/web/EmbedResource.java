package dk.afstemning.web;

import java.util.Optional;

import jakarta.inject.Inject;
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

import dk.afstemning.platform.PublicUrls;
import dk.afstemning.problem.RateLimited;
import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.CurrentClient;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.talk.TalkService;
import dk.afstemning.view.PresenterView;
import dk.afstemning.view.PresenterViews;

/**
 * The embed view, {@code /embed/{code}/{pollId}}: one poll's live results as the audience screen draws them (its
 * question, bars or cloud, the join code and a small QR code), without any control, for a frame in another
 * presentation tool. With the talk's presenter key ({@code ?key=}) its script moves the show to the poll's slide when
 * the frame is shown ({@code js/embed.js}); without, it only follows. Every answer under this path carries
 * {@link EmbedFraming}'s policy, so the sites of {@code afstemning.frame-ancestors} may frame it, its refusals too.
 */
@Path("/embed/{code}/{pollId}")
@Produces(MediaType.TEXT_HTML)
public class EmbedResource {

    @Inject
    PresenterViews presenters;

    @Inject
    PublicUrls urls;

    @Inject
    AbuseLimits limits;

    @Inject
    CurrentClient client;

    /**
     * @param item the poll's slide
     * @param homeSlide the deck's first slide without a poll, where the phones wait (0: none)
     * @param hostDriven true when the framing page says when the poll is shown ({@code control=host}, the reveal.js
     *        plugin), false when the page watches its own visibility
     * @param openOnArrival whether arriving opens a poll that was never opened ({@code open=arrival})
     */
    record embed(String lang, String otherLang, TalkHeader talk, String joinUrl, String joinShort, QrCodes.Qr qr,
            String key, PresenterView.PresenterSlide item, int homeSlide, boolean hostDriven, boolean openOnArrival)
            implements TemplateInstance {
    }

    /** @param pollId the poll asked for, or null when the talk itself is unknown */
    record missing(String lang, String otherLang, String pollId) implements TemplateInstance {
    }

    @GET
    @Operation(hidden = true)
    public Response embed(@PathParam("code") String code, @PathParam("pollId") String pollId,
            @QueryParam("key") String key, @QueryParam("lang") String lang, @QueryParam("control") String control,
            @QueryParam("open") String open, @HeaderParam("Host") String host,
            @HeaderParam("Accept-Language") String accept) {
        PresenterViews.Access access = presenters.access(code, key).orElse(null);
        if (access == null || !access.keyFits()) {
            // Without the key it is a look-up of a join code like any other (as the audience screen's).
            try {
                limits.lookup(client.key());
            } catch (RateLimited e) {
                String language = Languages.choose(lang, accept, access == null ? null : access.language());
                return framed(Response.status(429).header("Retry-After", e.retryAfterSeconds()),
                        new PageResource.tooMany(language, Languages.other(language), e.retryAfterSeconds()),
                        language);
            }
        }
        if (access == null) {
            limits.joinCodeRefusal(TalkService.unknown(code), client.key());
            String language = Languages.choose(lang, accept, null);
            return framed(Response.status(404), new missing(language, Languages.other(language), null), language);
        }
        String language = Languages.choose(lang, null, access.language());
        if (key != null && !key.isEmpty() && !access.mayPresent()) {
            // A wrong key would give a view whose moves silently fail: say so.
            return framed(Response.status(403), new PageResource.forbidden(language, Languages.other(language)),
                    language);
        }
        PresenterView view = presenters.page(access.joinCode(), key);
        Optional<PresenterView.PresenterSlide> slide = view.slides().stream()
                .filter(s -> s.poll() != null && s.poll().pollId().equals(pollId)).findFirst();
        if (slide.isEmpty()) {
            return framed(Response.status(404), new missing(language, Languages.other(language), pollId), language);
        }
        int home = view.slides().stream().filter(s -> s.poll() == null).mapToInt(s -> s.slide().position())
                .findFirst().orElse(0);
        TalkHeader talk = view.talk();
        String joinUrl = urls.base(host) + "/t/" + talk.joinCode();
        return framed(Response.ok(), new embed(language, Languages.other(language), talk, joinUrl,
                PublicUrls.shortForm(joinUrl), QrCodes.of(joinUrl), view.key(), slide.get(), home,
                "host".equals(control), "arrival".equals(open)), language);
    }

    private Response framed(Response.ResponseBuilder response, TemplateInstance page, String language) {
        return response.type(MediaType.TEXT_HTML_TYPE).entity(PageResource.localized(page, language)).build();
    }
}
