package dk.afstemning.poll;

/**
 * What this package's views need to know of a poll's type. The poll types sit above this package (they store votes of
 * polls), so their registry ({@code polltype.PollTypes}) implements this and is injected here.
 */
public interface PollTypeInfo {

    /** Whether answers of the poll wait for the presenter: null for a type without moderation. */
    Boolean moderation(Poll poll);
}
