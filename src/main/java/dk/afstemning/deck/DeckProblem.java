package dk.afstemning.deck;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.quarkus.qute.i18n.Message;

/**
 * One fault of a deck or of an upload, as a message key of {@link DeckErrorTexts} and its arguments rather than a
 * sentence, so that every page and the REST API say it in their language.
 *
 * @param file the deck's (or upload's) file name
 * @param line 1-based line of the deck file; 0 when the fault has no line (a zip entry, an upload's size)
 * @param key the message key, a method of {@link DeckErrorTexts}
 * @param args the message's arguments, in the order of the method's parameters
 */
public record DeckProblem(String file, int line, String key, List<String> args) {

    public DeckProblem {
        args = List.copyOf(args);
        if (!Texts.METHODS.containsKey(key)) {
            throw new IllegalArgumentException("no deck error text '" + key + "'");
        }
    }

    /** A problem whose arguments are shown as {@link String#valueOf} gives them. */
    public static DeckProblem of(String file, int line, String key, Object... args) {
        return new DeckProblem(file, line, key, Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The key as the REST API's {@code errors[].code}: {@code poll_type_unknown} is {@code poll-type-unknown}. */
    public String code() {
        return key.replace('_', '-');
    }

    /** The message without file and line, in {@code language} ({@code da}; anything else is English). */
    public String message(String language) {
        return Texts.render(key, args, language);
    }

    /** The message with {@code file:line: } before it when it has a line, in {@code language}. */
    public String text(String language) {
        return line > 0 ? file + ":" + line + ": " + message(language) : message(language);
    }

    /** {@link #text} in English, for logs, the command line and the exception's message. */
    public String english() {
        return text("en");
    }

    /**
     * A lead-in or other text of {@link DeckErrorTexts} that is not a problem (such as {@code errors_more}), in
     * {@code language}.
     */
    public static String say(String language, String key, Object... args) {
        return Texts.render(key, Arrays.stream(args).map(String::valueOf).toList(), language);
    }

    /** Every fault of {@code e} as {@code file:line: message} in {@code language}, then "and N more errors" if any. */
    public static List<String> lines(DeckException e, String language) {
        List<String> lines = new java.util.ArrayList<>(e.problems().stream().map(p -> p.text(language)).toList());
        if (e.more() > 0) {
            lines.add(say(language, "errors_more", e.more()));
        }
        return List.copyOf(lines);
    }

    /** The English texts from the interface's annotations, the Danish ones from the bundle's properties file. */
    static final class Texts {

        static final Map<String, Method> METHODS = Arrays.stream(DeckErrorTexts.class.getDeclaredMethods())
                .collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity()));
        static final Properties DANISH = load("/messages/deckerr_da.properties");
        /** A Qute parameter reference, the only expression a deck error text holds. */
        static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");

        private Texts() {
        }

        static String english(String key) {
            return METHODS.get(key).getAnnotation(Message.class).value();
        }

        static String template(String key, String language) {
            String danish = "da".equals(language) ? DANISH.getProperty(key) : null;
            return danish != null ? danish : english(key);
        }

        static String render(String key, List<String> args, String language) {
            Method method = METHODS.get(key);
            if (method == null) {
                throw new IllegalArgumentException("no deck error text '" + key + "'");
            }
            List<String> names = Arrays.stream(method.getParameters()).map(p -> p.getName()).toList();
            Matcher m = PLACEHOLDER.matcher(template(key, language));
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int index = names.indexOf(m.group(1));
                String value = index >= 0 && index < args.size() ? args.get(index) : m.group();
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static Properties load(String resource) {
            Properties properties = new Properties();
            try (InputStream in = DeckProblem.class.getResourceAsStream(resource)) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return properties;
        }
    }
}
