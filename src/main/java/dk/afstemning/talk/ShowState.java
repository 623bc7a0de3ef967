package dk.afstemning.talk;

/**
 * Where a talk's show is. Also the live {@code slide} message to presenters and participants.
 *
 * @param type always {@code "slide"}
 * @param slide the 1-based current slide
 * @param slides the number of slides
 * @param pollId the deck id of the poll on the current slide, or null
 * @param title the current slide's title (its first heading), or null; the phone's waiting screen shows it
 * @param version grows with every move; clients drop a message whose version is not newer
 */
public record ShowState(String type, int slide, int slides, String pollId, String title, long version) {
}
