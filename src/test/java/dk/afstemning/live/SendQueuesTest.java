package dk.afstemning.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/** The per-connection send bound: a connection that stops taking messages is closed, the others are not delayed. */
class SendQueuesTest {

    /** A connection whose sends complete only when the test says so, as a client that stops reading. */
    static class Stuck implements SendQueues.Target {
        final String id;
        final List<UniEmitter<? super Void>> pending = new ArrayList<>();
        final List<String> sent = new ArrayList<>();
        final List<CloseReason> closes = new ArrayList<>();
        boolean open = true;

        Stuck(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Uni<Void> sendText(String text) {
            sent.add(text);
            return Uni.createFrom().emitter(pending::add);
        }

        @Override
        public Uni<Void> close(CloseReason reason) {
            closes.add(reason);
            return Uni.createFrom().voidItem();
        }

        void completeOne() {
            pending.remove(0).complete(null);
        }
    }

    /** A connection whose sends complete at once. */
    static final class Fast extends Stuck {
        Fast(String id) {
            super(id);
        }

        @Override
        public Uni<Void> sendText(String text) {
            sent.add(text);
            return Uni.createFrom().voidItem();
        }
    }

    @Test
    void aConnectionWithMoreThanTheBoundInFlightIsClosedAsTooSlowOnce() {
        AtomicInteger drops = new AtomicInteger();
        SendQueues queues = new SendQueues(3, drops::incrementAndGet);
        Stuck slow = new Stuck("slow");
        for (int i = 1; i <= 3; i++) {
            queues.send(slow, "m" + i);
        }
        assertThat(queues.inFlight("slow")).isEqualTo(3);
        assertThat(slow.closes).isEmpty();

        queues.send(slow, "m4");
        assertThat(slow.sent).containsExactly("m1", "m2", "m3");
        assertThat(slow.closes).hasSize(1);
        assertThat(slow.closes.get(0).getCode()).isEqualTo(1013);
        assertThat(slow.closes.get(0).getMessage()).isEqualTo("too slow");
        assertThat(drops.get()).isEqualTo(1);

        // Further pushes before the close completes neither send nor close again.
        queues.send(slow, "m5");
        assertThat(slow.sent).hasSize(3);
        assertThat(slow.closes).hasSize(1);
        assertThat(drops.get()).isEqualTo(1);
    }

    @Test
    void completedSendsFreeTheirPlace() {
        AtomicInteger drops = new AtomicInteger();
        SendQueues queues = new SendQueues(2, drops::incrementAndGet);
        Stuck client = new Stuck("c");
        queues.send(client, "m1");
        queues.send(client, "m2");
        client.completeOne();
        assertThat(queues.inFlight("c")).isEqualTo(1);
        queues.send(client, "m3");
        assertThat(queues.inFlight("c")).isEqualTo(2);
        assertThat(client.sent).containsExactly("m1", "m2", "m3");
        assertThat(client.closes).isEmpty();
        assertThat(drops.get()).isZero();
    }

    @Test
    void aFailedSendFreesItsPlaceToo() {
        SendQueues queues = new SendQueues(1, () -> {
        });
        Stuck client = new Stuck("c");
        queues.send(client, "m1");
        client.pending.remove(0).fail(new IllegalStateException("connection reset"));
        assertThat(queues.inFlight("c")).isZero();
    }

    @Test
    void aSlowConnectionDoesNotDelayOrDropTheOthers() {
        AtomicInteger drops = new AtomicInteger();
        SendQueues queues = new SendQueues(64, drops::incrementAndGet);
        Stuck slow = new Stuck("slow");
        Fast fast = new Fast("fast");
        for (int i = 0; i < 100; i++) {
            queues.send(slow, "m" + i);
            queues.send(fast, "m" + i);
        }
        assertThat(fast.sent).hasSize(100);
        assertThat(fast.closes).isEmpty();
        assertThat(queues.inFlight("fast")).isZero();
        assertThat(slow.sent).hasSize(64);
        assertThat(slow.closes).hasSize(1);
        assertThat(drops.get()).isEqualTo(1);
    }

    @Test
    void closedConnectionsGetNothingAndForgottenOnesStartAfresh() {
        SendQueues queues = new SendQueues(1, () -> {
        });
        Stuck gone = new Stuck("gone");
        gone.open = false;
        queues.send(gone, "m1");
        assertThat(gone.sent).isEmpty();

        Stuck client = new Stuck("c");
        queues.send(client, "m1");
        queues.send(client, "m2");
        assertThat(client.closes).hasSize(1);
        queues.forget("c");
        assertThat(queues.inFlight("c")).isZero();
        Stuck again = new Stuck("c");
        queues.send(again, "m3");
        assertThat(again.sent).containsExactly("m3");
    }
}
