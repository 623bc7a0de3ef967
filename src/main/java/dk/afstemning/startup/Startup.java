package dk.afstemning.startup;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import javax.sql.DataSource;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

import dk.afstemning.account.AccountService;
import dk.afstemning.platform.AppConfig;
import dk.afstemning.talk.Talk;
import dk.afstemning.platform.PublicUrls;
import dk.afstemning.deck.DeckImporter;

/**
 * At start-up: imports the slides folder ({@code afstemning.slides-dir}, default {@code slides}), makes sure the first
 * organiser account exists, and prints every talk's participant and presenter URL (uploaded and re-given talks too, so
 * a lost presenter link can be found again).
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
    DataSource dataSource;

    void onStart(@Observes StartupEvent event) throws SQLException {
        Path folder = Path.of(config.slidesDir());
        DeckImporter.Report report;
        Optional<AccountService.FirstAdmin> admin;
        // Instances starting at once on one database import the decks and create the first organiser one by one.
        try (StartupLock lock = StartupLock.acquire(dataSource)) {
            report = importer.importFolder(folder);
            admin = accounts.ensureAdmin();
        }
        StringBuilder sb = new StringBuilder();
        List<Talk> talks = QuarkusTransaction.requiringNew().call(() -> Talk.<Talk>listAll(Sort.by("id")));
        sb.append("\n\n  Afstemning is ready: ").append(talks.size()).append(" talk(s); decks imported from ")
                .append(folder.toAbsolutePath().normalize()).append('\n');
        String base = urls.base(null);
        for (Talk talk : talks) {
            sb.append("\n  ").append(talk.title).append("  [join code ").append(talk.joinCode).append("]");
            if (talk.venue != null || talk.date != null) {
                sb.append("  ").append(talk.venue == null ? "" : talk.venue + " ").append(talk.date == null ? "" : talk.date);
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
            sb.append("\n  NOT IMPORTED: ").append(error).append('\n');
        }
        Log.info(sb);
    }
}
