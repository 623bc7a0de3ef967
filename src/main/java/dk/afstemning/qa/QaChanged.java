package dk.afstemning.qa;

import java.util.Set;

/**
 * Fired inside a transaction that changed a talk's questions or Q&A settings; observers act after commit only.
 *
 * @param joinCode the talk's join code, to find its live connections
 * @param participantIds database ids of participants whose own view changed (authors, upvoters); may be empty
 */
public record QaChanged(String joinCode, Set<Long> participantIds) {
}
