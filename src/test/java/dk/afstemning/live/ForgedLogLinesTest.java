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

/**
 * Issue 21, item 4: client text reaches the log only through {@link dk.afstemning.text.LogText}, so a CR/LF in a
 * join code or a deck's file name shows as {@code \r\n} inside quotes and never starts a line of its own. (The user
 * name of a failed login: {@code LoginThrottleTest}.)
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

    private static boolean forged(String line) {
        return line.contains("\nDeckStartup") || line.contains("\rDeckStartup");
    }
}
