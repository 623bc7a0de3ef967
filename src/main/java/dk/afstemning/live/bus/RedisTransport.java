package dk.afstemning.live.bus;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Redis pub/sub ({@code quarkus.redis.hosts}), for deployments that already run Redis or want the database free of
 * the bus. Redis has no transactions shared with the database, so the bus publishes only after the commit. Listening
 * takes one connection of its own, re-opened a second after it is lost.
 */
@ApplicationScoped
class RedisTransport implements Transport {

    /**
     * The channel ({@code afstemning.live.redis-channel}, default {@code afstemning_live}): deployments that share one
     * Redis need one each, or they hear each other's talks' changes.
     */
    @ConfigProperty(name = "afstemning.live.redis-channel", defaultValue = "afstemning_live")
    String channel;

    /** Inactive unless quarkus.redis.hosts is set, hence an Instance: looked up only when this bus is chosen. */
    @Inject
    Instance<Redis> client;

    private Redis redis;

    @Inject
    Vertx vertx;

    private volatile RedisConnection listening;
    /** Failed attempts to connect since the last success: only every 30th is logged (one a second while Redis is away). */
    private int failures;
    private volatile boolean stopped;

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void start(Consumer<String> received, Runnable subscribed, Runnable lost) {
        if (stopped) {
            return;
        }
        if (redis == null) {
            try {
                redis = client.get();
            } catch (io.quarkus.arc.InactiveBeanException e) {
                throw new IllegalStateException("afstemning.live.bus=redis needs quarkus.redis.hosts "
                        + "(QUARKUS_REDIS_HOSTS=redis://host:6379)", e);
            }
        }
        redis.connect().onSuccess(connection -> {
            failures = 0;
            listening = connection;
            Runnable again = () -> {
                if (listening == connection) {
                    listening = null;
                    lost.run();
                    vertx.setTimer(1000, t -> start(received, subscribed, lost));
                }
            };
            connection.handler(response -> message(response, received));
            connection.exceptionHandler(e -> {
                Log.warnf("Live bus: Redis connection failed (%s); reconnecting", e.getMessage());
                connection.close();
                again.run();
            });
            connection.endHandler(v -> again.run());
            connection.send(Request.cmd(Command.SUBSCRIBE).arg(channel))
                    .onSuccess(r -> subscribed.run())
                    .onFailure(e -> {
                        connection.close();
                        again.run();
                    });
        }).onFailure(e -> {
            if (failures++ % 30 == 0) {
                Log.warnf("Live bus: cannot reach Redis (%s); retrying every second, logged every 30 tries",
                        e.getMessage());
            }
            lost.run();
            vertx.setTimer(1000, t -> start(received, subscribed, lost));
        });
    }

    private static void message(Response response, Consumer<String> received) {
        // RESP2 and RESP3 both deliver ["message", channel, payload].
        if (response != null && response.size() >= 3 && "message".equals(response.get(0).toString())) {
            received.accept(response.get(2).toString());
        }
    }

    @Override
    public boolean publishInTransaction(String payload) {
        return false;
    }

    @Override
    public void publish(String payload) {
        redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(payload)).onFailure(
                e -> Log.warnf("Live bus: Redis publish failed (%s)", e.getMessage()));
    }

    @Override
    public void stop() {
        stopped = true;
        RedisConnection c = listening;
        listening = null;
        if (c != null) {
            c.close();
        }
    }
}
