package dk.afstemning.account;

/**
 * Fired inside the transaction that withdraws an account's access: a talk un-assigned ({@code joinCode} set), the
 * account disabled or deleted, its password changed, or its sessions ended (logging out, everywhere). The live engine
 * closes the account's open presenter and console sockets once the transaction commits, on every instance.
 *
 * @param accountId the account's database id
 * @param joinCode the talk taken away, or null when the account loses every talk
 * @param signedOut true when the account itself ended its sessions (logout, password change): it may log in again;
 *        false when its access was withdrawn
 */
public record AccessRevoked(long accountId, String joinCode, boolean signedOut) {
}
