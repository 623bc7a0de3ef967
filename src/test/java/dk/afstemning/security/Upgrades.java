package dk.afstemning.security;

import io.vertx.core.http.UpgradeRejectedException;

/** Reading a refused WebSocket upgrade in tests. */
public final class Upgrades {

    private Upgrades() {
    }

    /** The HTTP status with which the server refused the upgrade, found in the cause chain of {@code failure}. */
    public static int rejectedStatus(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
        }
        throw new AssertionError("not a refused upgrade", failure);
    }
}
