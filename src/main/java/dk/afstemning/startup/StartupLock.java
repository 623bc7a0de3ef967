package dk.afstemning.startup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Lets one instance at a time do the start-up work (deck import, first organiser) when several start at once on one
 * PostgreSQL database: a session-level advisory lock, held on a connection of its own until {@link #close()}. On H2
 * it takes nothing, as the database file admits one process only.
 */
final class StartupLock implements AutoCloseable {

    /** The advisory lock's key: any number that nothing else of ours locks ("AFSTEMNG" in ASCII). */
    static final long KEY = 0x414653544D4E47L;

    private final Connection connection;

    private StartupLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits until no other instance holds the lock, and takes it. */
    static StartupLock acquire(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return new StartupLock(null);
            }
            try (Statement st = connection.createStatement()) {
                st.execute("select pg_advisory_lock(" + KEY + ")");
            }
            return new StartupLock(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try (Statement st = connection.createStatement()) {
            st.execute("select pg_advisory_unlock(" + KEY + ")");
        } finally {
            connection.close();
        }
    }
}
