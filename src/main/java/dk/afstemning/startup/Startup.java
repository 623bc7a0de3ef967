package dk.afstemning.startup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

import dk.afstemning.account.AccountService;
import dk.afstemning.platform.AppConfig;
import dk.afstemning.platform.Leases;
import dk.afstemning.talk.Talk;
import dk.afstemning.platform.PublicUrls;
import dk.afstemning.deck.DeckImporter;
import dk.afstemning.text.LogText;

/**
 * At start-up: imports the slides folder ({@code afstemning.slides-dir}, default {@code slides}), makes sure the first
 * organiser account exists, and prints every talk's participant and presenter URL (uploaded and re-given talks too, so
 * a lost presenter link can be found again).
 * <p>
 * Instances starting at once on one database seed it one after the other, under the lease {@value #SEED_LEASE}
 * ({@link Leases#runAlone}): the first imports the decks and makes the account, the next finds them there and changes
 * nothing, so every instance starts and the slides folder's talks exist once.
 */
@ApplicationScoped
public class Startup {

    @Inject
    DeckImporter importer;

    @Inject
    PublicUrls urls;

    @Inject
    AccountService accounts;

    @Inject
    AppConfig config;

    @Inject
    Leases leases;

    /** The lease under which one instance at a time seeds the database. */
    static final String SEED_LEASE = "seed-import";

    /** Longer than a seed import ever takes: an instance that dies while seeding holds the others up this long. */
    static final Duration SEED_TTL = Duration.ofMinutes(5);

    /** What seeding did: the decks imported and the first organiser account, if made or reset now. */
    record Seeded(DeckImporter.Report report, Optional<AccountService.FirstAdmin> admin) {
    }

    /** Imports the decks of {@code folder} and makes sure the first organiser exists, one instance at a time. */
    Seeded seed(Path folder) {
        return leases.runAlone(SEED_LEASE, SEED_TTL,
                () -> new Seeded(importer.importFolder(folder), accounts.ensureAdmin()));
    }

    void onStart(@Observes StartupEvent event) {
        Path folder = Path.of(config.slidesDir());
        Seeded seeded = seed(folder);
        DeckImporter.Report report = seeded.report();
        Optional<AccountService.FirstAdmin> admin = seeded.admin();
        StringBuilder sb = new StringBuilder();
        List<Talk> talks = QuarkusTransaction.requiringNew().call(() -> Talk.<Talk>listAll(Sort.by("id")));
        sb.append("\n\n  Afstemning is ready: ").append(talks.size()).append(" talk(s); decks imported from ")
                .append(folder.toAbsolutePath().normalize()).append('\n');
        String base = urls.base(null);
        for (Talk talk : talks) {
            sb.append("\n  ").append(LogText.quoted(talk.title)).append("  [join code ").append(talk.joinCode)
                    .append("]");
            if (talk.venue != null || talk.date != null) {
                sb.append("  ").append(talk.venue == null ? "" : LogText.quoted(talk.venue) + " ")
                        .append(talk.date == null ? "" : talk.date);
            }
            sb.append('\n')
                    .append("    participants: ").append(base).append("/t/").append(talk.joinCode).append('\n')
                    .append("    presenter:    ").append(base).append("/present/").append(talk.joinCode)
                    .append("?key=").append(talk.presenterKey).append('\n');
        }
        sb.append("\n  Organiser dashboard: ").append(base).append("/organiser\n");
        admin.ifPresent(a -> {
            if (a.password() == null) {
                sb.append("  Organiser account '").append(a.username()).append("' set from afstemning.admin.password\n");
            } else {
                sb.append("  First organiser account created; this password is shown only now:\n")
                        .append("    user: ").append(a.username()).append("  password: ").append(a.password()).append('\n');
            }
        });
        for (String error : report.errors()) {
            sb.append("\n  NOT IMPORTED: ").append(LogText.quoted(error)).append('\n');
        }
        // One record per line: the log filter (platform.OneLineLog) escapes line breaks inside a record.
        for (String line : sb.toString().split("\n")) {
            if (!line.isBlank()) {
                Log.info(line);
            }
        }
    }
}
