package dk.afstemning.live;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.logging.Log;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * Fire-and-forget sends with a bounded queue per connection. Each send counts as in flight until Vert.x has written
 * it to the socket (its {@code Uni} completes); a connection that would get more than {@code bound} sends in flight
 * does not keep up (a phone in a tunnel, a dead TCP peer) and is closed with code 1013 "too slow" instead of queuing
 * more. Browsers reconnect after 1013 and get a fresh snapshot. Nothing here ever waits, so a slow connection never
 * delays the sends to the others.
 */
final class SendQueues {

    /** Close code for a connection that did not keep up: 1013, "try again later" (RFC 6455 registry). */
    static final int TOO_SLOW = 1013;

    /** What is sent to: a live connection, or a stand-in in tests. */
    interface Target {
        String id();

        boolean isOpen();

        Uni<Void> sendText(String text);

        Uni<Void> close(CloseReason reason);
    }

    private final int bound;
    private final Runnable onDrop;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();

    /**
     * @param bound most sends in flight per connection, at least 1
     * @param onDrop called once per connection that is closed for being too slow
     */
    SendQueues(int bound, Runnable onDrop) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1, was " + bound);
        }
        this.bound = bound;
        this.onDrop = onDrop;
    }

    static Target target(WebSocketConnection c) {
        return new Target() {
            @Override
            public String id() {
                return c.id();
            }

            @Override
            public boolean isOpen() {
                return c.isOpen();
            }

            @Override
            public Uni<Void> sendText(String text) {
                return c.sendText(text);
            }

            @Override
            public Uni<Void> close(CloseReason reason) {
                return c.close(reason);
            }
        };
    }

    /** Sends {@code text} without waiting; closes the connection instead when its queue is full. */
    void send(Target c, String text) {
        if (!c.isOpen() || dropped.contains(c.id())) {
            return;
        }
        AtomicInteger pending = inFlight.computeIfAbsent(c.id(), k -> new AtomicInteger());
        if (pending.incrementAndGet() > bound) {
            pending.decrementAndGet();
            if (dropped.add(c.id())) {
                onDrop.run();
                Log.infof("Closing connection %s: more than %d messages waiting to be sent", c.id(), bound);
                c.close(new CloseReason(TOO_SLOW, "too slow")).subscribe().with(v -> {
                }, t -> Log.debugf("Closing slow connection %s failed: %s", c.id(), t.getMessage()));
            }
            return;
        }
        c.sendText(text).subscribe().with(v -> pending.decrementAndGet(), t -> {
            pending.decrementAndGet();
            Log.debugf("Live push to %s failed: %s", c.id(), t.getMessage());
        });
    }

    /** Sends waiting for {@code id} to complete; 0 for an unknown connection. */
    int inFlight(String id) {
        AtomicInteger pending = inFlight.get(id);
        return pending == null ? 0 : pending.get();
    }

    /** Forgets a closed connection. */
    void forget(String id) {
        inFlight.remove(id);
        dropped.remove(id);
    }
}
