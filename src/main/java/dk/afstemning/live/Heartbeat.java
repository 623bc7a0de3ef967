package dk.afstemning.live;

/**
 * The pages' application-level heartbeat. A browser cannot see WebSocket ping frames, so a socket that died without a
 * close frame (a phone that lost Wi-Fi, a proxy that dropped the connection) looks open for minutes. Pages therefore
 * send {@code {"type":"ping"}} ({@link ClientMessage.Ping}) every 20 s; every live socket answers
 * {@code {"type":"pong"}} at once, and a page that hears nothing for 45 s closes the socket and reconnects. Pings are
 * not votes: no rate limit applies.
 */
final class Heartbeat {

    /** The answer to a ping. */
    record Pong(String type) {
        Pong() {
            this("pong");
        }
    }

    private Heartbeat() {
    }
}
