package dk.afstemning.deck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The faults of one deck as the parser finds them: it notes a fault and goes on with a harmless value, so that the
 * organiser learns of every fault at once rather than one upload at a time. Keeps the first {@link #MAX} and counts
 * the rest.
 */
final class DeckProblems {

    /** Most problems one deck error lists; more are counted ("and 12 more errors"). */
    static final int MAX = 50;

    private final List<DeckProblem> problems = new ArrayList<>();
    private int more;

    /** Notes the problems of {@code e}; a deck too large is no fault to go on after, so it is thrown again. */
    void add(DeckException e) {
        if (e.tooLarge()) {
            throw e;
        }
        for (DeckProblem problem : e.problems()) {
            if (problems.size() < MAX) {
                problems.add(problem);
            } else {
                more++;
            }
        }
        more += e.more();
    }

    /** {@code read}'s value, or {@code otherwise} when it throws a {@link DeckException} (noted). */
    <T> T read(Supplier<T> read, T otherwise) {
        try {
            return read.get();
        } catch (DeckException e) {
            add(e);
            return otherwise;
        }
    }

    /** Runs {@code check}, noting its {@link DeckException}. */
    void check(Runnable check) {
        try {
            check.run();
        } catch (DeckException e) {
            add(e);
        }
    }

    boolean isEmpty() {
        return problems.isEmpty() && more == 0;
    }

    /** @throws DeckException with every problem noted, by line, when there is any */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            List<DeckProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(DeckProblem::line));
            throw new DeckException(sorted, more);
        }
    }
}
