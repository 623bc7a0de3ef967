package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI strings of the deck editor ({@code /organiser/talks/{code}/deck}), used in templates as {@code {ed:key}}.
 * English is written here; Danish lives in {@code messages/ed_da.properties}, and a test checks that it has every key.
 * A bundle of its own: Quarkus 3.33 generates a resolver that fails verification once one bundle has some 300 messages.
 */
@MessageBundle(value = "ed", locale = "en")
public interface EditorTexts {

    @Message("Deck")
    String title();

    @Message("Add polls between the slides, move them, and write speaker notes. Each change is saved at once; a running talk follows it, and votes stay with their polls.")
    String intro();

    @Message("Edit deck")
    String link();

    @Message("Results")
    String results_link();

    @Message("Present")
    String present_link();

    @Message("Download (PDF and polls, zip)")
    String download_zip();

    @Message("Download (Markdown)")
    String download_md();

    @Message("Add a poll before the first slide")
    String add_first();

    @Message("Page")
    String page_alt();

    @Message("Speaker notes")
    String notes();

    @Message("Save notes")
    String save_notes();

    @Message("Preview")
    String preview();

    @Message("Edit poll")
    String edit_poll();

    @Message("Move up")
    String move_up();

    @Message("Move down")
    String move_down();

    @Message("Delete poll")
    String delete_poll();

    @Message("Add poll after this slide")
    String add_after();

    @Message("New poll after slide")
    String new_poll();

    @Message("The poll was not saved:")
    String refused();

    @Message("Question type")
    String type();

    @Message("Poll id")
    String id();

    @Message("Lower-case letters, digits, - and _. Leave it empty to make one from the question. Votes follow the id.")
    String id_hint();

    @Message("Question")
    String question();

    @Message("Options")
    String options();

    @Message("Option")
    String option();

    @Message("Lowest (min)")
    String key_min();

    @Message("Highest (max)")
    String key_max();

    @Message("Label of the low end")
    String key_low();

    @Message("Label of the high end")
    String key_high();

    @Message("Most entries per person")
    String key_max_entries();

    @Message("Most characters per entry")
    String key_max_chars();

    @Message("Moderation")
    String key_moderation();

    @Message("Profanity filter")
    String key_profanity_filter();

    @Message("Right answers (one option per line)")
    String key_correct();

    @Message("Results")
    String key_results();

    @Message("Votes may be changed")
    String key_vote_changes();

    @Message("Time limit (seconds)")
    String key_time_limit();

    @Message("Results on phones")
    String key_phone_results();

    @Message("Default")
    String default_value();

    @Message("Live")
    String results_live();

    @Message("Hidden until revealed")
    String results_hidden();

    @Message("Yes")
    String yes();

    @Message("No")
    String no();

    @Message("After voting")
    String after_vote();

    @Message("After the poll closes")
    String after_close();

    @Message("Never")
    String never();

    @Message("On")
    String on();

    @Message("Off")
    String off();

    @Message("Save poll")
    String save_poll();

    @Message("Cancel")
    String cancel();

    @Message("This zip is not a deck downloaded from the deck editor: it must hold one PDF and deck.md, nothing else.")
    String invalid_archive();

    @Message("The PDF or deck.md in this zip is too large.")
    String archive_too_large();
}
