package dk.afstemning.talk;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which logins may present a talk. Implemented by the accounts feature, which sits above talks: talks ask through this
 * interface, so they need not know how accounts and their assigned talks are stored.
 */
public interface PresenterLogins {

    /**
     * @param identity a logged-in (not anonymous) identity
     * @param talkId the talk's database id
     * @return true when the login may present the talk
     */
    boolean mayPresent(SecurityIdentity identity, long talkId);
}
