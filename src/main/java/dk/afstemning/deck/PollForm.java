package dk.afstemning.deck;

import java.io.StringReader;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;

/**
 * The deck editor's poll form, as the poll block it stands for: the editor writes the block, and the deck parser
 * ({@link PollBlockParser}) checks it, so the form has the poll block's rules and error texts.
 *
 * @param id the poll id; blank to make one from the question
 * @param type the poll type's name
 * @param question the question
 * @param options the options, one per entry; blank entries are left out
 * @param keys every other key of the poll block by its name ({@code results}, {@code time-limit}, {@code min},
 *        {@code correct}: one option per line, ...); blank values are left out
 */
public record PollForm(String id, String type, String question, List<String> options, Map<String, String> keys) {

    /** The keys every poll block may have besides id, type, question and options, in the order they are written. */
    public static final List<String> COMMON_KEYS = List.of("results", "vote-changes", "time-limit", "phone-results");

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

    /** An empty form for a new choice poll. */
    public static PollForm empty(String type) {
        return new PollForm("", type, "", List.of("", ""), Map.of());
    }

    /**
     * The poll block's YAML. Keys of the type's own that do not apply to the chosen type are left out (the form shows
     * every type's fields); an option whose text is in {@code previous} keeps that block's explicit option id.
     */
    String yaml(PollTypes types, String pollId, Map<?, ?> previous) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("id", pollId);
        block.put("type", blankToNull(type));
        block.put("question", blankToNull(question));
        PollType chosen = type == null ? null : types.find(type.strip());
        if (chosen == null || chosen.hasOptions()) {
            Map<String, String> ids = optionIds(previous);
            List<Object> list = new ArrayList<>();
            for (String option : options) {
                if (option != null && !option.isBlank()) {
                    String text = option.strip();
                    list.add(ids.containsKey(text) ? new LinkedHashMap<>(Map.of("id", ids.get(text), "text", text))
                            : text);
                }
            }
            block.put("options", list);
        }
        for (String key : COMMON_KEYS) {
            block.put(key, value(keys.get(key)));
        }
        if (chosen != null) {
            for (String key : new TreeMap<>(keys).keySet()) {
                if (chosen.deckKeys().contains(key)) {
                    block.put(key, key.equals("correct") ? lines(keys.get(key)) : value(keys.get(key)));
                }
            }
        }
        block.entrySet().removeIf(e -> e.getValue() == null
                || !e.getKey().equals("options") && e.getValue() instanceof List<?> l && l.isEmpty());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(1000);
        options.setAllowUnicode(true);
        return new Yaml(options).dump(block);
    }

    /** The slide of a new poll: the question as its heading, the poll block, and the speaker notes. */
    String slide(PollTypes types, String pollId, String notes) {
        String body = "## " + heading(question == null ? "" : question.strip()) + "\n\n```poll\n"
                + yaml(types, pollId, Map.of()) + "```\n";
        return notes == null || notes.isBlank() ? body : body + "\n" + DeckSource.comment(notes) + "\n";
    }

    /** The form of a poll block's YAML, as the block says it. */
    static PollForm of(String yaml) {
        Map<?, ?> block = load(yaml);
        List<String> options = new ArrayList<>();
        if (block.get("options") instanceof List<?> list) {
            for (Object o : list) {
                options.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("text")) : String.valueOf(o));
            }
        }
        Map<String, String> keys = new LinkedHashMap<>();
        block.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!Set.of("id", "type", "question", "options").contains(key) && v != null) {
                keys.put(key, v instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList())
                        : v instanceof Boolean b ? (b ? "true" : "false") : String.valueOf(v));
            }
        });
        Object type = block.get("type");
        return new PollForm(String.valueOf(block.get("id")), type == null ? "choice" : String.valueOf(type),
                String.valueOf(block.get("question")), options, keys);
    }

    static Map<?, ?> load(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        Object loaded = new Yaml(options).load(new StringReader(yaml));
        return loaded instanceof Map<?, ?> map ? map : Map.of();
    }

    /** A poll id made from the question: lower-case letters and digits joined by {@code -}, at most 40 long. */
    static String idFrom(String question) {
        String text = question == null ? "" : question.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "oe")
                .replace("å", "aa");
        text = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (text.length() > 40) {
            text = text.substring(0, 40).replaceAll("-+$", "");
        }
        return text.isEmpty() ? "poll" : text;
    }

    private static Map<String, String> optionIds(Map<?, ?> previous) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (previous != null && previous.get("options") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("id") != null && m.get("text") != null) {
                    ids.put(String.valueOf(m.get("text")).strip(), String.valueOf(m.get("id")));
                }
            }
        }
        return ids;
    }

    private static Object value(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        return NUMBER.matcher(v).matches() ? Integer.valueOf(v) : v;
    }

    private static List<String> lines(String raw) {
        return raw == null ? List.of() : raw.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The question as heading text: characters that Markdown would read as formatting are escaped. */
    static String heading(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#!|~])", "\\\\$1").replace('\n', ' ');
    }
}
