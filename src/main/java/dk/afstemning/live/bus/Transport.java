package dk.afstemning.live.bus;

import java.util.function.Consumer;

/** How messages travel between instances: one engine's publish and subscribe. */
interface Transport {

    /** The engine's name in logs and health, e.g. {@code postgresql}. */
    String name();

    /**
     * Starts listening. {@code subscribed} runs each time the subscription is (re)established, after which every
     * message published by any instance reaches {@code received}; messages published while it was lost are gone.
     */
    void start(Consumer<String> received, Runnable subscribed, Runnable lost);

    /**
     * Publishes inside the caller's active transaction, so that it is announced only if that transaction commits;
     * false when this engine cannot, and the bus publishes after the commit instead.
     */
    boolean publishInTransaction(String payload);

    /** Publishes now, outside any transaction. */
    void publish(String payload);

    /** Stops listening and publishing. */
    void stop();
}
