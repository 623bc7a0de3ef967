package dk.afstemning.web;

import java.util.Locale;
import java.util.Set;

/** Picks the UI language of a page: an explicit {@code ?lang=}, else the browser's, else the talk's, else English. */
public final class Languages {

    public static final Set<String> SUPPORTED = Set.of("da", "en");

    private Languages() {
    }

    /**
     * @param explicit the {@code lang} query parameter, may be null
     * @param acceptLanguage the {@code Accept-Language} header, may be null
     * @param talkLanguage the deck's language, may be null
     * @return {@code "da"} or {@code "en"}
     */
    public static String choose(String explicit, String acceptLanguage, String talkLanguage) {
        if (explicit != null && SUPPORTED.contains(explicit)) {
            return explicit;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String tag = range.getRange();
                    if (tag.equals("*")) {
                        break;
                    }
                    String language = tag.length() >= 2 ? tag.substring(0, 2).toLowerCase(Locale.ROOT) : tag;
                    if (SUPPORTED.contains(language) && range.getWeight() > 0) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header is ignored, not an error for the visitor
            }
        }
        return talkLanguage != null && SUPPORTED.contains(talkLanguage) ? talkLanguage : "en";
    }

    /** The other of the two languages, for the language switch. */
    public static String other(String language) {
        return language.equals("da") ? "en" : "da";
    }
}
