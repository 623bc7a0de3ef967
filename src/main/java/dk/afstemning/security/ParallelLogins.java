package dk.afstemning.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many logins from one client address are having their password checked at once, bounded: bcrypt is slow on
 * purpose, so forty wrong logins sent together (with forty unknown names, which the per-name limit does not catch
 * and the per-address burst allows) kept both cores busy and a valid login of another account waited 13 s. A login
 * over the bound is refused at once (429, no bcrypt work), as a throttled one is.
 */
public final class ParallelLogins {

    /** Logins of one address checked at once, at most: a venue's organisers rarely log in in the same second. */
    public static final int PER_ADDRESS = 4;

    private final int max;
    private final ConcurrentHashMap<String, Integer> checking = new ConcurrentHashMap<>();

    public ParallelLogins(int max) {
        this.max = max;
    }

    /** True, and counted, when {@code client} may have one more login checked now; then {@link #leave} it. */
    public boolean enter(String client) {
        boolean[] entered = {false};
        checking.compute(client, (k, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return now;
            }
            entered[0] = true;
            return now + 1;
        });
        return entered[0];
    }

    /** Ends one login of {@code client} that {@link #enter} let in. */
    public void leave(String client) {
        checking.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Addresses with a login being checked now. */
    public int addresses() {
        return checking.size();
    }
}
