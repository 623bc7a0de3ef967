package dk.afstemning.web;

import java.net.URI;
import java.util.List;

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
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

import dk.afstemning.account.Role;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.view.OrganiserViews;

/**
 * Where a login lands, and the presenter account's own pages: {@code /home} sends organisers to their dashboard and
 * presenter accounts to {@code /my-talks}, the talks assigned to them with Present, Console, deck editing and
 * results ({@code /my-talks/{code}/results}, the talk's results page without the organiser's sections).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PresenterPages {

    @Inject
    SecurityIdentity identity;

    @Inject
    OrganiserViews views;

    /** @param organiser whether the login is an organiser's (who may present every talk) */
    /** @param missing a join code asked for that names no talk of this account (shown as a message), or null */
    record myTalks(String lang, String otherLang, String user, boolean organiser, List<TalkHeader> talks,
            String missing) implements TemplateInstance {
    }

    @GET
    @Path("home")
    @Operation(hidden = true)
    public Response home() {
        // No ?lang= passed on: the language cookie (LanguageCookie) carries the visitor's choice to the next page.
        return Response.seeOther(URI.create(identity.hasRole(Role.ORGANISER) ? "/organiser" : "/my-talks")).build();
    }

    @GET
    @Path("my-talks")
    @Operation(hidden = true)
    public TemplateInstance myTalksPage(@QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        String language = Languages.choose(lang, accept, null);
        boolean organiser = identity.hasRole(Role.ORGANISER);
        String user = identity.getPrincipal().getName();
        return PageResource.localized(new myTalks(language, Languages.other(language), user, organiser,
                views.myTalks(user, organiser), null), language);
    }

    @GET
    @Path("my-talks/{code}/results")
    @Operation(hidden = true)
    public Response results(@PathParam("code") String code, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        String role = identity.hasRole(Role.ORGANISER) ? Role.ORGANISER : Role.PRESENTER;
        String user = identity.getPrincipal().getName();
        try {
            var report = views.presentedReport(JoinCodes.normalize(code), user, role);
            String language = Languages.choose(lang, accept, report.talk().language());
            return Response.ok(PageResource.localized(new OrganiserPages.talk(language, Languages.other(language),
                    report, true, List.of(), "", null, false, true, views.qa(report.talk().id())), language)).build();
        } catch (dk.afstemning.problem.ApiProblem e) {
            // Not a talk of this account: My talks again, saying so (a page, never a problem+json body).
            String language = Languages.choose(lang, accept, null);
            boolean organiser = role.equals(Role.ORGANISER);
            return Response.status(404).type(MediaType.TEXT_HTML_TYPE).entity(PageResource.localized(new myTalks(
                    language, Languages.other(language), user, organiser, views.myTalks(user, organiser),
                    JoinCodes.normalize(code)), language)).build();
        }
    }
}
