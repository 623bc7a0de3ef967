package dk.afstemning.polltype;

import java.util.List;

/**
 * A poll block's keys of one type, as the deck parser hands them to {@link PollType#readDeckKeys}: typed reads that
 * refuse a wrong value, and errors that name the deck file and the line of the offending key (the parser's
 * {@code DeckException}). Each read returns null when the block does not have the key. An error is a message key of
 * {@code deck/DeckErrorTexts} and its arguments, so the organiser reads it in their language.
 */
public interface DeckKeys {

    /** The block's {@code id}, for messages. */
    String pollId();

    /** The block's options in order (empty for a type without options). */
    List<Option> options();

    /** Whether the block has the key. */
    boolean has(String key);

    /** A whole number; refused when not one. */
    Integer whole(String key);

    /**
     * A whole number from 1 to {@code most}, or {@code otherwise} without the key; refused as
     * "'key' must be from 1 to most, not n".
     */
    default int count(String key, int otherwise, int most) {
        Integer given = whole(key);
        int n = given == null ? otherwise : given;
        if (n < 1 || n > most) {
            throw error(key, "count_range", key, most, n);
        }
        return n;
    }

    /** Text, trimmed and NFC-normalised; refused when empty or too long. */
    String text(String key);

    /** A switch, {@code on}/{@code true} or {@code off}/{@code false}; refused otherwise. */
    Boolean onOff(String key);

    /** A single value as one item or a list's items; null without the key. */
    List<Item> items(String key);

    /** The error {@code message} (a key of {@code deck/DeckErrorTexts}) at the line of the key's value. */
    RuntimeException error(String key, String message, Object... args);

    /** The error {@code message} at the line of the block's opening fence (a missing key). */
    RuntimeException blockError(String message, Object... args);

    /** One item of a list value. */
    interface Item {

        /** The item's text; refused when it is not a single value. */
        String scalar(String what);

        /** The error {@code message} (a key of {@code deck/DeckErrorTexts}) at the item's line. */
        RuntimeException error(String message, Object... args);
    }

    /**
     * An option of the block.
     *
     * @param key its stable key (the {@code id}, or derived from the text)
     * @param text exactly as written (NFC)
     */
    record Option(String key, String text) {
    }
}
