package dk.afstemning.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.metrics.LiveMetrics;

/**
 * The live sockets open at this instance, counted per client address ({@link ClientAddress}), so that
 * {@link SocketUpgradeGuard} can refuse an address that holds {@code afstemning.limits.sockets-per-ip} already. Every
 * socket endpoint reports its connections' opening and closing (their {@code @OnOpen} and {@code @OnClose}; the CDI
 * events of WebSockets Next are asynchronous, so a close could be seen before its open). Upgrades still in their
 * handshake are not counted yet, so a burst of simultaneous upgrades may pass the cap by that many (bounded by the
 * look-up limit).
 */
@ApplicationScoped
public class OpenSockets {

    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();

    @Inject
    LiveMetrics metrics;

    /** A live socket opened (its endpoint's {@code @OnOpen}). */
    public void opened(WebSocketConnection connection) {
        perClient.merge(SocketUpgradeGuard.client(connection), 1, Integer::sum);
        metrics.socketOpened();
    }

    /** A live socket that {@link #opened} counted closed (its endpoint's {@code @OnClose}). */
    public void closed(WebSocketConnection connection) {
        perClient.computeIfPresent(SocketUpgradeGuard.client(connection), (k, n) -> n <= 1 ? null : n - 1);
        metrics.socketClosed();
    }

    /** Sockets open now from {@code client}. */
    public int of(String client) {
        return perClient.getOrDefault(client, 0);
    }
}
