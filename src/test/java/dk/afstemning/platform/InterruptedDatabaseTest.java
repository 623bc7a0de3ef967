package dk.afstemning.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 21, item 3: a thread interrupted while H2 writes its file (a timeout's interrupt, for instance) no longer
 * closes the database for everyone: the file database is opened through H2's {@code retry:} file system, which reopens
 * the file and retries. Runs on a file database of its own, with the same URL options as the app's.
 */
@QuarkusTest
@TestProfile(InterruptedDatabaseTest.FileDatabase.class)
class InterruptedDatabaseTest {

    /** A file database in a fresh temporary folder, with the application's own JDBC URL. */
    public static class FileDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path folder = Files.createTempDirectory("afstemning-interrupt-");
                return Map.of("afstemning.data-dir", folder.toString(),
                        "quarkus.datasource.jdbc.url", "${h2.file-url}",
                        "%test.quarkus.datasource.jdbc.url", "${h2.file-url}");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aWriteOnAnInterruptedThreadLeavesTheDatabaseOpen() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table interrupt_probe(id int)");
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            Thread.currentThread().interrupt();
            for (int i = 0; i < 50; i++) {
                s.execute("insert into interrupt_probe values (" + i + ")");
            }
        } catch (Exception e) {
            // The interrupted write itself may fail; what matters is the database after it.
        } finally {
            Thread.interrupted();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into interrupt_probe values (1000)");
            try (ResultSet r = s.executeQuery("select count(*) from interrupt_probe where id = 1000")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}
