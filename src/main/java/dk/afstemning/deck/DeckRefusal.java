package dk.afstemning.deck;

import java.util.List;

import dk.afstemning.problem.ApiProblem;

/**
 * A refused deck or upload as a REST problem that the API answers in the request's language: its {@link #detail()} is
 * English (logs, the command line), {@link #detail(String)} and each of {@link #problems()} are said in any language,
 * and the problem body lists them as {@code errors} ({@code api/ProblemMappers}).
 */
public class DeckRefusal extends ApiProblem {

    private final DeckException deck;

    /** The faults of {@code deck} as a problem of this status, type (slug) and title. */
    public DeckRefusal(int status, String type, String title, DeckException deck) {
        super(status, type, title, deck.detail("en"));
        this.deck = deck;
    }

    /** One fault (of an upload, a zip, an image) as a problem of this status, type (slug) and title. */
    public DeckRefusal(int status, String type, String title, DeckProblem problem) {
        this(status, type, title, new DeckException(problem));
    }

    /** The faults found, at most {@link DeckProblems#MAX}, in the order of the deck's lines. */
    public List<DeckProblem> problems() {
        return deck.problems();
    }

    /** How many faults were found beyond {@link #problems()}. */
    public int more() {
        return deck.more();
    }

    /** The detail in {@code language}: the one fault, or a count of them and the first. */
    public String detail(String language) {
        return deck.detail(language);
    }

    /** Every fault as {@code file:line: message} in {@code language}, and "and N more errors" when some were left out. */
    public List<String> lines(String language) {
        return DeckProblem.lines(deck, language);
    }
}
