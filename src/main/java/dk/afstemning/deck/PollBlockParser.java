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

import dk.afstemning.polltype.DeckKeys;
import dk.afstemning.polltype.DeckSettings;
import dk.afstemning.polltype.PollType;
import dk.afstemning.polltype.PollTypes;
import dk.afstemning.text.Graphemes;

/**
 * Reads the YAML inside a fenced {@code poll} block, strictly: an unknown key, a wrong type or a missing field is a
 * {@link DeckException} naming the deck line of the offending YAML node. The keys of each type are the type's
 * ({@link PollType#deckKeys()}, read by {@link PollType#readDeckKeys}); this parser reads the common ones.
 */
final class PollBlockParser {

    static final int MAX_TEXT = 300;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> COMMON_KEYS = Set.of("id", "type", "question", "options", "results",
            "vote-changes", "time-limit", "phone-results");
    static final int MAX_TIME_LIMIT = 3600;
    /** The values of {@code phone-results}, in a poll block and in the front matter. */
    static final String[] PHONE_RESULTS = {"after-vote", "after-close", "never"};

    private final String file;
    private final int firstLine;
    private final PollTypes types;

    /**
     * @param file deck file name for messages
     * @param firstLine 1-based deck line of the first YAML line (the line after the opening fence)
     * @param types the poll types, which read their own keys
     */
    PollBlockParser(String file, int firstLine, PollTypes types) {
        this.file = file;
        this.firstLine = firstLine;
        this.types = types;
    }

