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
