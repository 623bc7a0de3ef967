package dk.afstemning.talk;

/**
 * Fired inside the transaction that moved a talk's show to another slide; observers act after commit only.
 *
 * @param joinCode the talk's join code
 */
public record ShowChanged(String joinCode) {
}