    PollSpec parse(String yaml, int fenceLine) {
        Node root = compose(yaml);
        if (!(root instanceof MappingNode map)) {
            throw error(root, "block_not_mapping");
        }
        String id = null;
        String type = types.defaultType().name();
        String question = null;
        List<PollSpec.OptionSpec> options;
        boolean resultsHidden = false;
        boolean voteChanges = true;
        Integer timeLimit = null;
        String phoneResults = null;
        Node optionsKey = null;
        Node optionsNode = null;
        Map<String, NodeTuple> typeKeys = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        // Each key's fault is noted and the next key read, so that a block lists all its faults at once.
        DeckProblems problems = new DeckProblems();
        for (NodeTuple tuple : map.getValue()) {
            try {
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
                    case "results" -> resultsHidden = oneOf(value, "results", "live", "hidden").equals("hidden");
                    case "vote-changes" -> voteChanges = oneOf(value, "vote-changes", "true", "false").equals("true");
                    case "time-limit" -> timeLimit = seconds(value);
                    case "phone-results" -> phoneResults = oneOf(value, "phone-results", PHONE_RESULTS);
                    default -> {
                        if (!types.deckKeys().contains(key)) {
                            throw error(tuple.getKeyNode(), "block_unknown_key", key, String.join(", ", sorted(allKeys())));
                        }
                        typeKeys.put(key, tuple);
                    }
                }
            } catch (DeckException e) {
                problems.add(e);
            }
        }
        int line = fenceLine;
        if (!seen.contains("id")) {
            problems.add(DeckException.of(file, line, "block_no_id"));
        }
        if (!seen.contains("question") && id != null) {
            problems.add(DeckException.of(file, line, "block_no_question", id));
        }
        // The checks below need a valid id and type.
        problems.throwIfAny();
        PollType questionType = types.get(type);
        for (NodeTuple tuple : typeKeys.values()) {
            String key = scalar(tuple.getKeyNode(), "key");
            if (!questionType.deckKeys().contains(key)) {
                problems.add(questionType.deckKeys().isEmpty()
                        ? error(tuple.getKeyNode(), "key_not_for_type_common", key, type, String.join(", ", sorted(COMMON_KEYS)))
                        : error(tuple.getKeyNode(), "key_not_for_type", key, type,
                                String.join(", ", sorted(questionType.deckKeys()))));
            }
        }
        if (questionType.hasOptions()) {
            if (optionsNode == null) {
                problems.add(DeckException.of(file, line, "block_no_options", id));
                options = List.of();
            } else {
                Node node = optionsNode;
                options = problems.read(() -> options(node, questionType.maxOptions()), List.of());
            }
        } else if (optionsKey != null) {
            problems.add(error(optionsKey, "type_without_options", type));
            options = List.of();
        } else {
            options = List.of();
        }
        problems.throwIfAny();
        DeckSettings read = questionType.readDeckKeys(new TypeKeys(typeKeys, options, line, id));
        PollSpec.Answers answers = new PollSpec.Answers(read.min(), read.max(), read.low(), read.high(),
                read.correct(), read.maxChars(), read.profanityFilter(), read.moderation());
        return new PollSpec(id, type, question, List.copyOf(options), line,
                new PollSpec.Settings(resultsHidden, voteChanges, timeLimit, phoneResults), answers);
    }

    private Set<String> allKeys() {
        Set<String> keys = new HashSet<>(COMMON_KEYS);
        keys.addAll(types.deckKeys());
        return keys;
    }

    /** A switch: {@code on}/{@code true} or {@code off}/{@code false} (YAML reads a bare on/off as text here). */
    private boolean onOff(Node node, String key) {
        return switch (scalar(node, key)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw error(node, "on_off", key, scalar(node, key));
        };
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
            throw error(node, "not_whole", key, v);
        }
    }

    private Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(64 * 1024);
        try {
            Node node = new Yaml(options).compose(new StringReader(yaml));
            if (node == null) {
                throw DeckException.of(file, firstLine, "block_empty");
            }
            return node;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? firstLine + e.getProblemMark().getLine() : firstLine;
            throw DeckException.of(file, line, "block_yaml", e.getProblem());
        } catch (YAMLException e) {
            throw DeckException.of(file, firstLine, "block_yaml", e.getMessage());
        }
    }

    private String checkedId(Node value) {
        String id = scalar(value, "id");
        if (!ID.matcher(id).matches()) {
            throw error(value, "poll_id_invalid", id);
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
        throw error(value, "one_of", key, String.join(", ", allowed), v);
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
        throw error(value, "time_limit", MAX_TIME_LIMIT, v);
    }

    private String checkedType(Node value) {
        String type = scalar(value, "type");
        if (types.find(type) == null) {
            throw error(value, "poll_type_unknown", type, String.join(", ", sorted(types.names())));
        }
        return type;
    }

    private List<PollSpec.OptionSpec> options(Node value, int maxOptions) {
        if (!(value instanceof SequenceNode seq)) {
            throw error(value, "options_not_list");
        }
        if (seq.getValue().size() < 2) {
            throw error(value, "options_too_few");
        }
        if (seq.getValue().size() > maxOptions) {
            throw error(value, "options_too_many", maxOptions);
        }
        List<PollSpec.OptionSpec> result = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Node item : seq.getValue()) {
            PollSpec.OptionSpec option = option(item);
            if (!keys.add(option.key())) {
                throw error(item, "option_duplicate", option.text());
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
                    default -> throw error(tuple.getKeyNode(), "option_unknown_key", key);
                }
            }
            if (text == null) {
                throw error(item, "option_no_text");
            }
            return new PollSpec.OptionSpec(id != null ? id : derivedKey(text), text);
        }
        String text = text(item, "option");
        return new PollSpec.OptionSpec(derivedKey(text), text);
    }

    private String uniqueKey(NodeTuple tuple, Set<String> seen) {
        String key = scalar(tuple.getKeyNode(), "key");
        if (!seen.add(key)) {
            throw error(tuple.getKeyNode(), "block_duplicate_key", key);
        }
        return key;
    }

    private String text(Node node, String what) {
        String text = scalar(node, what).strip();
        if (text.isEmpty()) {
            throw subjectError(node, "empty", what);
        }
        // User-visible characters, as phones, answers and notes count them (Graphemes): 300 × 👩🏽‍💻 fits, and the
        // columns hold MAX_TEXT × Graphemes.UNITS_PER_CHARACTER units, so what passes here is stored.
        if (!Graphemes.fits(text, MAX_TEXT)) {
            throw subjectError(node, "too_long", what, MAX_TEXT);
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw subjectError(node, "not_single", what);
        }
        return scalar.getValue();
    }

    /** Message keys of a value named in words rather than by its YAML key: the option, its text, a YAML key. */
    private static final Map<String, String> SUBJECTS = Map.of("option", "option", "option text", "option_text",
            "correct option", "correct", "key", "key");

    /**
     * The fault {@code kind} ({@code empty}, {@code too_long}, {@code not_single}) of a value: {@code option_empty} and
     * the like for a value named in words, else {@code text_empty(key)} and the like naming its YAML key.
     */
    private DeckException subjectError(Node node, String kind, String what, Object... more) {
        String subject = SUBJECTS.get(what);
        List<Object> args = new ArrayList<>();
        if (subject == null) {
            args.add(what);
        }
        args.addAll(List.of(more));
        String key = subject != null ? subject + "_" + kind : kind.equals("not_single") ? "not_single" : "text_" + kind;
        return error(node, key, args.toArray());
    }

    private DeckException error(Node node, String key, Object... args) {
        return DeckException.of(file, firstLine + node.getStartMark().getLine(), key, args);
    }

    /** A block's keys of its type, read with this parser's checks and errors. */
    private final class TypeKeys implements DeckKeys {

        private final Map<String, NodeTuple> keys;
        private final List<Option> options;
        private final int line;
        private final String id;

        TypeKeys(Map<String, NodeTuple> keys, List<PollSpec.OptionSpec> options, int line, String id) {
            this.keys = keys;
            this.options = options.stream().map(o -> new Option(o.key(), o.text())).toList();
            this.line = line;
            this.id = id;
        }

        @Override
        public String pollId() {
            return id;
        }

        @Override
        public List<Option> options() {
            return options;
        }

        @Override
        public boolean has(String key) {
            return keys.containsKey(key);
        }

        @Override
        public Integer whole(String key) {
            Node node = value(keys, key);
            return node == null ? null : PollBlockParser.this.whole(node, key);
        }

        @Override
        public String text(String key) {
            Node node = value(keys, key);
            return node == null ? null : PollBlockParser.this.text(node, key);
        }

        @Override
        public Boolean onOff(String key) {
            Node node = value(keys, key);
            return node == null ? null : PollBlockParser.this.onOff(node, key);
        }

        @Override
        public List<Item> items(String key) {
            Node node = value(keys, key);
            if (node == null) {
                return null;
            }
            List<Node> nodes = node instanceof SequenceNode seq ? seq.getValue() : List.of(node);
            return nodes.stream().<Item>map(n -> new Item() {
                @Override
                public String scalar(String what) {
                    return PollBlockParser.this.scalar(n, what);
                }

                @Override
                public RuntimeException error(String key, Object... args) {
                    return PollBlockParser.this.error(n, key, args);
                }
            }).toList();
        }

        @Override
        public RuntimeException error(String key, String message, Object... args) {
            Node node = value(keys, key);
            return node == null ? blockError(message, args) : PollBlockParser.this.error(node, message, args);
        }

        @Override
        public RuntimeException blockError(String message, Object... args) {
            return DeckException.of(file, line, message, args);
        }
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
