package dk.afstemning.live.bus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * PostgreSQL {@code LISTEN/NOTIFY}: a message is sent with {@code pg_notify} on the transaction's own JDBC connection,
 * so PostgreSQL delivers it only when that transaction commits (and never on rollback); instances listen with a
 * Vert.x {@link PgSubscriber} on one connection of their own, opened from the same JDBC URL, user and password as the
 * datasource, that reconnects by itself. Needs no server beyond the database.
 */
@ApplicationScoped
class PostgresTransport implements Transport {

    /** The channel; unquoted lower case, as {@code LISTEN} and {@code pg_notify} both name it. */
    static final String CHANNEL = "afstemning_live";

    @Inject
    DataSource dataSource;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private PgSubscriber subscriber;
    /** Failed attempts to connect since the last success: only every 30th is logged. */
    private int failures;

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public void start(Consumer<String> received, Runnable subscribed, Runnable lost) {
        if (subscriber != null) {
            subscriber.close();
        }
        subscriber = PgSubscriber.subscriber(vertx, options(jdbcUrl, username.orElse(""), password.orElse("")));
        subscriber.reconnectPolicy(retries -> retries < 5 ? 200L : 1000L);
        subscriber.closeHandler(v -> lost.run());
        subscriber.channel(CHANNEL).handler(received::accept).subscribeHandler(v -> subscribed.run());
        subscriber.connect().onSuccess(v -> failures = 0).onFailure(e -> {
            if (failures++ % 30 == 0) {
                Log.warnf("Live bus: cannot listen on PostgreSQL (%s); retrying every second, logged every 30 tries",
                        e.getMessage());
            }
            lost.run();
            vertx.setTimer(1000, t -> start(received, subscribed, lost));
        });
    }

    /** The subscriber's connection options from the datasource's JDBC URL ({@code jdbc:postgresql://host:port/db?…}). */
    static PgConnectOptions options(String jdbcUrl, String username, String password) {
        String uri = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        int query = uri.indexOf('?');
        PgConnectOptions options = PgConnectOptions.fromUri(query < 0 ? uri : uri.substring(0, query));
        if (!username.isEmpty()) {
            options.setUser(username);
        }
        if (!password.isEmpty()) {
            options.setPassword(password);
        }
        return options;
    }

    @Override
    public boolean publishInTransaction(String payload) {
        // Inside a JTA transaction the datasource hands out the connection enlisted in it: the one Hibernate writes on.
        try {
            pgNotify(payload);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("pg_notify failed", e);
        }
    }

    @Override
    public void publish(String payload) {
        try {
            pgNotify(payload);
        } catch (SQLException e) {
            Log.warnf("Live bus: pg_notify failed (%s); other instances resynchronise on their next change",
                    e.getMessage());
        }
    }

    private void pgNotify(String payload) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, payload);
            s.execute();
        }
    }

    @Override
    public void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
