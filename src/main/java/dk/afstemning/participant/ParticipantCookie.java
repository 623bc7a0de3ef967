package dk.afstemning.participant;

import jakarta.ws.rs.core.NewCookie;

/** The participant cookie: HttpOnly, SameSite=Lax, a year long, holding only the random token. */
public final class ParticipantCookie {

    private static final int ONE_YEAR_SECONDS = 365 * 24 * 3600;

    private ParticipantCookie() {
    }

    public static NewCookie of(String token) {
        return new NewCookie.Builder(ParticipantService.COOKIE).value(token).path("/").maxAge(ONE_YEAR_SECONDS)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }
}
