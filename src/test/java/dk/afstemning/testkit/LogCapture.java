package dk.afstemning.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log records of some categories while it is open, for tests that check what is logged (or that nothing a client
 * sent reaches the log). {@code ""} is the root category, which sees every record.
 */
public final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final List<Logger> loggers = new ArrayList<>();
    private Handler console;
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String... categories) {
        for (String category : categories) {
            Logger logger = Logger.getLogger(category);
            logger.addHandler(handler);
            loggers.add(logger);
        }
    }

    /** Starts capturing the records of {@code categories} (logger names). */
    public static LogCapture of(String... categories) {
        return new LogCapture(categories);
    }

    /**
     * Starts capturing every record, to be read as the application's console handler writes it, through its filter
     * and its format ({@link #consoleLines}).
     */
    public static LogCapture console() {
        LogCapture capture = new LogCapture("");
        capture.console = consoleHandler();
        return capture;
    }

    /**
     * The text the console handler writes for the captured records at {@code least} or above, cut into lines where a
     * terminal or a log reader would start one (CR, LF, next line, line and paragraph separator).
     */
    public List<String> consoleLines(Level least) {
        List<LogRecord> copy;
        synchronized (records) {
            copy = List.copyOf(records);
        }
        List<String> lines = new ArrayList<>();
        for (LogRecord r : copy) {
            if (r.getLevel().intValue() >= least.intValue()
                    && (console.getFilter() == null || console.getFilter().isLoggable(r))) {
                lines.addAll(List.of(console.getFormatter().format(r).split("\r\n|[\r\n\u0085\u2028\u2029]")));
            }
        }
        return lines;
    }

    /** The application's console handler (the one its log configuration sets up), wherever it hangs below the root. */
    public static Handler consoleHandler() {
        java.util.Deque<Handler> todo = new java.util.ArrayDeque<>(
                List.of(org.jboss.logmanager.LogContext.getLogContext().getLogger("").getHandlers()));
        while (!todo.isEmpty()) {
            Handler handler = todo.pop();
            if (handler instanceof org.jboss.logmanager.handlers.ConsoleHandler) {
                return handler;
            }
            if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
                todo.addAll(List.of(ext.getHandlers()));
            }
        }
        throw new IllegalStateException("No console handler below the root logger");
    }

    /** Each record at {@code least} or above as text: its formatted message, then its exception's stack trace. */
    public List<String> lines(Level least) {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel().intValue() >= least.intValue()).map(LogCapture::text)
                    .toList();
        }
    }

    @Override
    public void close() {
        loggers.forEach(l -> l.removeHandler(handler));
    }

    private static String text(LogRecord record) {
        StringWriter text = new StringWriter();
        text.append(new SimpleFormatter().formatMessage(record));
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        return text.toString();
    }
}
