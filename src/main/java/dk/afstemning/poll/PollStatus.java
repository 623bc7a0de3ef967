package dk.afstemning.poll;

/** Life cycle of a poll: {@code DRAFT} until first opened, then {@code OPEN} and {@code CLOSED}, re-openable. */
public enum PollStatus {
    DRAFT, OPEN, CLOSED
}
