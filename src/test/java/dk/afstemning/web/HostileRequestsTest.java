package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.RawHttp;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 4: requests that broke pages or forged log lines. A {@code /slides/} path with a NUL and a line break
 * is a plain 404 and writes nothing into the log; a {@code Host} header of 4,000 characters is ignored for the join
 * URL and QR code instead of making the presenter page fail.
 */
@QuarkusTest
class HostileRequestsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void aSlidesPathWithNulAndLineBreakIs404AndForgesNoLogLine() throws Exception {
        List<LogRecord> log = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String head;
        try (RawHttp http = RawHttp.connect(base)) {
            head = http.send("GET /slides/x%00%0aDeckStartup%20presenter:%20http://evil.example/img.png HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").head();
        } finally {
            root.removeHandler(capture);
        }
        assertThat(RawHttp.status(head)).isEqualTo(404);
        List<String> written;
        synchronized (log) {
            written = log.stream().map(HostileRequestsTest::text).toList();
        }
        assertThat(written).noneMatch(w -> w.contains("DeckStartup") || w.contains("evil.example"));
    }

    @Test
    void aHostHeaderOf4000CharactersIsIgnoredForTheJoinUrl() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        String host = "a".repeat(4000);
        try (RawHttp http = RawHttp.connect(base)) {
            String head = http.send("GET /present/" + talk.code + " HTTP/1.1\r\nHost: " + host
                    + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n").head();
            String page = http.rest();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            assertThat(page).contains("/t/" + talk.code).doesNotContain("aaaaaaaaaa");
        }
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
