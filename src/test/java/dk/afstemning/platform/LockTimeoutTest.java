package dk.afstemning.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every pooled connection waits 10 s for a row lock, on H2 and on PostgreSQL, before a vote is answered busy. */
@QuarkusTest
class LockTimeoutTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aConnectionWaitsTenSecondsForALock() throws Exception {
        boolean postgresql = dbKind.equals("postgresql");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(postgresql ? "show lock_timeout" : "select lock_timeout()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(postgresql ? "10s" : "10000");
        }
    }
}
