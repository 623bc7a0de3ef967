package dk.afstemning.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The pong deadline of every live socket (participant, screen, presenter). The server pings each socket every
 * {@code quarkus.websockets-next.server.auto-ping-interval}; a live peer answers with a pong, and pages also send
 * their own {@code ping} messages. A socket from which nothing at all (pong, message) has been heard for
 * {@link LiveConfig#silenceLimit()} is closed (code 1001, "silent"), so a frozen or unplugged phone leaves the
 * connected count and {@code afstemning_participants_connected} instead of staying until the kernel gives the TCP
 * connection up (minutes, or never). WebSockets Next 3.33 sends pings but tracks no pongs, hence this.
 */
@ApplicationScoped
public class SilentConnections {

    @Inject
    OpenConnections open;

    @Inject
    LiveConfig config;

    /** Connection id → when something was last heard from it, {@link System#nanoTime()}. */
    private final Map<String, Long> lastHeard = new ConcurrentHashMap<>();

    /** Something (opening, a message, a pong) came from the connection now. */
    public void heard(WebSocketConnection connection) {
        heard(connection.id(), System.nanoTime());
    }

    void heard(String connectionId, long nanoTime) {
        lastHeard.put(connectionId, nanoTime);
    }

    /** The connection closed: forget it. */
    public void gone(WebSocketConnection connection) {
        lastHeard.remove(connection.id());
    }

    /** The ids of the connections silent for longer than the limit at {@code nanoTime}. */
    List<String> silent(long nanoTime, Duration limit) {
        List<String> silent = new ArrayList<>();
        lastHeard.forEach((id, heard) -> {
            if (nanoTime - heard > limit.toNanos()) {
                silent.add(id);
            }
        });
        return silent;
    }

    /** Closes every silent connection; runs every {@code afstemning.live.silence-check}. */
    @Scheduled(every = "${afstemning.live.silence-check:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeSilent() {
        List<String> silent = silent(System.nanoTime(), config.silenceLimit());
        for (String id : silent) {
            lastHeard.remove(id);
            open.findByConnectionId(id).ifPresent(connection -> {
                Log.debugf("Closing live socket %s: nothing heard for %s", id, config.silenceLimit());
                connection.close(new CloseReason(1001, "silent")).subscribe().with(ok -> {
                }, failure -> Log.debugf("Closing silent socket %s: %s", id, failure));
            });
        }
    }
}
