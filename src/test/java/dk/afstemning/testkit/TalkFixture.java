package dk.afstemning.testkit;

import java.net.URI;
import java.util.List;

import dk.afstemning.TestTalks;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.talk.Talk;

/**
 * A talk with a presenter and phones, for tests against the running app at {@code base}: the talk, its join code,
 * and the presenter socket, the screen feed and phones (participants joined over REST, with their socket). Each
 * {@link #create} imports a talk of its own, so tests never share votes.
 */
public final class TalkFixture {

    public final Talk talk;
    public final String code;
    public final String presenterKey;
    private final URI base;

    private TalkFixture(Talk talk, URI base) {
        this.talk = talk;
        this.code = talk.joinCode;
        this.presenterKey = talk.presenterKey;
        this.base = base;
    }

    /** A fresh standard test talk ({@link TestTalks#create(DeckImporter)}): poll {@code q}, three options, a draft. */
    public static TalkFixture create(DeckImporter importer, URI base) {
        return new TalkFixture(TestTalks.create(importer), base);
    }

    /** A fresh standard test talk with poll {@code q} open. */
    public static TalkFixture opened(DeckImporter importer, URI base) {
        TalkFixture fixture = create(importer, base);
        fixture.open("q");
        return fixture;
    }

    /** A talk imported by the test itself (its own deck). */
    public static TalkFixture of(Talk talk, URI base) {
        return new TalkFixture(talk, base);
    }

    /** Option ids of the talk's first poll, in order. */
    public List<Integer> options() {
        return TestTalks.optionIds(code);
    }

    /** Opens a poll with the presenter key (expects 200). */
    public void open(String pollId) {
        TestTalks.open(talk, pollId);
    }

    /** Closes a poll with the presenter key (expects 200). */
    public void close(String pollId) {
        TestTalks.close(talk, pollId);
    }

    /** Joins a new participant over REST; their token (the cookie value). */
    public String join() {
        return TestTalks.join(code);
    }

    /** The presenter socket, opened with the talk's presenter key. */
    public SocketClient presenter() {
        return SocketClient.presenter(base, code, talk.presenterKey);
    }

    /** The public screen feed. */
    public SocketClient screen() {
        return SocketClient.screen(base, code);
    }

    /** The socket of the phone of participant {@code token} (null: a phone that never joined). */
    public SocketClient phone(String token) {
        return SocketClient.participant(base, code, token);
    }

    /** A new participant's phone: joins over REST, then opens their socket. */
    public SocketClient phone() {
        return phone(join());
    }
}
