package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI strings of the Q&A, used in templates as {@code {qa:key}}. English is written here; Danish lives in
 * {@code messages/qa_da.properties}, and a test checks that it has every key.
 */
@MessageBundle(value = "qa", locale = "en")
public interface QaTexts {

    @Message("Q&A")
    String tab();

    @Message("Ask the speaker")
    String ask_title();

    @Message("Your question")
    String question_label();

    @Message("Name (optional – leave empty to ask anonymously)")
    String nickname_label();

    @Message("Send question")
    String send();

    @Message("Anonymous")
    String anonymous();

    @Message("Upvote")
    String upvote();

    @Message("Upvoted")
    String upvoted();

    @Message("Answered")
    String answered();

    @Message("Waiting for approval")
    String pending();

    @Message("Hidden by the speaker")
    String hidden();

    @Message("Your question")
    String yours();

    @Message("No questions yet.")
    String empty();

    @Message("Questions are closed.")
    String closed();

    @Message("Your question was received")
    String received();

    @Message("Your question was received; it shows once the speaker approves it")
    String received_moderated();

    @Message("Not sent: %s")
    String failed();

    @Message("characters left")
    String chars_left();

    @Message("Back")
    String back();

    @Message("Questions from the audience")
    String panel_title();

    @Message("Questions to approve")
    String queue_title();

    @Message("waiting")
    String queue_waiting();

    @Message("Pre-moderation")
    String moderation();

    @Message("Approve")
    String approve();

    @Message("Mark answered")
    String mark_answered();

    @Message("Not answered")
    String unmark_answered();

    @Message("Hide")
    String hide();

    @Message("Show")
    String unhide();

    @Message("Q shows or hides the questions")
    String key_hint();

    @Message("upvotes")
    String upvotes();
}
