package dk.afstemning.deck;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dk.afstemning.answer.QuestionType;
import dk.afstemning.answer.QuestionTypes;

/**
 * Reads the YAML inside a fenced {@code poll} block, strictly: an unknown key, a wrong type or a missing field is a
 * {@link DeckException} naming the deck line of the offending YAML node.
 */
final class PollBlockParser {

    static final int MAX_OPTIONS = 20;
    static final int MAX_TEXT = 300;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> COMMON_KEYS = Set.of("id", "type", "question", "options", "results",
            "vote-changes", "time-limit");
    /** Keys some poll type adds (see {@link QuestionType#deckKeys()}). */
    private static final Set<String> TYPE_KEYS = Set.of("min", "max", "low", "high", "correct", "max-entries",
            "max-chars", "profanity-filter", "moderation");
    /** Word cloud: default and most entries per participant; default and most characters per entry. */
    static final int CLOUD_ENTRIES = 3;
    static final int CLOUD_MAX_ENTRIES = 10;
    static final int CLOUD_CHARS = 25;
    static final int CLOUD_MAX_CHARS = 50;
    /** Open text: default and most characters per answer. */
    static final int OPEN_CHARS = 280;
    static final int OPEN_MAX_CHARS = 1000;
    static final int MAX_TIME_LIMIT = 3600;
    /** Most points a scale may have (e.g. 0–10). */
    static final int MAX_SCALE_POINTS = 11;

    private final String file;
    private final int firstLine;

    /**
     * @param file deck file name for messages
     * @param firstLine 1-based deck line of the first YAML line (the line after the opening fence)
     */
    PollBlockParser(String file, int firstLine) {
        this.file = file;
        this.firstLine = firstLine;
    }

