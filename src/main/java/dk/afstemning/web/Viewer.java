package dk.afstemning.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

import dk.afstemning.account.Role;

/**
 * Who reads a page, for templates as {@code {inject:viewer.organiser}}: the menu of a logged-in page shows an
 * organiser's links (dashboard, questions, accounts) only to organisers, and a presenter account's (My talks)
 * otherwise, so a shared template never offers a presenter a link that answers 403.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    /** True for any login (an organiser's or a presenter account's). */
    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    /** True for an organiser's login. */
    public boolean isOrganiser() {
        return !identity.isAnonymous() && identity.hasRole(Role.ORGANISER);
    }
}
