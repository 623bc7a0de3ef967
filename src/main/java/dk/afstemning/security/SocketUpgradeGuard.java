package dk.afstemning.security;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dk.afstemning.metrics.LiveMetrics;
import dk.afstemning.problem.RateLimited;

/**
 * Checks every WebSocket upgrade before it happens: a page of another site is refused with 403 (the participant socket
 * is authenticated by a cookie, which the browser would send along); a client over its join-code look-up limit, or
 * blocked for unknown codes, or holding {@code afstemning.limits.sockets-per-ip} open sockets already
 * ({@link OpenSockets}), gets 429 with {@code Retry-After}. Leaves the client key in the connection's user data.
 */
@ApplicationScoped
public class SocketUpgradeGuard implements HttpUpgradeCheck {

    /** The connection's {@link ClientAddress} key. */
    public static final UserData.TypedKey<String> CLIENT = UserData.TypedKey.forString("client");

    /** The client key that {@link #perform} left on a connection. */
    public static String client(WebSocketConnection connection) {
        String client = connection.userData().get(CLIENT);
        return client == null ? "unknown" : client;
    }

    @Inject
    OriginPolicy origins;

    @Inject
    AbuseLimits limits;

    @Inject
    OpenSockets sockets;

    @Inject
    LimitsConfig config;

    @Inject
    LiveMetrics metrics;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String client = ClientAddress.of(request);
        if (!origins.allows(request)) {
            limits.logRefusal("cross-origin", client, "socket upgrade from a page of another site");
            return CheckResult.rejectUpgrade(403);
        }
        if (sockets.of(client) >= config.socketsPerIp()) {
            limits.logRefusal("sockets-per-ip", client, config.socketsPerIp() + " sockets open already");
            metrics.socketRefusedPerIp();
            return CheckResult.rejectUpgrade(429, Map.of("Retry-After", List.of("10")));
        }
        try {
            limits.lookup(client);
        } catch (RateLimited e) {
            return CheckResult.rejectUpgrade(429, Map.of("Retry-After", List.of(String.valueOf(e.retryAfterSeconds()))));
        }
        context.userData().put(CLIENT, client);
        return CheckResult.permitUpgrade();
    }
}
