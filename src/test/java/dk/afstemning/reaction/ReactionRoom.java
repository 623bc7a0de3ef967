package dk.afstemning.reaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/** A room of phones for reaction tests: phones with their sockets open, and taps that wait for their answers. */
public final class ReactionRoom {

    /** The reactions' wire names, in the order of {@link Reaction}. */
    public static final List<String> KINDS = List.of("thumbs-up", "heart", "laugh", "clap", "thinking");

    private ReactionRoom() {
    }

    /** The message of one reaction. */
    public static String reaction(String name) {
        return "{\"type\":\"reaction\",\"reaction\":\"" + name + "\"}";
    }

    /** {@code n} new participants with their sockets open (each has its {@code state}). */
    public static List<SocketClient> phones(TalkFixture talk, int n) throws InterruptedException {
        List<SocketClient> phones = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketClient phone = talk.phone();
            phones.add(phone);
            phone.next("state");
        }
        return phones;
    }

    /**
     * Every phone taps four different kinds, phone i starting at kind i % 5 (with 50 phones: 200 reactions, 40 of each
     * kind), all sent before any answer is read; then asserts that every one was answered {@code reacted}.
     */
    public static void tapFourEach(List<SocketClient> phones) throws InterruptedException {
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < phones.size(); i++) {
                phones.get(i).send(reaction(KINDS.get((i + round) % KINDS.size())));
            }
        }
        for (SocketClient phone : phones) {
            for (int n = 0; n < 4; n++) {
                assertThat(answer(phone).path("type").asText()).isEqualTo("reacted");
            }
        }
    }

    /** {@code phone} taps each of {@code kinds} in turn, each answered {@code reacted} before the next. */
    public static void tap(SocketClient phone, String... kinds) throws InterruptedException {
        for (String kind : kinds) {
            phone.send(reaction(kind));
            assertThat(answer(phone).path("type").asText()).isEqualTo("reacted");
        }
    }

    /** The next answer to a reaction: {@code reacted} or an {@code error}. */
    public static com.fasterxml.jackson.databind.JsonNode answer(SocketClient phone) throws InterruptedException {
        return phone.next(m -> m.path("type").asText().matches("reacted|error"));
    }
}
