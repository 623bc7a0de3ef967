package dk.afstemning.live.bus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One message on the live bus: what changed, never a snapshot. Each instance that receives it re-reads what changed
 * from the database and pushes to its own sockets. On the wire it is one line of text,
 * {@code v1|kind|origin|sentAtMillis|joinCode|id|flag|ids}, well under PostgreSQL's 8,000-byte NOTIFY limit (a
 * message with more ids is split, see {@link #split}).
 *
 * @param kind what changed
 * @param origin the instance that sent it ({@link LiveBus#instance()}); an instance ignores its own messages
 * @param sentAtMillis the sender's wall clock when it was sent (for the bus lag metric)
 * @param joinCode the talk's join code
 * @param id the poll's database id ({@link Kind#POLL}, {@link Kind#TEXT}), the slide ({@link Kind#REACTIONS}), the
 *        instance's connected participants ({@link Kind#PRESENCE}), else 0
 * @param flag {@link Kind#POLL}: the poll was opened, closed or reset
 * @param ids participant ids whose own view changed ({@link Kind#QA}, {@link Kind#TEXT}), or the reaction counts per
 *        kind ({@link Kind#REACTIONS})
 */
public record BusMessage(Kind kind, String origin, long sentAtMillis, String joinCode, long id, boolean flag,
        List<Long> ids) {

    /** What changed. */
    public enum Kind {
        /** A poll's votes ({@code flag} false) or state ({@code flag} true). */
        POLL,
        /** The talk's current slide, overlay or spotlight. */
        SHOW,
        /** A participant joined the talk. */
        JOINED,
        /** The talk's questions or Q&A settings. */
        QA,
        /** An open-text poll's moderation. */
        TEXT,
        /** New reactions on a slide, counted on the sending instance. */
        REACTIONS,
        /** The sending instance's count of connected participants of the talk. */
        PRESENCE,
        /**
         * An account's access was withdrawn: {@code id} the account, {@code joinCode} the talk it lost (empty: every
         * talk), {@code flag} it signed out itself; its presenter sockets close.
         */
        REVOKED
    }

    /** Participant ids per message at most: 350 ids of up to 19 digits and a comma stay under the 8,000 bytes of NOTIFY. */
    static final int MAX_IDS = 350;

    private static final String VERSION = "v1";

    public BusMessage {
        ids = List.copyOf(ids);
        if (joinCode.indexOf('|') >= 0 || origin.indexOf('|') >= 0) {
            throw new IllegalArgumentException("'|' in a join code or instance name");
        }
    }

    /** A message of {@code kind} without participant ids, to be stamped by the bus. */
    public static BusMessage of(Kind kind, String joinCode, long id, boolean flag, Collection<Long> ids) {
        return new BusMessage(kind, "", 0, joinCode, id, flag, new ArrayList<>(ids));
    }

    /** The key under which messages are coalesced: one per poll, talk or text poll; null for never coalesced. */
    String coalescingKey() {
        return switch (kind) {
            case POLL, TEXT -> kind + ":" + id;
            case SHOW, JOINED, QA, PRESENCE -> kind + ":" + joinCode;
            case REACTIONS, REVOKED -> null;
        };
    }

    /** This message and a later one of the same key as one: flags or'ed, ids joined, the later count. */
    BusMessage merge(BusMessage later) {
        Set<Long> all = new LinkedHashSet<>(ids);
        all.addAll(later.ids);
        return new BusMessage(kind, origin, sentAtMillis, joinCode, later.id, flag || later.flag, new ArrayList<>(all));
    }

    /** This message stamped with its sender and time. */
    BusMessage stamped(String instance, long now) {
        return new BusMessage(kind, instance, now, joinCode, id, flag, ids);
    }

    /** This message as one or more messages of at most {@link #MAX_IDS} ids each. */
    List<BusMessage> split() {
        if (ids.size() <= MAX_IDS) {
            return List.of(this);
        }
        List<BusMessage> parts = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS) {
            parts.add(new BusMessage(kind, origin, sentAtMillis, joinCode, id, flag,
                    ids.subList(from, Math.min(ids.size(), from + MAX_IDS))));
        }
        return parts;
    }

    /** The wire form. */
    String encode() {
        StringBuilder b = new StringBuilder(64).append(VERSION).append('|').append(kind.name()).append('|')
                .append(origin).append('|').append(sentAtMillis).append('|').append(joinCode).append('|').append(id)
                .append('|').append(flag ? '1' : '0').append('|');
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(ids.get(i));
        }
        return b.toString();
    }

    /**
     * Reads the wire form.
     *
     * @throws IllegalArgumentException for anything else (a newer version, a foreign message on the channel)
     */
    static BusMessage decode(String text) {
        String[] f = text.split("\\|", -1);
        if (f.length != 8 || !VERSION.equals(f[0])) {
            throw new IllegalArgumentException("not a v1 live bus message");
        }
        List<Long> ids = new ArrayList<>();
        if (!f[7].isEmpty()) {
            for (String n : f[7].split(",")) {
                ids.add(Long.parseLong(n));
            }
        }
        return new BusMessage(Kind.valueOf(f[1]), f[2], Long.parseLong(f[3]), f[4], Long.parseLong(f[5]),
                "1".equals(f[6]), ids);
    }
}
