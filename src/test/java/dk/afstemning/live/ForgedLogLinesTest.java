package dk.afstemning.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.LogCapture;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 4: no client text starts a log line. Our own messages quote it through
 * {@link dk.afstemning.text.LogText}, so a CR/LF in a join code or a deck's file name shows as {@code \r\n} inside
 * quotes; and every record, whoever logs it (Quarkus, Vert.x, Jackson's messages in an exception), passes the console
 * handler's filter ({@link dk.afstemning.platform.OneLineLog}), which escapes what would break or rewrite a line. (The
 * user name of a failed login: {@code LoginThrottleTest}.)
 */
@QuarkusTest
@TestProfile(RefusalFloodTest.Forwarded.class)
class ForgedLogLinesTest {

    private static final String FORGED = "\r\nDeckStartup presenter: evil";

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void aJoinCodeWithALineBreakOnThePresenterSocketIsLoggedEscaped() {
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        List<String> lines;
        try (LogCapture log = LogCapture.of("")) {
            Throwable refused = catchThrowable(() -> SocketClient.connect(base,
                    "/ws/present/AB%0D%0ADeckStartup%20presenter:%20evil", null,
                    Map.of("X-Forwarded-For", address)));
            assertThat(SocketClient.rejectedStatus(refused)).isEqualTo(403);
            lines = log.lines(Level.ALL);
        }
        assertThat(lines).filteredOn(l -> l.contains(address)).containsExactly("Refused (presenter-key) for client "
                + address + ": presenter socket of talk \"AB\\r\\nDeckStartup presenter: evil\""
                + " without a key; more refusals like it for this client go unlogged for a minute");
        assertThat(lines).noneMatch(ForgedLogLinesTest::forged);
    }

    @Test
    void aDeckFileNameWithALineBreakIsLoggedEscaped() {
        String file = "forged-" + System.nanoTime() + FORGED + ".md";
        importer.importDeck(file, TestTalks.deck("Forged", List.of("A", "B")));
        List<String> lines;
        try (LogCapture log = LogCapture.of("")) {
            importer.importDeck(file, "---\ntitle: Uden afstemning\n---\n\n# Kun tekst\n");
            lines = log.lines(Level.ALL);
        }
        assertThat(lines).contains("Poll \"q\" is no longer in \"" + file.replace("\r", "\\r").replace("\n", "\\n")
                + "\"; archived with its votes");
        assertThat(lines).noneMatch(ForgedLogLinesTest::forged);
    }

    // ---- every record, whoever logs it: the console handler's filter (platform.OneLineLog) ----

    private static final String MARK = "DeckStartup presenter: evil";

    /** Ways to start a line or move the cursor, as a client may send them raw. */
    private static final List<String> BREAKS = List.of("\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085",
            "\u001b[2K\r");

    /** The same, percent-encoded for a path. */
    private static final List<String> ENCODED_BREAKS = List.of("%0D%0A", "%0a", "%0d", "%E2%80%A8", "%C2%85",
            "%1b%5b2K%0d", "%00%0a");

    @Test
    void theConsoleWritesAnyMessageWithALineBreakOnOneLine() {
        org.jboss.logging.Logger logger = org.jboss.logging.Logger.getLogger(ForgedLogLinesTest.class);
        List<String> lines;
        try (LogCapture log = LogCapture.console()) {
            for (String br : BREAKS) {
                logger.warnf("Client said %s", "x" + br + MARK);
            }
            logger.warn("Request failed", new IllegalArgumentException("Illegal char <\n> in x\r\n" + MARK));
            lines = log.consoleLines(Level.WARNING);
        }
        assertThat(lines).filteredOn(l -> l.contains("Client said")).map(l -> l.substring(l.indexOf("Client said")))
                .containsExactly("Client said x\\r\\n" + MARK, "Client said x\\n" + MARK, "Client said x\\r" + MARK,
                        "Client said x\\u2028" + MARK, "Client said x\\u2029" + MARK, "Client said x\\u0085" + MARK,
                        "Client said x\\u001b[2K\\r" + MARK);
        assertThat(lines).anyMatch(l -> l.endsWith("Request failed: java.lang.IllegalArgumentException: Illegal char <\\n>"
                + " in x\\r\\n" + MARK));
        assertNoForgedLine(lines);
    }

