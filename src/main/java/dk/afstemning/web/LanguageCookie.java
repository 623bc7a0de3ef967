package dk.afstemning.web;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;

/**
 * The language switch's memory. A page asked for with {@code ?lang=da} or {@code ?lang=en} (the switch's links) sets
 * the cookie {@code lang} for a year; a later page asked for without {@code ?lang=} is served as if it carried the
 * cookie's language, so the visitor's choice wins over the browser's {@code Accept-Language} on every page. A form
 * posted to a page (a wrong delete confirmation shows its page again) is read with the cookie's language too, but
 * only a GET sets the cookie. The presenter screen and its notes are left out: they speak the deck's language unless
 * their own link says otherwise.
 */
@Provider
@PreMatching
public class LanguageCookie implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String NAME = "lang";
    private static final String FROM_COOKIE = LanguageCookie.class.getName() + ".fromCookie";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!page(request) || valid(request.getUriInfo().getQueryParameters().getFirst(NAME))) {
            return;
        }
        Cookie cookie = request.getCookies().get(NAME);
        if (cookie != null && valid(cookie.getValue())) {
            request.setRequestUri(request.getUriInfo().getRequestUriBuilder().queryParam(NAME, cookie.getValue()).build());
            request.setProperty(FROM_COOKIE, Boolean.TRUE);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String chosen = request.getUriInfo().getQueryParameters().getFirst(NAME);
        if (applies(request) && valid(chosen) && request.getProperty(FROM_COOKIE) == null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(NAME).value(chosen).path("/")
                    .maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX).httpOnly(true).build());
        }
    }

    /** Pages only: requests outside the API, the sockets, Quarkus' own paths and the presenter screens. */
    private static boolean page(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        return !path.startsWith("api/") && !path.startsWith("q/") && !path.startsWith("ws/")
                && !path.startsWith("present/");
    }

    /** Where the cookie is set: pages asked for with GET. */
    private static boolean applies(ContainerRequestContext request) {
        return HttpMethod.GET.equals(request.getMethod()) && page(request);
    }

    private static boolean valid(String language) {
        return language != null && Languages.SUPPORTED.contains(language);
    }
}
