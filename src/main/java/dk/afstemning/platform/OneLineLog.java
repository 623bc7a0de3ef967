package dk.afstemning.platform;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

import dk.afstemning.text.LogText;

/**
 * The one place every log record passes before it is written (console and file handler, see
 * {@code quarkus.log.console.filter}): its formatted message, and the message of its exception and of every cause,
 * get CR, LF and the other line-breaking and cursor-moving characters escaped ({@link LogText#oneLine}), so no text a
 * client sent (a path, a header, a JSON body quoted by a parse error, a name) can start a log line of its own or hide
 * one. A stack trace keeps its lines; only what a message holds is escaped. Drops nothing.
 */
@LoggingFilter(name = "one-line")
public final class OneLineLog implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : new java.util.logging.SimpleFormatter().formatMessage(record);
        String escaped = LogText.oneLine(message);
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            record.setMessage(escaped);
        }
        record.setParameters(null);
        Throwable thrown = record.getThrown();
        if (thrown != null && needsEscaping(thrown, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            record.setThrown(Escaped.of(thrown, new IdentityHashMap<>()));
        }
        return true;
    }

    private static boolean needsEscaping(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.toString();
        if (!message.equals(LogText.oneLine(message))) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (needsEscaping(s, seen)) {
                return true;
            }
        }
        return needsEscaping(t.getCause(), seen);
    }

    /**
     * Stands in for an exception in the log: its {@code toString()} (class and message), escaped, with the original's
     * stack trace, and its causes and suppressed exceptions standing in likewise.
     */
    static final class Escaped extends Throwable {

        private final String text;

        private Escaped(Throwable original) {
            super(LogText.oneLine(original.getMessage()));
            this.text = LogText.oneLine(original.toString());
            setStackTrace(original.getStackTrace());
        }

        static Throwable of(Throwable original, Map<Throwable, Escaped> done) {
            Escaped known = done.get(original);
            if (known != null) {
                return known;
            }
            Escaped escaped = new Escaped(original);
            done.put(original, escaped);
            Throwable cause = original.getCause() == null ? null : of(original.getCause(), done);
            if (cause != null && cause != escaped) {
                escaped.initCause(cause);
            }
            for (Throwable s : original.getSuppressed()) {
                Throwable suppressed = of(s, done);
                if (suppressed != escaped) {
                    escaped.addSuppressed(suppressed);
                }
            }
            return escaped;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