    @Test
    void aJsonBodyThatFailsToParseForgesNoLine() {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String participant = dk.afstemning.TestTalks.join(talk.code);
        List<String> lines;
        try (LogCapture log = LogCapture.console()) {
            for (String br : BREAKS) {
                io.restassured.RestAssured.given().contentType("application/json").header("X-Participant-Id", participant)
                        .body("{\"optionId\": \"" + br + MARK + "\"").when()
                        .post("/api/talks/{code}/polls/q/votes", talk.code).then().statusCode(400);
                io.restassured.RestAssured.given().contentType("application/json").header("X-Participant-Id", participant)
                        .body("{\"optionId" + br + MARK + "\": 1}").when()
                        .post("/api/talks/{code}/polls/q/votes", talk.code).then().statusCode(400);
            }
            lines = log.consoleLines(Level.ALL);
        }
        assertNoForgedLine(lines);
    }

    @Test
    void anUnknownSocketMessageForgesNoLine() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        List<String> lines;
        try (LogCapture log = LogCapture.console();
                SocketClient phone = SocketClient.connect(base, "/ws/participant/" + talk.code,
                        dk.afstemning.TestTalks.join(talk.code), Map.of("X-Forwarded-For", "198.51.100.251"))) {
            phone.next("state");
            for (String br : BREAKS) {
                phone.send("{\"type\":\"" + jsonEscaped(br) + MARK + "\"}");
                assertThat(phone.next("error").path("problem").asText()).isEqualTo("unsupported-message");
                phone.send(br + MARK);
                assertThat(phone.next("error").path("problem").asText()).isEqualTo("malformed-json");
            }
            lines = log.consoleLines(Level.ALL);
        }
        assertNoForgedLine(lines);
    }

    @Test
    void aBadPathAHeaderAndAJoinCodeForgeNoLine() throws Exception {
        List<String> lines;
        List<Integer> statuses = new java.util.ArrayList<>();
        try (LogCapture log = LogCapture.console()) {
            for (String br : ENCODED_BREAKS) {
                String forged = "x" + br + MARK.replace(" ", "%20");
                for (String path : List.of("/slides/" + forged, "/t/" + forged, "/present/" + forged,
                        "/api/talks/" + forged + "/results")) {
                    statuses.add(get(path, ""));
                }
            }
            for (String br : BREAKS) {
                // A header value cannot hold CR or LF (they end it); the rest arrive as bytes.
                String value = new String(("x" + br.replace("\r", "").replace("\n", "") + MARK)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
                statuses.add(get("/t/XXXX",
                        "X-Forwarded-For: " + value + "\r\nUser-Agent: " + value + "\r\nReferer: " + value + "\r\n"));
            }
            lines = log.consoleLines(Level.ALL);
        }
        assertThat(statuses).allMatch(s -> s >= 400 && s < 500, "a 4xx refusal");
        assertNoForgedLine(lines);
    }

    @Test
    void aDeckFileNameWithAnyLineBreakForgesNoLine() {
        List<String> lines;
        try (LogCapture log = LogCapture.console()) {
            for (String br : BREAKS) {
                String file = "forged-" + System.nanoTime() + br + MARK + ".md";
                importer.importDeck(file, TestTalks.deck("Forged", List.of("A", "B")));
                importer.importDeck(file, "---\ntitle: Uden afstemning\n---\n\n# Kun tekst\n");
            }
            lines = log.consoleLines(Level.ALL);
        }
        assertThat(lines).filteredOn(l -> l.contains("is no longer in")).hasSize(BREAKS.size());
        assertNoForgedLine(lines);
    }

    /** The status of a GET of {@code path} sent as it is, with {@code headers} (CRLF-ended lines) added. */
    private int get(String path, String headers) throws java.io.IOException {
        try (dk.afstemning.testkit.RawHttp http = dk.afstemning.testkit.RawHttp.connect(base)) {
            return dk.afstemning.testkit.RawHttp.status(http.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + headers + "Connection: close\r\n\r\n").head());
        }
    }

    private static String jsonEscaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
        return out.toString();
    }

    private static void assertNoForgedLine(List<String> lines) {
        assertThat(lines).noneMatch(l -> l.startsWith(MARK) || l.startsWith("[2K") || l.contains("\u001b[2K"));
    }

    private static boolean forged(String line) {
        return line.contains("\nDeckStartup") || line.contains("\rDeckStartup");
    }
}
