package dk.afstemning.account;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The first organiser and password hashing, {@code afstemning.admin.*} and {@code afstemning.bcrypt-cost}. */
@ConfigMapping(prefix = "afstemning")
public interface AccountConfig {

    /** The first organiser account, {@code afstemning.admin.*}. */
    Admin admin();

    /** The bcrypt cost of new password hashes, a base-2 logarithm of the rounds (stored hashes keep their own). */
    @WithDefault("10")
    int bcryptCost();

    /** The first organiser; see {@link AccountService#ensureAdmin()}. */
    interface Admin {

        /** User name of the first organiser account. */
        @WithDefault("admin")
        String username();

        /**
         * Password of the first organiser, set at every start; empty: a random one is made at the first start and
         * printed once.
         */
        Optional<String> password();
    }
}
