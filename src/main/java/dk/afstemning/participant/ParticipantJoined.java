package dk.afstemning.participant;

/**
 * Fired when someone joins a talk as a new participant (a reload or second join with the same token fires nothing), so
 * that the join screen's count grows before the new phone's live socket connects.
 *
 * @param joinCode the talk's join code
 */
public record ParticipantJoined(String joinCode) {
}
