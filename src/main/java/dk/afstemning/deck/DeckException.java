package dk.afstemning.deck;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A deck that cannot be read: one or more {@link DeckProblem}s (the parser goes on after a fault where it sensibly can,
 * up to {@link DeckProblems#MAX}), each naming file, line and a message key, so that the organiser reads them all in
 * their language. The message is the English rendering, {@code file:line: reason} per problem joined by {@code "; "};
 * {@link #line()} is the first problem's, 1-based, counting lines of the whole deck file, front matter included.
 */
public class DeckException extends RuntimeException {

    private final List<DeckProblem> problems;
    private final int more;
    private final boolean tooLarge;

    public DeckException(DeckProblem problem) {
        this(List.of(problem), 0, false);
    }

    /**
     * @param problems the faults, in the order of the deck's lines, at least one
     * @param more how many further faults were found but not kept
     */
    public DeckException(List<DeckProblem> problems, int more) {
        this(problems, more, false);
    }

    /** @param tooLarge true when the deck is well-formed but has more slides or polls than a deck may have */
    DeckException(List<DeckProblem> problems, int more, boolean tooLarge) {
        super(problems.stream().map(DeckProblem::english).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a deck error has at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.more = more;
        this.tooLarge = tooLarge;
    }

    /** One problem of file and line, by message key and arguments (see {@link DeckErrorTexts}). */
    public static DeckException of(String file, int line, String key, Object... args) {
        return new DeckException(DeckProblem.of(file, line, key, args));
    }

    /** True when the deck has more slides or polls than {@link DeckParser#MAX_SLIDES} or {@link DeckParser#MAX_POLLS}. */
    public boolean tooLarge() {
        return tooLarge;
    }

    /** The faults found, at most {@link DeckProblems#MAX}, in the order of the deck's lines. */
    public List<DeckProblem> problems() {
        return problems;
    }

    /** How many faults were found beyond {@link #problems()}. */
    public int more() {
        return more;
    }

    public String file() {
        return problems.get(0).file();
    }

    public int line() {
        return problems.get(0).line();
    }

    /** The first problem's message in English, without file and line. */
    public String reason() {
        return problems.get(0).message("en");
    }

    /**
     * All of it in {@code language}: the one problem's {@code file:line: message}, or a lead-in counting them and the
     * first.
     */
    public String detail(String language) {
        int count = problems.size() + more;
        String first = problems.get(0).text(language);
        return count == 1 ? first : DeckProblem.say(language, "errors_detail", count, first);
    }
}
