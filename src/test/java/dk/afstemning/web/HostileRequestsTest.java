package dk.afstemning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.LogCapture;
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
        String head;
        List<String> written;
        try (LogCapture log = LogCapture.of(""); RawHttp http = RawHttp.connect(base)) {
            head = http.send("GET /slides/x%00%0aDeckStartup%20presenter:%20http://evil.example/img.png HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n").head();
            http.rest();
            written = log.lines(Level.ALL);
        }
        assertThat(RawHttp.status(head)).isEqualTo(404);
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

    /** Issue 21, item 9: a foreign {@code Host} never reaches the join link or the QR code of the presenter page. */
    @Test
    void aForeignHostHeaderNeverReachesTheJoinLink() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        try (RawHttp http = RawHttp.connect(base)) {
            String head = http.send("GET /present/" + talk.code + " HTTP/1.1\r\nHost: evil.example"
                    + "\r\nAccept: text/html\r\nConnection: close\r\n\r\n").head();
            String page = http.rest();
            assertThat(RawHttp.status(head)).isEqualTo(200);
            assertThat(page).contains("/t/" + talk.code).doesNotContain("evil.example");
        }
    }
}
