package dk.afstemning.participant;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dk.afstemning.platform.Leases;

/**
 * At start-up, replaces the raw tokens that participant rows kept before V18 by their hash ({@link ParticipantTokens}),
 * so people who joined before the upgrade keep their identity, votes and nickname, and exports keep their pseudonyms
 * (which follow the row's id). An SQL migration cannot do it: the key is outside the database. One instance at a time,
 * under the lease {@value #LEASE}; the next finds nothing left. A raw token is told from a hash by its length.
 */
@ApplicationScoped
public class TokenRehash {

    /** The lease under which one instance re-hashes. */
    static final String LEASE = "participant-token-rehash";
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final int BATCH = 500;

    @Inject
    Leases leases;

    @Inject
    ParticipantTokens tokens;

    void onStart(@Observes StartupEvent event) {
        int done = leases.runAlone(LEASE, TTL, this::rehashAll);
        if (done > 0) {
            Log.infof("Hashed the stored tokens of %d participant(s) joined before this version", done);
        }
    }

    /** Hashes every raw token left, in batches of {@value #BATCH} rows, each in its own transaction. */
    public int rehashAll() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> {
                List<Participant> raw = Participant.<Participant>find("length(tokenHash) <> ?1",
                        ParticipantTokens.HASH_LENGTH).page(0, BATCH).list();
                raw.forEach(p -> p.tokenHash = tokens.hash(p.talk.id, p.tokenHash));
                return raw.size();
            });
            total += done;
        } while (done == BATCH);
        return total;
    }
}
