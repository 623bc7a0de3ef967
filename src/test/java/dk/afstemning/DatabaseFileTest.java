package dk.afstemning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production database URL of {@code application.properties}, on a file in a temporary folder: a thread that is
 * interrupted while it writes (the transaction reaper interrupts transactions that outlive their timeout under
 * overload) must not close the database for every other thread. The scale benchmark found exactly that with the plain
 * {@code file:} URL: "The database has been closed" until a restart.
 */
class DatabaseFileTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedWriterLeavesTheDatabaseOpenAndEveryCommittedRowStored() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String url = properties.getProperty("quarkus.datasource.jdbc.url")
                .replace("${afstemning.data-dir}", dir.toAbsolutePath().toString());
        assertThat(url).startsWith("jdbc:h2:file:retry:");

        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table t (id int primary key)");
            AtomicInteger committed = new AtomicInteger();
            AtomicReference<SQLException> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try (Statement s = c.createStatement()) {
                    for (int i = 0; i < 3000; i++) {
                        s.execute("insert into t values (" + i + ")");
                        committed.incrementAndGet();
                    }
                } catch (SQLException e) {
                    failure.set(e);
                }
            });
            writer.start();
            for (int i = 0; i < 100 && writer.isAlive(); i++) {
                writer.interrupt();
                Thread.sleep(2);
            }
            writer.join();

            assertThat((Object) failure.get()).isNull();
            assertThat(committed.get()).isEqualTo(3000);
            c.createStatement().execute("insert into t values (3000)");
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from t")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3001);
            }
        }
    }
}
