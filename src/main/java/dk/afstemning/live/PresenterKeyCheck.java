package dk.afstemning.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;

import dk.afstemning.security.AbuseLimits;
import dk.afstemning.security.ClientAddress;
import dk.afstemning.talk.JoinCodes;
import dk.afstemning.talk.TalkService;
import dk.afstemning.text.LogText;

/**
 * The presenter feed's key check at the HTTP upgrade: {@code /ws/present/{code}} opens only with the talk's presenter
 * key in the query parameter {@code key} (browsers cannot add headers to a WebSocket), or for a login that may present
 * the talk (an organiser, or a presenter account assigned to it now: un-assigned, refused). Anything else, including
 * another talk's key or an unknown join code, is refused with 403 before the socket exists, and logged; an unknown
 * code also counts as a join-code miss of the client. Runs after {@code SocketUpgradeGuard} (origin, rate limits).
 */
@ApplicationScoped
public class PresenterKeyCheck implements HttpUpgradeCheck {

    @Inject
    TalkService talks;

    @Inject
    AbuseLimits limits;

    @Override
    public boolean appliesTo(String endpointId) {
        return PresenterSocket.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String code = context.pathParam("code");
        String key = context.httpRequest().getParam("key");
        String client = ClientAddress.of(context.httpRequest());
        return context.securityIdentity().onItem().transformToUni(identity -> VertxContextSupport
                .executeBlocking(() -> talks.presenterFits(code, key, identity))).map(fit -> {
            if (fit == TalkService.KeyFit.FITS) {
                return CheckResult.permitUpgradeSync();
            }
            if (fit == TalkService.KeyFit.NO_TALK) {
                limits.joinCodeRefusal(TalkService.unknown(code), client);
            }
            limits.logRefusal("presenter-key", client, "presenter socket of talk " + loggable(code)
                    + (key == null ? " without a key" : " with a wrong key"));
            return CheckResult.rejectUpgradeSync(403);
        });
    }

    private static String loggable(String code) {
        String normalized = JoinCodes.normalize(code);
        return JoinCodes.isWellFormed(normalized) ? normalized : LogText.quoted(code);
    }
}
