package dk.afstemning.live;

import static dk.afstemning.TestTalks.counts;
import static dk.afstemning.TestTalks.join;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.RawHttp;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 1: no socket can make the server inflate or buffer more than the message limit. The server does not
 * negotiate permessage-deflate, and every live socket (phone, presenter, public screen) answers a message over the
 * limit, in one frame or in many, with a {@code message-too-large} error and stays open (frames may be up to 64 KB,
 * so Vert.x meets an oversize message before Netty does). Only a single frame over 64 KB ends its connection unread.
 */
@QuarkusTest
class SocketCompressionTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    TalkFixture talk;

    @BeforeEach
    void talk() {
        talk = TalkFixture.opened(importer, base);
    }

    @Test
    void theServerDoesNotNegotiateCompressionOnAnySocket() throws Exception {
        for (String path : List.of("/ws/screen/" + talk.code, "/ws/participant/" + talk.code,
                "/ws/present/" + talk.code + "?key=" + talk.presenterKey)) {
            try (RawHttp http = RawHttp.connect(base)) {
                String head = http.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n").head();
                assertThat(RawHttp.status(head)).as(path).isEqualTo(101);
                assertThat(head.toLowerCase(Locale.ROOT)).as(path).doesNotContain("permessage-deflate");
            }
        }
    }

    @Test
    void aMessageOverTheLimitInManyFramesGetsMessageTooLargeOnEverySocket() throws Exception {
        String token = join(talk.code);
        try (SocketClient phone = talk.phone(token); SocketClient presenter = talk.presenter();
                SocketClient screen = talk.screen()) {
            phone.next("state");
            presenter.next("presence");
            screen.next("presence");
            for (SocketClient client : List.of(phone, presenter, screen)) {
                // 20,000 bytes in frames of 4,000: each frame is within the frame limit, the message is not.
                client.sendInFrames("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(19_977) + "\"}", 4_000);
                JsonNode error = client.next("error");
                assertThat(error.path("problem").asText()).isEqualTo("message-too-large");
                assertThat(error.path("status").asInt()).isEqualTo(413);
                assertThat(error.path("detail").asText())
                        .isEqualTo("A message may be at most 16384 bytes; this one was dropped");
                client.send("{\"type\":\"ping\"}");
                assertThat(client.next("pong")).hasToString("{\"type\":\"pong\"}");
                assertThat(client.isOpen()).isTrue();
            }
        }
        assertThat(counts(talk.code)).containsExactly(0, 0, 0);
    }

    @Test
    void aSingleFrameOverTheMessageLimitGetsMessageTooLargeOnEverySocketAndItStaysOpen() throws Exception {
        String token = join(talk.code);
        for (String[] socket : List.of(new String[] {"/ws/screen/" + talk.code, ""},
                new String[] {"/ws/present/" + talk.code + "?key=" + talk.presenterKey, ""},
                new String[] {"/ws/participant/" + talk.code, "Cookie: afstemning_pid=" + token + "\r\n"})) {
            try (RawHttp http = upgraded(socket[0], socket[1])) {
                // 20,000 bytes as one frame: within the frame limit (64 KB), over the message limit.
                http.sendFrame(0x81, ("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(19_977) + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
                String error = nextText(http, "\"type\":\"error\"");
                assertThat(error).as(socket[0]).contains("\"status\":413", "\"problem\":\"message-too-large\"",
                        "\"detail\":\"A message may be at most 16384 bytes; this one was dropped\"");
                http.sendFrame(0x81, "{\"type\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
                assertThat(nextText(http, "pong")).as(socket[0]).isEqualTo("text:{\"type\":\"pong\"}");
            }
        }
        assertThat(counts(talk.code)).containsExactly(0, 0, 0);
    }

    @Test
    void aSingleFrameOverTheFrameLimitEndsItsConnectionUnreadAndOthersGoOn() throws Exception {
        try (RawHttp http = upgraded("/ws/screen/" + talk.code, "")) {
            // Netty refuses a frame over max-frame-size (65536) before reading it; browsers send nothing near it.
            http.sendFrame(0x81, ("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(69_977) + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
            List<String> frames = new ArrayList<>();
            for (String frame = http.readFrame(); !frame.equals("eof"); frame = http.readFrame()) {
                frames.add(frame);
            }
            assertThat(frames).noneMatch(f -> f.contains("pong") || f.contains("message-too-large"));
        }
        try (SocketClient screen = talk.screen()) {
            screen.next("presence");
            screen.send("{\"type\":\"ping\"}");
            assertThat(screen.next("pong")).hasToString("{\"type\":\"pong\"}");
        }
    }

    /** The next text frame containing {@code part}, skipping others (snapshots); fails at the connection's end. */
    private static String nextText(RawHttp http, String part) throws Exception {
        for (String frame = http.readFrame(); !frame.equals("eof"); frame = http.readFrame()) {
            if (frame.startsWith("text:") && frame.contains(part)) {
                return frame;
            }
        }
        throw new AssertionError("connection ended before a frame with " + part);
    }

    private RawHttp upgraded(String path, String moreHeaders) throws Exception {
        RawHttp http = RawHttp.connect(base);
        String head = http.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + moreHeaders + "\r\n").head();
        assertThat(RawHttp.status(head)).isEqualTo(101);
        return http;
    }
}
