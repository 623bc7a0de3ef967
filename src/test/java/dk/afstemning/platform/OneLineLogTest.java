package dk.afstemning.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 4: the log filter every record passes escapes line breaks in the formatted message and in the
 * messages of the exception and its causes, so the written record has exactly the lines of its stack trace.
 */
class OneLineLogTest {

    private static final String FORGED = "x\r\nDeckStartup presenter: evil\u2028\u001b[2K";

    @Test
    void aParameterWithALineBreakStaysOnTheMessageLine() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Bad path {0}", ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                OneLineLogTest.class.getName());
        record.setParameters(new Object[] { FORGED });
        assertThat(new OneLineLog().isLoggable(record)).isTrue();
        assertThat(new PatternFormatter("%s%n").format(record))
                .isEqualTo("Bad path x\\r\\nDeckStartup presenter: evil\\u2028\\u001b[2K" + System.lineSeparator());
    }

    @Test
    void exceptionMessagesAreEscapedAndTheStackTraceKeepsItsLines() {
        IllegalStateException cause = new IllegalStateException("cause " + FORGED);
        RuntimeException thrown = new RuntimeException("Unrecognized token '" + FORGED + "'", cause);
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "Request failed", ExtLogRecord.FormatStyle.NO_FORMAT,
                OneLineLogTest.class.getName());
        record.setThrown(thrown);
        new OneLineLog().isLoggable(record);
        String written = new PatternFormatter("%s%e%n").format(record);
        String[] lines = written.split("\r?\n");
        assertThat(lines[0]).isEqualTo("Request failed: java.lang.RuntimeException: Unrecognized token"
                + " 'x\\r\\nDeckStartup presenter: evil\\u2028\\u001b[2K'");
        assertThat(lines).filteredOn(l -> l.startsWith("Caused by: ")).containsExactly("Caused by:"
                + " java.lang.IllegalStateException: cause x\\r\\nDeckStartup presenter: evil\\u2028\\u001b[2K");
        assertThat(lines).filteredOn(l -> l.contains("\tat ")).hasSizeGreaterThan(1);
        assertThat(written).doesNotContain("\nDeckStartup", "\rDeckStartup", "\u2028", "\u001b");
        assertThat(record.getThrown().getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void anExceptionWithoutLineBreaksIsLoggedAsItIs() {
        RuntimeException thrown = new RuntimeException("plain");
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "m", ExtLogRecord.FormatStyle.NO_FORMAT, "c");
        record.setThrown(thrown);
        new OneLineLog().isLoggable(record);
        assertThat(record.getThrown()).isSameAs(thrown);
    }
}
