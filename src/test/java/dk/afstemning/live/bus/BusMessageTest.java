package dk.afstemning.live.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.live.bus.BusMessage.Kind;

/** The live bus's wire form: ids only, merged per key, split under PostgreSQL's 8,000-byte NOTIFY limit. */
class BusMessageTest {

    @Test
    void aMessageReadsBackAsItWasWritten() {
        BusMessage m = BusMessage.of(Kind.TEXT, "ABC123", 42, true, List.of(7L, 9L)).stamped("node-a", 1_700_000_000_123L);
        assertThat(m.encode()).isEqualTo("v1|TEXT|node-a|1700000000123|ABC123|42|1|7,9");
        assertThat(BusMessage.decode(m.encode())).isEqualTo(m);
        BusMessage empty = BusMessage.of(Kind.SHOW, "XYZ", 0, false, List.of()).stamped("b", 5);
        assertThat(empty.encode()).isEqualTo("v1|SHOW|b|5|XYZ|0|0|");
        assertThat(BusMessage.decode(empty.encode())).isEqualTo(empty);
    }

    @Test
    void foreignTextOnTheChannelIsRefused() {
        assertThatThrownBy(() -> BusMessage.decode("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusMessage.decode("v2|POLL|a|1|C|1|0|")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusMessage.decode("v1|NOPE|a|1|C|1|0|")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagesOfOneKeyMergeTheirFlagsAndIds() {
        BusMessage a = BusMessage.of(Kind.POLL, "C", 5, false, List.of());
        BusMessage b = BusMessage.of(Kind.POLL, "C", 5, true, List.of());
        assertThat(a.merge(b).flag()).isTrue();
        assertThat(b.merge(a).flag()).isTrue();
        assertThat(a.coalescingKey()).isEqualTo("POLL:5");
        BusMessage q1 = BusMessage.of(Kind.QA, "C", 0, false, List.of(1L, 2L));
        BusMessage q2 = BusMessage.of(Kind.QA, "C", 0, false, List.of(2L, 3L));
        assertThat(q1.merge(q2).ids()).containsExactly(1L, 2L, 3L);
        assertThat(q1.coalescingKey()).isEqualTo("QA:C");
        assertThat(BusMessage.of(Kind.REACTIONS, "C", 1, false, List.of(1L, 0L, 0L, 0L, 0L)).coalescingKey()).isNull();
        BusMessage p1 = BusMessage.of(Kind.PRESENCE, "C", 10, false, List.of());
        BusMessage p2 = BusMessage.of(Kind.PRESENCE, "C", 4, false, List.of());
        assertThat(p1.merge(p2).id()).as("the later count").isEqualTo(4);
    }

    @Test
    void aThousandLargeIdsGoAsThreeMessagesEachUnderTheNotifyLimit() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Long.MAX_VALUE - i);
        }
        List<BusMessage> parts = BusMessage.of(Kind.QA, "ABCDEFGH", 0, false, ids).stamped("host-12345", 1L).split();
        assertThat(parts).hasSize(3);
        assertThat(parts.stream().mapToInt(p -> p.ids().size()).sum()).isEqualTo(1000);
        for (BusMessage p : parts) {
            assertThat(p.encode().getBytes(StandardCharsets.UTF_8).length).isLessThan(8000);
            assertThat(p.origin()).isEqualTo("host-12345");
        }
    }

    @Test
    void aBarInAJoinCodeOrInstanceNameIsRefused() {
        assertThatThrownBy(() -> BusMessage.of(Kind.SHOW, "A|B", 0, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
