package dk.afstemning.live;

import static dk.afstemning.TestTalks.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.LogCapture;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 4: a flood of unsupported participant messages is answered message by message but logged once a
 * minute per type and client address (through the refusal log), and a type the server does not know is logged as
 * {@code other}, so varying it writes no more lines.
 */
@QuarkusTest
@TestProfile(RefusalFloodTest.Forwarded.class)
class RefusalFloodTest {

    /** High limits, and client addresses from {@code X-Forwarded-For}, so the test speaks from an address of its own. */
    public static class Forwarded extends HighLimits {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            return config;
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Test
    void aFloodOfUnsupportedMessagesWritesOneLogLinePerType() throws Exception {
        List<String> lines;
        TalkFixture talk = TalkFixture.opened(importer, base);
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        try (LogCapture log = LogCapture.of(ParticipantSocket.class.getName(), "dk.afstemning.security.RefusalLog");
                SocketClient phone = SocketClient.connect(base, "/ws/participant/" + talk.code, join(talk.code),
                Map.of("X-Forwarded-For", address))) {
            phone.next("state");
            for (int i = 0; i < 500; i++) {
                phone.send("{\"type\":\"flood-" + i + "\"}");
                phone.send("{\"type\":\"results\",\"pollId\":\"q\"}");
            }
            for (int i = 0; i < 1000; i++) {
                assertThat(phone.next("error").path("problem").asText()).isEqualTo("unsupported-message");
            }
            assertThat(phone.isOpen()).isTrue();
            lines = log.lines(Level.INFO);
        }
        assertThat(lines).filteredOn(l -> l.contains("refused on talk " + talk.code)).containsExactlyInAnyOrder(
                "Refused (unsupported-message other) for client " + address + ": participant message of type 'other' refused"
                        + " on talk " + talk.code + "; more refusals like it for this client go unlogged for a minute",
                "Refused (unsupported-message results) for client " + address + ": participant message of type 'results'"
                        + " refused on talk " + talk.code + "; more refusals like it for this client go unlogged for a"
                        + " minute");
        assertThat(lines).noneMatch(l -> l.contains("flood-"));
    }

    @Test
    void refusedPresenterSocketsWriteOneLogLinePerClientAMinuteAndNeverTheKey() throws Exception {
        TalkFixture talk = TalkFixture.opened(importer, base);
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        List<String> lines;
        try (LogCapture log = LogCapture.of("dk.afstemning.security.RefusalLog")) {
            for (String path : List.of("/ws/present/" + talk.code, "/ws/present/" + talk.code + "?key=wrong-key-1",
                    "/ws/present/" + talk.code + "?key=wrong-key-2")) {
                Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                        () -> SocketClient.connect(base, path, null, Map.of("X-Forwarded-For", address)));
                assertThat(SocketClient.rejectedStatus(refused)).as(path).isEqualTo(403);
            }
            lines = log.lines(Level.INFO);
        }
        assertThat(lines).filteredOn(l -> l.contains(address)).containsExactly("Refused (presenter-key) for client "
                + address + ": presenter socket of talk " + talk.code + " without a key; more refusals like it for"
                + " this client go unlogged for a minute");
        assertThat(lines).noneMatch(l -> l.contains("wrong-key"));
    }
}
