package dk.afstemning.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

import dk.afstemning.platform.AppConfig;

/**
 * Which pages may use the participant cookie: a request with an {@code Origin} header must come from the site it is
 * sent to (the origin's host and port equal the request's {@code Host}), or from a site in
 * {@code afstemning.allowed-origins}, or from {@code afstemning.public-url}. A request without {@code Origin} (curl,
 * scripts, tests) is allowed: browsers always send it on socket upgrades and cross-site posts.
 */
@Singleton
public class OriginPolicy {

    private final Set<String> allowed = new HashSet<>();

    @Inject
    OriginPolicy(AppConfig config) {
        this(config.allowedOrigins(), config.publicUrl());
    }

    OriginPolicy(Optional<List<String>> allowedOrigins, Optional<String> publicUrl) {
        for (String origin : allowedOrigins.orElse(List.of())) {
            if (!origin.isBlank()) {
                allowed.add(parse(origin.strip()).orElseThrow(() -> new IllegalArgumentException(
                        "afstemning.allowed-origins: '" + origin + "' is not an origin like https://example.dk:8443"))
                        .toString());
            }
        }
        publicUrl.filter(url -> !url.isBlank()).flatMap(url -> parse(siteOf(url.strip())))
                .ifPresent(origin -> allowed.add(origin.toString()));
    }

    /** True unless the request carries an {@code Origin} of another site (or several, or a malformed one). */
    public boolean allows(HttpServerRequest request) {
        List<String> origins = request.headers().getAll("Origin");
        if (origins.isEmpty()) {
            return true;
        }
        if (origins.size() > 1) {
            return false;
        }
        Optional<Origin> origin = parse(origins.get(0).strip());
        if (origin.isEmpty()) {
            return false;
        }
        return allowed.contains(origin.get().toString()) || origin.get().matches(request.authority());
    }

    /** A parsed origin, host in lower case without brackets, port made explicit. */
    record Origin(String scheme, String host, int port) {

        boolean matches(HostAndPort authority) {
            if (authority == null || authority.host() == null) {
                return false;
            }
            int requestPort = authority.port() >= 0 ? authority.port() : defaultPort(scheme);
            return host.equals(bare(authority.host())) && port == requestPort;
        }

        @Override
        public String toString() {
            return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    static Optional<Origin> parse(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
                return Optional.empty();
            }
            return Optional.of(new Origin(scheme, bare(uri.getHost()),
                    uri.getPort() >= 0 ? uri.getPort() : defaultPort(scheme)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code scheme://authority} of a URL, without its path. */
    private static String siteOf(String url) {
        int start = url.indexOf("://");
        int end = start < 0 ? -1 : url.indexOf('/', start + 3);
        return end < 0 ? url : url.substring(0, end);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
