package dk.afstemning.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finds listed Danish and English swear words in a text, matching whole words (and whole listed phrases such as
 * "two girls one cup") after {@link TextNormalizer#key normalisation}, so "LORT", "lort!" and "Lort" in NFD match and
 * "lortevejr" or "pisse" do not. The word lists are {@code text/profanity-da.json} and {@code text/profanity-en.json},
 * copied unchanged from the npm package {@code naughty-words} 1.2.0, which packages LDNOOBW's "List of Dirty, Naughty,
 * Obscene, and Otherwise Bad Words" (https://github.com/LDNOOBW/List-of-Dirty-Naughty-Obscene-and-Otherwise-Bad-Words),
 * licensed CC BY 4.0, and Afstemning's own Danish supplement {@code text/profanity-da-afstemning.json} (inflections and
 * the swear words the LDNOOBW list lacks, such as "fanden", "satan" and "kraftedeme"); see {@code text/PROFANITY-LISTS.md}.
 * A word is any run of letters, digits, marks and apostrophes. A deck adds and allows words of its own with
 * {@link #adjusted}.
 */
public final class ProfanityFilter {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}'’]+");
    private static final ProfanityFilter STANDARD = new ProfanityFilter(load("da", "en", "da-afstemning"));
    /** Adjusted filters by their word lists; a deck's lists rarely change, so a few are kept. */
    private static final Map<List<List<String>>, ProfanityFilter> ADJUSTED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<List<String>>, ProfanityFilter> eldest) {
                    return size() > 64;
                }
            });

    private final Set<String> entries = new HashSet<>();
    private final int longestPhrase;

    /** A filter for these words and phrases (compared after normalisation). */
    public ProfanityFilter(Collection<String> words) {
        int longest = 1;
        for (String w : words) {
            List<String> tokens = words(w);
            if (!tokens.isEmpty()) {
                entries.add(String.join(" ", tokens));
                longest = Math.max(longest, tokens.size());
            }
        }
        longestPhrase = longest;
    }

    /** The filter with the Danish and English lists. */
    public static ProfanityFilter standard() {
        return STANDARD;
    }

    /**
     * This filter with {@code add} listed too and {@code allow} taken off (both compared after normalisation, as
     * words or phrases), e.g. a deck's {@code profanity-words} and {@code profanity-allow}.
     */
    public ProfanityFilter adjusted(List<String> add, List<String> allow) {
        if (add.isEmpty() && allow.isEmpty()) {
            return this;
        }
        if (this != STANDARD) {
            return build(add, allow);
        }
        return ADJUSTED.computeIfAbsent(List.of(List.copyOf(add), List.copyOf(allow)), k -> build(add, allow));
    }

    private ProfanityFilter build(List<String> add, List<String> allow) {
        Set<String> allowed = new HashSet<>();
        for (String a : allow) {
            allowed.add(String.join(" ", words(a)));
        }
        List<String> all = new ArrayList<>();
        for (String e : entries) {
            if (!allowed.contains(e)) {
                all.add(e);
            }
        }
        all.addAll(add);
        return new ProfanityFilter(all);
    }

    /** The normalised form of a listed word or phrase, as {@link #firstMatch} reports it; empty when it has no word. */
    public static String normalised(String word) {
        return String.join(" ", words(word));
    }

    /** True when {@code text} contains a listed word or phrase as whole words. */
    public boolean matches(String text) {
        return firstMatch(text).isPresent();
    }

    /** The first listed word or phrase found in {@code text}, in its normalised form. */
    public Optional<String> firstMatch(String text) {
        List<String> tokens = words(text);
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder phrase = new StringBuilder();
            for (int n = 0; n < longestPhrase && i + n < tokens.size(); n++) {
                if (n > 0) {
                    phrase.append(' ');
                }
                phrase.append(tokens.get(i + n));
                if (entries.contains(phrase.toString())) {
                    return Optional.of(phrase.toString());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String key = TextNormalizer.key(text).replace('’', '\'');
        List<String> out = new ArrayList<>();
        for (String w : NOT_WORD.split(key)) {
            String stripped = w.replaceAll("^'+|'+$", "");
            if (!stripped.isEmpty()) {
                out.add(stripped);
            }
        }
        return out;
    }

    private static List<String> load(String... languages) {
        ObjectMapper mapper = new ObjectMapper();
        List<String> words = new ArrayList<>();
        for (String language : languages) {
            String path = "/text/profanity-" + language + ".json";
            try (InputStream in = ProfanityFilter.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing word list " + path);
                }
                words.addAll(mapper.readValue(in, new TypeReference<List<String>>() {
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return words;
    }

    /** For tests: a filter of a few words. */
    static ProfanityFilter of(String... words) {
        return new ProfanityFilter(Arrays.asList(words));
    }
}
