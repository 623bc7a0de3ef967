package dk.afstemning.view;

import java.util.List;

import dk.afstemning.talk.TalkHeader;

/**
 * The speaker notes window of a talk, for a viewer who may present it.
 *
 * @param key the talk's presenter key, for the window's script
 */
public record NotesView(TalkHeader talk, String key, List<NoteSlide> slides) {

    /** A slide in the speaker notes window. */
    public record NoteSlide(int position, String title, String notes, String nextTitle, boolean last) {
    }
}
