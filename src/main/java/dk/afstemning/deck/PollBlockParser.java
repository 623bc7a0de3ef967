package dk.afstemning.deck;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
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

/**
 * Reads the YAML inside a fenced {@code poll} block, strictly: an unknown key, a wrong type or a missing field is a
 * {@link DeckException} naming the deck line of the offending YAML node.
 */
final class PollBlockParser {

    static final int MAX_OPTIONS = 20;
    static final int MAX_TEXT = 300;
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Set<String> KEYS = Set.of("id", "type", "question", "options", "results", "vote-changes",
            "time-limit");
    static final int MAX_TIME_LIMIT = 3600;
    private static final Set<String> OPTION_KEYS = Set.of("id", "text");
    private static final Set<String> TYPES = Set.of("choice");

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
        List<PollSpec.OptionSpec> options = null;
        boolean resultsHidden = false;
        boolean voteChanges = true;
        Integer timeLimit = null;
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = uniqueKey(tuple, seen);
            Node value = tuple.getValueNode();
            switch (key) {
                case "id" -> id = checkedId(value);
                case "type" -> type = checkedType(value);
                case "question" -> question = text(value, "question");
                case "options" -> options = options(value);
                case "results" -> resultsHidden = oneOf(value, "results", "live", "hidden").equals("hidden");
                case "vote-changes" -> voteChanges = oneOf(value, "vote-changes", "true", "false").equals("true");
                case "time-limit" -> timeLimit = seconds(value);
                default -> throw error(tuple.getKeyNode(),
                        "unknown key '" + key + "' in poll block; allowed keys are " + String.join(", ", sorted(KEYS)));
            }
        }
        int line = fenceLine;
        if (id == null) {
            throw new DeckException(file, line, "poll block has no 'id'");
        }
        if (question == null) {
            throw new DeckException(file, line, "poll '" + id + "' has no 'question'");
        }
        if (options == null) {
            throw new DeckException(file, line, "poll '" + id + "' has no 'options'");
        }
        return new PollSpec(id, type, question, List.copyOf(options), line,
                new PollSpec.Settings(resultsHidden, voteChanges, timeLimit));
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
        if (!TYPES.contains(type)) {
            throw error(value, "unsupported poll type '" + type + "'; supported: " + String.join(", ", sorted(TYPES)));
        }
        return type;
    }

    private List<PollSpec.OptionSpec> options(Node value) {
        if (!(value instanceof SequenceNode seq)) {
            throw error(value, "'options' must be a list");
        }
        if (seq.getValue().size() < 2) {
            throw error(value, "a poll needs at least 2 options");
        }
        if (seq.getValue().size() > MAX_OPTIONS) {
            throw error(value, "a poll has at most " + MAX_OPTIONS + " options");
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
