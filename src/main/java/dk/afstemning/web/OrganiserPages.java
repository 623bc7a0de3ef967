package dk.afstemning.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

import dk.afstemning.account.AccountService;
import dk.afstemning.account.Role;
import dk.afstemning.account.SessionVersions;
import dk.afstemning.live.PresenterKeyRotation;
import dk.afstemning.organiser.TalkDeletion;
import dk.afstemning.organiser.TalkReports;
import dk.afstemning.problem.ApiProblem;
import dk.afstemning.share.ShareService;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.TalkHeader;
import dk.afstemning.view.OrganiserViews;
import dk.afstemning.platform.PublicUrls;
import dk.afstemning.platform.HttpConfig;
import dk.afstemning.platform.TextInput;

/**
 * The organiser's pages: the login form, the dashboard of every talk (search, date filter, decks and uploads), a
 * talk's results, share links, deleting a talk after a confirmation, and accounts. Every {@code /organiser} page
 * needs an organiser login (see application.properties); every form post carries the CSRF token.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class OrganiserPages {

    @Inject
    ErrorPages errorPages;

    @Inject
    TalkReports reports;

    @Inject
    ShareService shares;

    @Inject
    OrganiserViews views;

    @Inject
    TalkDeletion deletion;

    @Inject
    AccountService accounts;

    @Inject
    PublicUrls urls;

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpConfig http;

    @Inject
    SessionVersions versions;

    @Inject
    PresenterKeyRotation keys;

    /** @param throttled seconds until a login may be tried again after too many failures, or 0 */
    record login(String lang, String otherLang, boolean error, long throttled) implements TemplateInstance {
    }

    record dashboard(String lang, String otherLang, String baseUrl, String user, String query, String from, String to,
            List<TalkReports.TalkRow> talks, String deleted) implements TemplateInstance {
    }

    /**
     * A talk's results; {@code shared} is the read-only view of a share link (no links, no organiser sections), and
     * {@code mine} that view as a presenter account reads its own talk (with Present, Console and its own menu).
     *
     * @param shareBase the base of share links, e.g. {@code http://host:8080/share/}
     */
    /** The presenter page's and the console's links with the talk's presenter key, for the organiser only. */
    record KeyLinks(String present, String console) {
    }

    record talk(String lang, String otherLang, TalkReports.TalkReport report, boolean shared,
            List<OrganiserViews.ShareLinkView> links, String shareBase, KeyLinks keyLinks, boolean rotated,
            boolean mine,
            List<dk.afstemning.report.Reports.QaRow> qa) implements TemplateInstance {
    }

    record deleteTalk(String lang, String otherLang, TalkHeader talk, boolean mismatch) implements TemplateInstance {
    }

    /**
     * @param refused the problem type of a refused change ({@code invalid-username}, {@code talk-not-found}, …), or null
     * @param username the user name a refused new account was given, to fill in again
     * @param me the logged-in organiser's user name: their own row offers no Disable or Delete
     * @param done the change just made, said on the page ({@code created} or {@code assigned}), or null
     * @param doneAccount the account it was made to, or null
     * @param doneTalk the talk just assigned, or null
     */
    record accountsPage(String lang, String otherLang, List<OrganiserViews.AccountView> accounts, String refused,
            String username, String me, String done, OrganiserViews.AccountView doneAccount, TalkHeader doneTalk)
            implements TemplateInstance {
    }

    /** An organiser page for a talk that does not exist (an old bookmark, a deleted talk). */
    record notFound(String lang, String otherLang) implements TemplateInstance {
    }

    /** @param refused the problem type of a refused change ({@code wrong-password}, {@code common-password}, …) */
    record passwordPage(String lang, String otherLang, boolean changed, String refused) implements TemplateInstance {
    }

    @GET
    @Path("login")
    @Operation(hidden = true)
    public TemplateInstance loginPage(@QueryParam("error") boolean error, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        String language = Languages.choose(lang, accept, null);
        return PageResource.localized(new login(language, Languages.other(language), error, 0), language);
    }

    /**
     * Ends the login: the cookies are removed, and the account's session version is bumped, so every session of the
     * account ends, a copied cookie included.
     */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response logout() {
        if (!identity.isAnonymous()) {
            accounts.endSessions(identity.getPrincipal().getName());
        }
        return Response.seeOther(URI.create("/login"))
                .cookie(new NewCookie.Builder(http.sessionCookie()).value("").path("/").maxAge(0).httpOnly(true).build(),
                        new NewCookie.Builder(SessionVersions.COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                                .build())
                .build();
    }

    /** The form to change one's own password (any logged-in account). */
    @GET
    @Path("account/password")
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance passwordPage(@QueryParam("lang") String lang, @QueryParam("changed") boolean changed,
            @HeaderParam("Accept-Language") String accept) {
        String language = Languages.choose(lang, accept, null);
        return PageResource.localized(new passwordPage(language, Languages.other(language), changed, null), language);
    }

    /**
     * Changes one's own password; every other session of the account ends, this one goes on. A refusal shows the form
     * again with the reason.
     */
    @POST
    @Path("account/password")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response changePassword(@RestForm("current") String current, @RestForm("password") String password,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        String name = identity.getPrincipal().getName();
        try {
            SessionVersions.Stamp stamp = accounts.changePassword(name, TextInput.clean("current", current),
                    TextInput.clean("password", password));
            return Response.seeOther(URI.create("/account/password?changed=true"))
                    .cookie(new NewCookie.Builder(SessionVersions.COOKIE).value(versions.token(stamp))
                            .path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build())
                    .build();
        } catch (ApiProblem e) {
            String language = Languages.choose(lang, accept, null);
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(PageResource.localized(
                    new passwordPage(language, Languages.other(language), false, e.type()), language)).build();
        }
    }

    /** The dashboard; a presenter account that opens it is sent to its own talks (PresenterPages) instead of a 403. */
    @GET
    @Path("organiser")
    @io.quarkus.security.Authenticated
    @Operation(hidden = true)
    public Response dashboardPage(@QueryParam("q") String query, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("deleted") String deleted, @QueryParam("lang") String lang,
            @HeaderParam("Host") String host, @HeaderParam("Accept-Language") String accept) {
        if (!identity.hasRole(Role.ORGANISER)) {
            // A ?lang= given here has set the language cookie (LanguageCookie), which My talks then reads.
            return Response.seeOther(URI.create("/my-talks")).build();
        }
        String language = Languages.choose(lang, accept, null);
        List<TalkReports.TalkRow> talks = reports.talks(query, date(from), date(to));
        return Response.ok(PageResource.localized(new dashboard(language, Languages.other(language), urls.base(host),
                identity.getPrincipal().getName(), query == null ? "" : query, from == null ? "" : from,
                to == null ? "" : to, talks, deleted), language)).build();
    }

    @GET
    @Path("organiser/talks/{id}")
    @RolesAllowed(Role.ORGANISER)
    @Operation(hidden = true)
    public Response talkPage(@PathParam("id") long id, @QueryParam("lang") String lang,
            @QueryParam("rotated") boolean rotated, @QueryParam("links") boolean links,
            @HeaderParam("Host") String host, @HeaderParam("Accept-Language") String accept) {
        OrganiserViews.TalkPage page;
        try {
            page = views.talkPage(id);
        } catch (ApiProblem e) {
            // An old bookmark or a deleted talk: a page in the organiser's language with a way back, not a problem body.
            String language = Languages.choose(lang, accept, null);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(PageResource.localized(
                    new notFound(language, Languages.other(language)), language)).build();
        }
        String language = Languages.choose(lang, accept, page.report().talk().language());
        String present = urls.base(host) + "/present/" + page.report().talk().joinCode();
        // The key is on the page only when asked for (or just made): a talk page shown on a shared screen or printed
        // does not carry it.
        KeyLinks keyLinks = rotated || links ? new KeyLinks(present + "?key=" + page.presenterKey(),
                present + "/console?key=" + page.presenterKey()) : null;
        return Response.ok(PageResource.localized(new talk(language, Languages.other(language), page.report(), false,
                page.links(), urls.base(host) + "/share/", keyLinks, rotated, false, page.qa()), language)).build();
    }

    @POST
    @Path("organiser/talks/{id}/shares")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createShare(@PathParam("id") long id) {
        shares.create(id);
        return Response.seeOther(URI.create("/organiser/talks/" + id + "#sharing")).build();
    }

    @POST
    @Path("organiser/talks/{id}/shares/{link}/revoke")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revokeShare(@PathParam("id") long id, @PathParam("link") long link) {
        shares.revoke(id, link);
        return Response.seeOther(URI.create("/organiser/talks/" + id + "#sharing")).build();
    }

    /**
     * Gives the talk a new presenter key: presenter URLs and console links with the old key stop working, and the
     * talk's open presenter sockets are closed. Presenters with a login (an assigned presenter account) go on.
     */
    @POST
    @Path("organiser/talks/{id}/presenter-key")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response rotatePresenterKey(@PathParam("id") long id) {
        keys.rotate(id);
        return Response.seeOther(URI.create("/organiser/talks/" + id + "?rotated=true#presenter-key")).build();
    }

    @GET
    @Path("organiser/talks/{id}/delete")
    @RolesAllowed(Role.ORGANISER)
    @Operation(hidden = true)
    public TemplateInstance deletePage(@PathParam("id") long id, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        TalkHeader talk = views.talk(id);
        String language = Languages.choose(lang, accept, null);
        return PageResource.localized(new deleteTalk(language, Languages.other(language), talk, false), language);
    }

    /** Deletes the talk when the form repeats its join code; otherwise the confirmation again, and nothing changes. */
    @POST
    @Path("organiser/talks/{id}/delete")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id, @RestForm("confirm") String confirm,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        TextInput.clean("confirm", confirm);
        TalkHeader talk = views.talk(id);
        if (confirm == null || !talk.joinCode().equals(confirm.strip().toUpperCase(java.util.Locale.ROOT))) {
            String language = Languages.choose(lang, accept, null);
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(PageResource.localized(
                    new deleteTalk(language, Languages.other(language), talk, true), language)).build();
        }
        deletion.delete(id);
        return Response.seeOther(URI.create("/organiser?deleted=" + talk.joinCode())).build();
    }

    @GET
    @Path("organiser/accounts")
    @RolesAllowed(Role.ORGANISER)
    @Operation(hidden = true)
    public TemplateInstance accountsList(@QueryParam("lang") String lang, @QueryParam("done") String done,
            @QueryParam("account") Long account, @QueryParam("talk") String talk,
            @HeaderParam("Accept-Language") String accept) {
        String language = Languages.choose(lang, accept, null);
        List<OrganiserViews.AccountView> all = views.accounts();
        // The confirmation names the account and talk as stored, never text from the address.
        OrganiserViews.AccountView changed = all.stream().filter(a -> a.id().equals(account)).findFirst().orElse(null);
        TalkHeader assigned = changed == null || talk == null ? null : changed.talks().stream()
                .filter(t -> t.joinCode().equals(JoinCodes.normalize(talk))).findFirst().orElse(null); // "q82-hpz" too
        boolean said = changed != null && ("created".equals(done) || "assigned".equals(done) && assigned != null);
        return PageResource.localized(new accountsPage(language, Languages.other(language), all, null, "", me(),
                said ? done : null, changed, assigned), language);
    }

    private String me() {
        return identity.getPrincipal().getName();
    }

    @POST
    @Path("organiser/accounts")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response createAccount(@RestForm("username") String username, @RestForm("password") String password,
            @RestForm("role") String role, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        return onAccountsPage(() -> {
            TextInput.clean("username", username);
            TextInput.clean("password", password);
            TextInput.clean("role", role);
            String name = username == null ? null : username.strip();
            accounts.create(name, password, role);
            // Found again by name, through the view: a resource never reads an entity (ArchitectureTest).
            return "done=created&account=" + views.accounts().stream().filter(v -> v.username().equals(name))
                    .findFirst().map(OrganiserViews.AccountView::id).orElseThrow();
        }, username, lang, accept);
    }

    @POST
    @Path("organiser/accounts/{id}/talks")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response assign(@PathParam("id") long id, @RestForm("code") String code, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        return onAccountsPage(() -> {
            String clean = TextInput.clean("code", code);
            accounts.assign(id, clean);
            return "done=assigned&account=" + id + "&talk=" + URLEncoder.encode(clean.strip(), StandardCharsets.UTF_8);
        }, null, lang, accept);
    }

    /** Disables an account (it cannot log in, and its sessions end at their next request) or enables it again. */
    @POST
    @Path("organiser/accounts/{id}/{action:disable|enable}")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response disable(@PathParam("id") long id, @PathParam("action") String action,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        return onAccountsPage(() -> {
            accounts.setDisabled(id, action.equals("disable"), me());
            return null;
        }, null, lang, accept);
    }

    @POST
    @Path("organiser/accounts/{id}/delete")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response deleteAccount(@PathParam("id") long id, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        return onAccountsPage(() -> {
            accounts.delete(id, me());
            return null;
        }, null, lang, accept);
    }

    /** Takes a talk away from a presenter account. */
    @POST
    @Path("organiser/accounts/{id}/talks/{talkId}/remove")
    @RolesAllowed(Role.ORGANISER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response unassign(@PathParam("id") long id, @PathParam("talkId") long talkId,
            @QueryParam("lang") String lang, @HeaderParam("Accept-Language") String accept) {
        return onAccountsPage(() -> {
            accounts.unassign(id, talkId);
            return null;
        }, null, lang, accept);
    }

    /**
     * Runs a change of the accounts page's forms: done, back to the page (303); refused, the page again with the
     * refusal in the page's language and the refusal's status (a form never answers with a problem+json body).
     */
    private Response onAccountsPage(Supplier<String> change, String username, String lang, String accept) {
        try {
            // The change gives the query that has the page confirm it ("done=created&account=7"), or null.
            String query = change.get();
            String language = lang == null || lang.isBlank() ? null : Languages.choose(lang, accept, null);
            String params = (query == null ? "" : query) + (language == null ? "" : (query == null ? "" : "&")
                    + "lang=" + language);
            return Response.seeOther(URI.create("/organiser/accounts" + (params.isEmpty() ? "" : "?" + params))).build();
        } catch (ApiProblem e) {
            String language = Languages.choose(lang, accept, null);
            return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE).entity(PageResource.localized(
                    new accountsPage(language, Languages.other(language), views.accounts(), e.type(),
                            username == null ? "" : username, me(), null, null, null), language)).build();
        }
    }

    /** The read-only results behind a share link; 404 for an unknown or revoked token. */
    @GET
    @Path("share/{token}")
    @Operation(hidden = true)
    public Response sharedPage(@PathParam("token") String token, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String accept) {
        TalkReports.TalkReport report = views.shared(token).orElse(null);
        if (report == null) {
            return errorPages.page(404, Languages.choose(lang, accept, null));
        }
        String language = Languages.choose(lang, accept, report.talk().language());
        return Response.ok(PageResource.localized(new talk(language, Languages.other(language), report, true,
                List.of(), "", null, false, false, List.of()), language)).header("Referrer-Policy", "no-referrer").build();
    }

    private static LocalDate date(String iso) {
        try {
            return iso == null || iso.isBlank() ? null : LocalDate.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("invalid-date", "date '" + iso + "' is not a calendar date such as 2023-03-14");
        }
    }
}
