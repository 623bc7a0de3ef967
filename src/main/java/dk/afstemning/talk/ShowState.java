package dk.afstemning.talk;

/**
 * Where a talk's show is. Also the live {@code slide} message to screens, consoles and participants.
 *
 * @param type always {@code "slide"}
 * @param slide the 1-based current slide
 * @param slides the number of slides
 * @param pollId the deck id of the poll on the current slide, or null
 * @param version grows with every change of the show (slide, overlay, spotlight); clients drop a message whose
 *        version is not newer
 * @param overlay what covers the slide on the audience screen: {@code "join"} (the join screen), {@code "qa"} (the
 *        Q&A wall) or null (the slide itself)
 * @param questionId the Q&A question the speaker put on the screen (shown with the {@code qa} overlay), or null
 * @param title the current slide's title (its first heading), or null; the phone's waiting screen shows it
 */
public record ShowState(String type, int slide, int slides, String pollId, long version, String overlay,
        Long questionId, String title) {

    /** The state of a show without an overlay or spotlight, and without the slide's title. */
    public ShowState(String type, int slide, int slides, String pollId, long version) {
        this(type, slide, slides, pollId, version, null, null, null);
    }
}
