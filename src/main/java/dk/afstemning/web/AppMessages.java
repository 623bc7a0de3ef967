package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every UI string, used in templates as {@code {msg:key}}. English is written here; Danish lives in
 * {@code messages/msg_da.properties}, and a test checks that it has every key.
 */
@MessageBundle(value = "msg", locale = "en")
public interface AppMessages {

    @Message("Afstemning")
    String app_name();

    @Message("Join a poll")
    String join_title();

    @Message("Enter the code you see on the screen")
    String join_prompt();

    @Message("Code")
    String join_code_label();

    @Message("Join")
    String join_button();

    @Message("We don't know the code {code}. Check it on the screen and try again.")
    String join_unknown(String code);

    @Message("Waiting for the next question …")
    String waiting();

    @Message("The poll is closed.")
    String poll_closed();

    @Message("Your vote was received")
    String vote_received();

    @Message("You can change your vote while the poll is open.")
    String vote_changed_hint();

    @Message("Your vote")
    String your_vote();

    @Message("Your vote was not received: {reason}")
    String vote_failed(String reason);

    @Message("Connection lost – reconnecting …")
    String offline();

    @Message("votes in total")
    String votes_total();

    @Message("participants connected")
    String participants_connected();

    @Message("Join at")
    String join_at();

    @Message("with the code")
    String with_code();

    @Message("Open poll")
    String open_poll();

    @Message("Close poll")
    String close_poll();

    @Message("Not opened yet")
    String status_DRAFT();

    @Message("Open for votes")
    String status_OPEN();

    @Message("Closed")
    String status_CLOSED();

    @Message("View only: open the presenter link with its key to control the poll.")
    String view_only();

    @Message("Slide {n} of {total}")
    String slide_counter(int n, int total);

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Dansk")
    String language_switch();

    @Message("Results as a table")
    String results_table();

    @Message("Option")
    String option();

    @Message("Votes")
    String count();

    @Message("Percent")
    String percent();

    @Message("Scan the QR code to join")
    String scan_to_join();

    @Message("Not found")
    String not_found_title();

    @Message("This question is not open yet.")
    String poll_not_open();

    @Message("You have already voted, and this poll does not allow changing a vote.")
    String vote_final();

    @Message("Your vote cannot be changed once cast.")
    String vote_final_hint();

    @Message("Round")
    String round();

    @Message("Time left")
    String time_left();

    @Message("Results hidden")
    String results_hidden();

    @Message("Countdown (s)")
    String countdown_label();

    @Message("Seconds until the poll closes by itself. Empty or 0: no countdown.")
    String countdown_hint();

    @Message("New round")
    String reset_poll();

    @Message("Reset: start a new round from zero. The votes of earlier rounds are kept.")
    String reset_poll_hint();

    @Message("Show results")
    String reveal_results();

    @Message("Hide results")
    String hide_results();

    @Message("← → change slide · a number and Enter jumps · F fullscreen · B black screen")
    String keys_help();

    @Message("Go to slide")
    String go_to_slide();

    @Message("Notes")
    String notes();

    @Message("Speaker notes")
    String notes_title();

    @Message("Time")
    String clock();

    @Message("Elapsed")
    String elapsed();

    @Message("Restart the elapsed time")
    String elapsed_reset();

    @Message("(untitled)")
    String untitled();

    @Message("No notes for this slide.")
    String no_notes();

    @Message("This is the last slide.")
    String last_slide();

    @Message("Next slide")
    String next_slide();

    @Message("Presenter key required")
    String forbidden_title();

    @Message("Open this page from the presenter link with its key.")
    String forbidden_text();
}
