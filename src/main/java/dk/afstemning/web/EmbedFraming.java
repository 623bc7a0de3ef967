package dk.afstemning.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.filters.Filters;

import dk.afstemning.platform.AppConfig;

/**
 * The Content-Security-Policy of the embed view: the app's policy ({@code csp.policy}) with {@code frame-ancestors
 * 'self'} and the origins of {@code afstemning.frame-ancestors}, so that a PowerPoint add-in, a Keynote web object or a
 * reveal.js deck on those sites may frame it. Every other page keeps {@code frame-ancestors 'self'} (application
 * properties). Read once at start: a value that is not an origin stops the start with a message naming it, since a
 * stray {@code ;} or quote would change the policy itself.
 * <p>
 * The policy of application.properties is added to every answer; an answer under {@code /embed/} gets this one instead,
 * set when its headers are written: a second policy header would not widen the first, browsers enforce both.
 */
@Startup
@Singleton
public class EmbedFraming {

    /** {@code scheme://host[:port]}, the host possibly {@code *.}-prefixed, the port possibly {@code *}. */
    private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://(\\*\\.)?" + LABEL + "(\\." + LABEL + ")*(:([0-9]{1,5}|\\*))?");

    /** Where the embed view lives ({@link EmbedResource}). */
    static final String PATH = "/embed/";

    private static final String HEADER = "Content-Security-Policy";

    private final String policy;

    @Inject
    EmbedFraming(AppConfig app, @ConfigProperty(name = "csp.policy") String base) {
        this.policy = base + "; frame-ancestors " + String.join(" ", sources(app.frameAncestors().orElse(List.of())));
    }

    /** The embed view's whole Content-Security-Policy header value. */
    public String policy() {
        return policy;
    }

    void replaceOnEmbeds(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path != null && path.startsWith(PATH)) {
                context.addHeadersEndHandler(v -> context.response().headers().set(HEADER, policy));
            }
            context.next();
        }, 100);
    }

    /**
     * {@code 'self'} and the given origins, each once. Entries may also be separated by spaces, and {@code 'self'}
     * among them is accepted (the setting's earlier form was CSP's own, {@code 'self' https://…}).
     *
     * @throws IllegalArgumentException an entry that is not an origin
     */
    static List<String> sources(List<String> configured) {
        Set<String> sources = new LinkedHashSet<>();
        sources.add("'self'");
        for (String entry : configured) {
            for (String origin : entry.strip().split("[\\s,]+")) {
                if (origin.isEmpty() || origin.equals("'self'")) {
                    continue;
                }
                String trimmed = origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
                if (!ORIGIN.matcher(trimmed).matches()) {
                    throw new IllegalArgumentException("afstemning.frame-ancestors: '" + origin
                            + "' is not an origin such as https://intranet.example.dk or http://127.0.0.1:8000");
                }
                sources.add(trimmed);
            }
        }
        return new ArrayList<>(sources);
    }
}
