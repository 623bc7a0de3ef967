package dk.afstemning.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The intermittent 500 "Check constraint invalid: CK_VOTE_TEXT_STATUS" (and CK_ACCOUNT_ROLE): H2 2.4.240 evaluated a
 * {@code check (x in (...))} with a comparator bound to the session that created the constraint, so once that
 * connection closed, every insert into the table failed (h2database issues 4302 and 4308, fixed after 2.4.240). In the
 * app the creating connection is Flyway's on the first start after a migration (a fresh install), and the pool may
 * close it whenever it is idle; in tests, a second Quarkus app in the same JVM shares the in-memory database that the
 * first app, now stopped, migrated. Here the schema is migrated on a connection that is then closed, as there.
 */
class CheckConstraintsAfterMigrationTest {

    @Test
    void checkConstraintsHoldAfterTheMigratingConnectionClosed() throws SQLException {
        String url = "jdbc:h2:mem:ck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure().dataSource(url, "sa", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
            try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
                s.execute("set referential_integrity false");
                assertThat(s.executeUpdate("insert into account (username, password, role, created_at) "
                        + "values ('anna', 'x', 'presenter', current_timestamp)")).isEqualTo(1);
                assertThat(s.executeUpdate("insert into vote_text (vote_id, position, text, merge_key, status, "
                        + "created_at) values (1, 0, 'Z', 'z', 'shown', current_timestamp)")).isEqualTo(1);
                assertThatThrownBy(() -> s.executeUpdate("insert into vote_text (vote_id, position, text, merge_key, "
                        + "status, created_at) values (1, 1, 'Y', 'y', 'lost', current_timestamp)"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).as(e.getMessage())
                                .isEqualTo(23513));
            } finally {
                try (Statement s = keepOpen.createStatement()) {
                    s.execute("drop all objects");
                }
            }
        }
    }
}
