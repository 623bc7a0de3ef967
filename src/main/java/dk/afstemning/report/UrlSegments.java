package dk.afstemning.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Qute extension {@code {text.urlEncode}}: a text as one URL path segment (UTF-8, spaces as %20). */
@TemplateExtension
public final class UrlSegments {

    private UrlSegments() {
    }

    /** The text percent-encoded for use as a path segment. */
    public static String urlEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