    PollSpec parse(String yaml, int fenceLine) {
        Node root = compose(yaml);
        if (!(root instanceof MappingNode map)) {
            throw error(root, "a poll block must be a YAML mapping with id, question and options");
        }
        String id = null;
        String type = "choice";
        String question = null;
        List<PollSpec.OptionSpec> options;
        boolean resultsHidden = false;
        boolean voteChanges = true;
        Integer timeLimit = null;
        Node optionsKey = null;
        Node optionsNode = null;
        Map<String, NodeTuple> typeKeys = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = uniqueKey(tuple, seen);
            Node value = tuple.getValueNode();
            switch (key) {
                case "id" -> id = checkedId(value);
                case "type" -> type = checkedType(value);
                case "question" -> question = text(value, "question");
                case "options" -> {
                    optionsKey = tuple.getKeyNode();
                    optionsNode = value;
                }
                case "min", "max", "low", "high", "correct", "max-entries", "max-chars", "profanity-filter",
                        "moderation" -> typeKeys.put(key, tuple);
                case "results" -> resultsHidden = oneOf(value, "results", "live", "hidden").equals("hidden");
                case "vote-changes" -> voteChanges = oneOf(value, "vote-changes", "true", "false").equals("true");
                case "time-limit" -> timeLimit = seconds(value);
                default -> throw error(tuple.getKeyNode(),
                        "unknown key '" + key + "' in poll block; allowed keys are " + String.join(", ", sorted(allKeys())));
            }
        }
        int line = fenceLine;
        if (id == null) {
            throw new DeckException(file, line, "poll block has no 'id'");
        }
        if (question == null) {
            throw new DeckException(file, line, "poll '" + id + "' has no 'question'");
        }
        QuestionType questionType = QuestionTypes.get(type);
        for (NodeTuple tuple : typeKeys.values()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (!questionType.deckKeys().contains(key)) {
                throw error(tuple.getKeyNode(), "key '" + key + "' does not apply to a '" + type + "' poll; "
                        + (questionType.deckKeys().isEmpty() ? "that type takes no keys beyond " + String.join(", ",
                                sorted(COMMON_KEYS)) : "its own keys are " + String.join(", ", sorted(questionType.deckKeys()))));
            }
        }
        if (questionType.hasOptions()) {
            if (optionsNode == null) {
                throw new DeckException(file, line, "poll '" + id + "' has no 'options'");
            }
            options = options(optionsNode, QuestionTypes.maxOptions(type));
        } else if (optionsKey != null) {
            throw error(optionsKey, "a '" + type + "' poll has no options; remove 'options'");
        } else {
            options = List.of();
        }
        PollSpec.Answers answers = answers(type, typeKeys, options, line, id);
        return new PollSpec(id, type, question, List.copyOf(options), line,
                new PollSpec.Settings(resultsHidden, voteChanges, timeLimit), answers);
    }

    private static Set<String> allKeys() {
        Set<String> keys = new HashSet<>(COMMON_KEYS);
        keys.addAll(TYPE_KEYS);
        return keys;
    }

    /** The type-specific keys, checked against the type and the options. */
    private PollSpec.Answers answers(String type, Map<String, NodeTuple> keys, List<PollSpec.OptionSpec> options,
            int line, String id) {
        Node minNode = value(keys, "min");
        Node maxNode = value(keys, "max");
        Integer min = minNode == null ? null : whole(minNode, "min");
        Integer max = maxNode == null ? null : whole(maxNode, "max");
        String low = value(keys, "low") == null ? null : text(value(keys, "low"), "low");
        String high = value(keys, "high") == null ? null : text(value(keys, "high"), "high");
        List<String> correct = List.of();
        Integer maxChars = null;
        Boolean profanity = null;
        Boolean moderation = null;
        switch (type) {
            case "wordcloud", "open" -> {
                boolean cloud = type.equals("wordcloud");
                Node entriesNode = value(keys, "max-entries");
                if (cloud) {
                    max = entriesNode == null ? CLOUD_ENTRIES : whole(entriesNode, "max-entries");
                    if (max < 1 || max > CLOUD_MAX_ENTRIES) {
                        throw error(entriesNode, "'max-entries' must be from 1 to " + CLOUD_MAX_ENTRIES + ", not " + max);
                    }
                }
                Node charsNode = value(keys, "max-chars");
                int most = cloud ? CLOUD_MAX_CHARS : OPEN_MAX_CHARS;
                maxChars = charsNode == null ? (cloud ? CLOUD_CHARS : OPEN_CHARS) : whole(charsNode, "max-chars");
                if (maxChars < 1 || maxChars > most) {
                    throw error(charsNode, "'max-chars' must be from 1 to " + most + ", not " + maxChars);
                }
                Node filterNode = value(keys, "profanity-filter");
                profanity = filterNode == null ? null : onOff(filterNode, "profanity-filter");
                Node moderationNode = value(keys, "moderation");
                moderation = cloud ? null : moderationNode == null || onOff(moderationNode, "moderation");
            }
            case "multiple" -> {
                int lo = min == null ? 1 : min;
                int hi = max == null ? options.size() : max;
                if (lo < 1 || lo > options.size()) {
                    throw error(minNode, "'min' must be from 1 to the number of options (" + options.size() + "), not " + lo);
                }
                if (hi < lo || hi > options.size()) {
                    throw error(maxNode != null ? maxNode : minNode, "'max' must be from 'min' (" + lo
                            + ") to the number of options (" + options.size() + "), not " + hi);
                }
                min = lo;
                max = hi;
            }
            case "scale" -> {
                int lo = min == null ? 1 : min;
                int hi = max == null ? 5 : max;
                if (lo < 0 || lo > 1) {
                    throw error(minNode, "a scale's 'min' must be 0 or 1, not " + lo);
                }
                if (hi <= lo || hi - lo + 1 > MAX_SCALE_POINTS) {
                    throw error(maxNode != null ? maxNode : minNode, "a scale's 'max' must be from " + (lo + 1) + " to "
                            + (lo + MAX_SCALE_POINTS - 1) + ", not " + hi);
                }
                min = lo;
                max = hi;
            }
            case "slider" -> {
                if (low == null || high == null) {
                    throw new DeckException(file, line, "slider poll '" + id + "' needs both poles, 'low' and 'high'");
                }
            }
            case "quiz" -> correct = correct(value(keys, "correct"), options, line, id);
            default -> {
                // choice and ranking take no keys of their own
            }
        }
        return new PollSpec.Answers(min, max, low, high, correct, maxChars, profanity, moderation);
    }

    /** A switch: {@code on}/{@code true} or {@code off}/{@code false} (YAML reads a bare on/off as text here). */
    private boolean onOff(Node node, String key) {
        return switch (scalar(node, key)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw error(node, "'" + key + "' must be on or off, not '" + scalar(node, key) + "'");
        };
    }

    /** {@code correct}: one option or a list, each named by its {@code id} or its exact text. */
    private List<String> correct(Node node, List<PollSpec.OptionSpec> options, int line, String id) {
        if (node == null) {
            throw new DeckException(file, line, "quiz poll '" + id + "' has no 'correct' option");
        }
        List<Node> items = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
        if (items.isEmpty()) {
            throw error(node, "'correct' must name at least one option");
        }
        List<String> keys = new ArrayList<>();
        for (Node item : items) {
            String name = scalar(item, "correct option");
            String key = options.stream()
                    .filter(o -> o.key().equals(name) || o.text().equals(Normalizer.normalize(name.strip(), Normalizer.Form.NFC)))
                    .map(PollSpec.OptionSpec::key).findFirst()
                    .orElseThrow(() -> error(item, "'correct' names '" + name + "', which is neither an option id nor an option text"));
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    private static Node value(Map<String, NodeTuple> keys, String key) {
        NodeTuple tuple = keys.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private int whole(Node node, String key) {
        String v = scalar(node, key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(node, "'" + key + "' must be a whole number, not '" + v + "'");
        }
    }

    private Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(64 * 1024);
        try {
            Node node = new Yaml(options).compose(new StringReader(yaml));
            if (node == null) {
                throw new DeckException(file, firstLine, "poll block is empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? firstLine + e.getProblemMark().getLine() : firstLine;
            throw new DeckException(file, line, "invalid YAML in poll block: " + e.getProblem());
        } catch (YAMLException e) {
            throw new DeckException(file, firstLine, "invalid YAML in poll block: " + e.getMessage());
        }
    }

    private String checkedId(Node value) {
        String id = scalar(value, "id");
        if (!ID.matcher(id).matches()) {
            throw error(value, "poll id '" + id + "' must be 1-64 lower-case letters, digits, '-' or '_'");
        }
        return id;
    }

    private String oneOf(Node value, String key, String... allowed) {
        String v = scalar(value, key);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw error(value, "'" + key + "' must be one of " + String.join(", ", allowed) + ", not '" + v + "'");
    }

    private Integer seconds(Node value) {
        String v = scalar(value, "time-limit");
        try {
            int seconds = Integer.parseInt(v);
            if (seconds >= 5 && seconds <= MAX_TIME_LIMIT) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(value, "'time-limit' must be a whole number of seconds from 5 to " + MAX_TIME_LIMIT + ", not '" + v + "'");
    }

    private String checkedType(Node value) {
        String type = scalar(value, "type");
        if (QuestionTypes.find(type) == null) {
            throw error(value, "unsupported poll type '" + type + "'; supported: "
                    + String.join(", ", sorted(QuestionTypes.names())));
        }
        return type;
    }

    private List<PollSpec.OptionSpec> options(Node value, int maxOptions) {
        if (!(value instanceof SequenceNode seq)) {
            throw error(value, "'options' must be a list");
        }
        if (seq.getValue().size() < 2) {
            throw error(value, "a poll needs at least 2 options");
        }
        if (seq.getValue().size() > maxOptions) {
            throw error(value, "a poll of this type has at most " + maxOptions + " options");
        }
        List<PollSpec.OptionSpec> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Node item : seq.getValue()) {
            PollSpec.OptionSpec option = option(item);
            if (!keys.add(option.key())) {
                throw error(item, "duplicate option '" + option.text() + "'");
            }
            result.add(option);
        }
        return result;
    }

    private PollSpec.OptionSpec option(Node item) {
        if (item instanceof MappingNode map) {
            String id = null;
            String text = null;
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : map.getValue()) {
                String key = uniqueKey(tuple, seen);
                switch (key) {
                    case "id" -> id = checkedId(tuple.getValueNode());
                    case "text" -> text = text(tuple.getValueNode(), "option text");
                    default -> throw error(tuple.getKeyNode(),
                            "unknown key '" + key + "' in option; allowed keys are id, text");
                }
            }
            if (text == null) {
                throw error(item, "option has no 'text'");
            }
            return new PollSpec.OptionSpec(id != null ? id : derivedKey(text), text);
        }
        String text = text(item, "option");
        return new PollSpec.OptionSpec(derivedKey(text), text);
    }

    private String uniqueKey(NodeTuple tuple, Set<String> seen) {
        String key = scalar(tuple.getKeyNode(), "key");
        if (!seen.add(key)) {
            throw error(tuple.getKeyNode(), "duplicate key '" + key + "'");
        }
        return key;
    }

    private String text(Node node, String what) {
        String text = scalar(node, what).strip();
        if (text.isEmpty()) {
            throw error(node, what + " must not be empty");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw error(node, what + " is longer than " + MAX_TEXT + " characters");
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, what + " must be a single value, not a list or mapping");
        }
        return scalar.getValue();
    }

    private DeckException error(Node node, String reason) {
        return new DeckException(file, firstLine + node.getStartMark().getLine(), reason);
    }

    /** An option without an explicit id is keyed by its text, so editing one option never moves votes to another. */
    static String derivedKey(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "t-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> sorted(Set<String> set) {
        return set.stream().sorted().toList();
    }
}
