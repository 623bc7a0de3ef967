package dk.afstemning.account;

/** The two roles of an account, as Quarkus security sees them. */
public final class Role {

    /** Sees every talk and its results, manages decks, accounts, share links, deletion; may present every talk. */
    public static final String ORGANISER = "organiser";
    /** May present the talks assigned to the account. */
    public static final String PRESENTER = "presenter";

    private Role() {
    }

    /** True for {@code organiser} and {@code presenter}. */
    public static boolean isValid(String role) {
        return ORGANISER.equals(role) || PRESENTER.equals(role);
    }
}
