package dk.afstemning.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dk.afstemning.TestLogins;
import dk.afstemning.account.Account;
import dk.afstemning.account.AccountService;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.testkit.SocketClient;
import dk.afstemning.testkit.TalkFixture;

/**
 * Issue 21, item 7: a presenter's console socket, opened with the login, stayed open after the talk was un-assigned
 * or the account disabled, until it reconnected. Now every withdrawal closes the account's presenter sockets at once
 * (1008, with a reason the console shows translated) and a reconnect is refused; phones and screens stay.
 */
@QuarkusTest
class RevokedSocketsTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    DeckImporter importer;

    @Inject
    AccountService accounts;

    private SocketClient console(TalkFixture talk, Map<String, String> session) {
        return SocketClient.connect(base, "/ws/present/" + talk.code, null, Map.of("Cookie",
                "afstemning_session=" + session.get("afstemning_session") + "; afstemning_session_v="
                        + session.get("afstemning_session_v")));
    }

    /** A presenter account assigned to two new talks, logged in with the form. */
    private record Presenter(TalkFixture talk, TalkFixture other, String name, Map<String, String> session) {
    }

    private Presenter presenterOfTwoTalks() {
        TalkFixture talk = TalkFixture.create(importer, base);
        TalkFixture other = TalkFixture.create(importer, base);
        String name = TestLogins.presenter(accounts, talk.talk, other.talk);
        return new Presenter(talk, other, name, TestLogins.session(name, "presenter-password"));
    }

    private static long id(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Account.findByUsername(name).orElseThrow().id);
    }

    private static void organiserPosts(String path, Object... params) {
        TestLogins.csrf(TestLogins.organiser()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", TestLogins.CSRF)
                .post(path, params).then().statusCode(303);
    }

    @Test
    void unassigningClosesThePresentersOpenSocketAndRefusesItsReconnect() throws Exception {
        Presenter p = presenterOfTwoTalks();
        TalkFixture talk = p.talk();
        TalkFixture other = p.other();
        String name = p.name();
        Map<String, String> session = p.session();
        try (SocketClient console = console(talk, session); SocketClient otherConsole = console(other, session);
                SocketClient phone = talk.phone(); SocketClient screen = talk.screen();
                SocketClient keyed = talk.presenter()) {
            console.next("slide");
            otherConsole.next("slide");

            organiserPosts("/organiser/accounts/{id}/talks/{t}/remove", id(name), talk.talk.id);

            console.closed.get(10, TimeUnit.SECONDS);
            assertThat(console.closeCode).isEqualTo(1008);
            assertThat(console.closeReason).isEqualTo(AccessRevocations.WITHDRAWN);
            Throwable refused = catchThrowable(() -> console(talk, session));
            assertThat(SocketClient.rejectedStatus(refused)).isEqualTo(403);
            // the talk still assigned, the phone, the public screen and a console with the key stay open
            assertThat(otherConsole.isOpen()).isTrue();
            assertThat(phone.isOpen()).isTrue();
            assertThat(screen.isOpen()).isTrue();
            assertThat(keyed.isOpen()).isTrue();
            phone.send("{\"type\":\"ping\"}");
            assertThat(phone.next("pong").get("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void disablingAnAccountClosesAllItsSockets() throws Exception {
        Presenter p = presenterOfTwoTalks();
        TalkFixture talk = p.talk();
        Map<String, String> session = p.session();
        String name = p.name();
        try (SocketClient first = console(talk, session); SocketClient second = console(p.other(), session);
                SocketClient phone = talk.phone()) {
            first.next("slide");
            second.next("slide");

            organiserPosts("/organiser/accounts/{id}/disable", id(name));

            first.closed.get(10, TimeUnit.SECONDS);
            second.closed.get(10, TimeUnit.SECONDS);
            assertThat(first.closeCode).isEqualTo(1008);
            assertThat(second.closeCode).isEqualTo(1008);
            assertThat(first.closeReason).isEqualTo(AccessRevocations.WITHDRAWN);
            // the session itself ended: the upgrade is sent to the login page
            assertThat(SocketClient.rejectedStatus(catchThrowable(() -> console(talk, session)))).isEqualTo(302);
            assertThat(phone.isOpen()).isTrue();
        }
    }

    @Test
    void loggingOutClosesTheOrganisersConsole() throws Exception {
        TalkFixture talk = TalkFixture.create(importer, base);
        String name = "o-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> accounts.create(name, "organiser-password", "organiser"));
        Map<String, String> session = TestLogins.session(name, "organiser-password");
        try (SocketClient console = console(talk, session)) {
            console.next("slide");

            io.restassured.RestAssured.given().cookies(session).cookie("afstemning_csrf", TestLogins.CSRF)
                    .redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("csrf-token", TestLogins.CSRF).post("/logout").then().statusCode(303);

            console.closed.get(10, TimeUnit.SECONDS);
            assertThat(console.closeCode).isEqualTo(1008);
            assertThat(console.closeReason).isEqualTo(AccessRevocations.SIGNED_OUT);
        }
    }
}
