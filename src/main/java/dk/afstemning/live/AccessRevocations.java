package dk.afstemning.live;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;

import dk.afstemning.account.AccessRevoked;
import dk.afstemning.account.AccountService;
import dk.afstemning.live.bus.BusMessage;
import dk.afstemning.live.bus.BusMessage.Kind;
import dk.afstemning.talk.JoinCodes;

/**
 * Closes the presenter sockets ({@code /ws/present/{code}}, the console's and presenter screen's feed) of an account
 * whose access was withdrawn, at once and on every instance: a presenter socket opened by a login remembers the
 * account; when the account loses a talk (un-assigned) its sockets of that talk close, when it is disabled, deleted,
 * changes its password or logs out (everywhere) all of them close. The close code is 1008 with the reason
 * {@value #WITHDRAWN} or {@value #SIGNED_OUT}, which the console shows translated; a reconnect then goes through
 * {@link PresenterKeyCheck} again and is refused. Other instances learn it over the live bus ({@link Kind#REVOKED}).
 * Phones and public screens are untouched.
 */
@ApplicationScoped
public class AccessRevocations {

    /** Close reason of a socket whose account lost the talk, or was disabled or deleted. */
    public static final String WITHDRAWN = "access-withdrawn";
    /** Close reason of a socket whose account logged out (everywhere) or changed its password. */
    public static final String SIGNED_OUT = "signed-out";

    private static final UserData.TypedKey<Long> ACCOUNT = UserData.TypedKey.forLong("account");

    @Inject
    OpenConnections connections;

    @Inject
    AccountService accounts;

    @Inject
    LiveRelay relay;

    void onStart(@Observes StartupEvent event) {
        relay.receive(Kind.REVOKED, m -> close(m.id(), m.joinCode().isEmpty() ? null : m.joinCode(), m.flag()));
    }

    /** Remembers the account of a presenter socket opened by a login (none for one opened with the key alone). */
    void opened(WebSocketConnection connection, SecurityIdentity identity) {
        if (identity != null && !identity.isAnonymous()) {
            accounts.idOf(identity.getPrincipal().getName())
                    .ifPresent(id -> connection.userData().put(ACCOUNT, id));
        }
    }

    void onRevoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessRevoked revoked) {
        close(revoked.accountId(), revoked.joinCode(), revoked.signedOut());
        relay.publish(Kind.REVOKED, revoked.joinCode() == null ? "" : revoked.joinCode(), revoked.accountId(),
                revoked.signedOut(), List.of());
    }

    /** @return the number of sockets closed on this instance */
    int close(long accountId, String joinCode, boolean signedOut) {
        String reason = signedOut ? SIGNED_OUT : WITHDRAWN;
        int closed = 0;
        for (WebSocketConnection connection : connections) {
            Long account = connection.userData().get(ACCOUNT);
            String path = connection.pathParam("code");
            if (account != null && account == accountId && (joinCode == null
                    || path != null && JoinCodes.normalize(path).equals(JoinCodes.normalize(joinCode)))) {
                connection.close(new CloseReason(PresenterKeyRotation.CLOSE_CODE, reason)).subscribe().with(v -> {
                }, t -> Log.debugf("closing presenter socket %s failed: %s", connection.id(), t));
                closed++;
            }
        }
        if (closed > 0) {
            Log.infof("Closed %d presenter socket(s) of account %d (%s)", closed, accountId, reason);
        }
        return closed;
    }
}
