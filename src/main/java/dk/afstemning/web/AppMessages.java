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

    @Message("Votes:")
    String votes_total();

    @Message("Participants connected:")
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

    @Message("← → change slide · a number and Enter jumps · F fullscreen · B black screen · T light or dark")
    String keys_help();

    @Message("Go to slide")
    String go_to_slide();

    @Message("Notes")
    String notes();

    @Message("Speaker console")
    String console_title();

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

    @Message("Poll on this slide")
    String console_poll();

    @Message("No poll on this slide.")
    String console_no_poll();

    @Message("Confirm new round")
    String confirm_round();

    @Message("Beside it on the screen")
    String compare_label();

    @Message("No earlier round")
    String compare_none();

    @Message("Round {n}")
    String compare_round(String n);

    @Message("Audience screen")
    String screen_title();

    @Message("Slide")
    String overlay_none();

    @Message("Join screen")
    String overlay_join();

    @Message("Q&A wall")
    String overlay_qa();

    @Message("Live figures")
    String figures_title();

    @Message("Votes this round")
    String figure_votes();

    @Message("Joined")
    String figure_joined();

    @Message("Connected now")
    String figure_connected();

    @Message("Response rate")
    String figure_rate();

    @Message("Votes in the current round ÷ participants connected now")
    String figure_rate_hint();

    @Message("Put on screen")
    String spotlight();

    @Message("Take off screen")
    String unspotlight();

    @Message("On screen")
    String on_screen();

    @Message("Slides")
    String console_slides();

    @Message("Presenter key required")
    String forbidden_title();

    @Message("Open this page from the presenter link with its key.")
    String forbidden_text();

    @Message("Too many requests")
    String too_many_title();

    @Message("Too many requests came from your network. Try again in {seconds} s.")
    String too_many_text(long seconds);

    @Message("Organiser: give a deck again or upload one")
    String organiser_link();

    @Message("Organiser")
    String organiser_title();

    @Message("Every talk with its participants and votes, search and a date filter; give a deck again as a new talk, or upload a new deck.")
    String organiser_intro();

    @Message("Decks and their talks")
    String decks_title();

    @Message("No decks yet. Upload one below.")
    String decks_empty();

    @Message("slides folder")
    String deck_in_folder();

    @Message("uploaded")
    String deck_uploaded();

    @Message("Talks")
    String deck_talks();

    @Message("No talks yet.")
    String talks_empty();

    @Message("New talk")
    String new_talk();

    @Message("Give this deck again with a new join code and empty results. Earlier talks keep theirs.")
    String new_talk_hint();

    @Message("Venue (optional)")
    String venue_label();

    @Message("Date (empty: today)")
    String date_label();

    @Message("Create the talk")
    String new_talk_button();

    @Message("Upload a deck")
    String upload_title();

    @Message("A Markdown file (.md) of at most 512 KB, or a PDF or PowerPoint presentation (.pptx) of at most 25 MB (every page becomes a slide; a presentation keeps its speaker notes). Choose a .pptx together with its PDF to use that PDF's pages, or a deck's zip from the deck editor. A Markdown deck with its images goes in one .zip. It becomes a new deck with its first talk.")
    String upload_hint();

    @Message("Deck file")
    String upload_file_label();

    @Message("Upload")
    String upload_button();

    @Message("The file is too large: a Markdown deck may have 512 KB, a PDF or a presentation 25 MB.")
    String upload_too_large();

    @Message("The PDF cannot be read. Export it again from your presentation program and upload that.")
    String upload_pdf_unreadable();

    @Message("The PDF is protected by a password. Save it without the password and upload it again.")
    String upload_pdf_encrypted();

    @Message("The PDF has no pages.")
    String upload_pdf_empty();

    @Message("The PDF has too many pages for one deck. Split it and upload the parts.")
    String upload_pdf_too_many_pages();

    @Message("The PDF is larger than 25 MB.")
    String upload_pdf_too_large();

    @Message("A page of the PDF took too long to render. Export the PDF again with smaller images and upload that.")
    String upload_pdf_too_slow();

    @Message("A page of the PDF holds an image too large to show. Export the PDF again with smaller images and upload that.")
    String upload_pdf_image_too_large();

    @Message("The server is busy with other PDFs. Try again in a minute.")
    String upload_pdf_busy();

    @Message("This file is not a deck. Upload a Markdown file (.md), a PDF or a PowerPoint presentation (.pptx).")
    String upload_deck_type_unsupported();

    @Message("Choose one deck, or a PowerPoint presentation (.pptx) together with its PDF.")
    String upload_deck_files();

    @Message("This is a PowerPoint 97–2003 file (.ppt). Save it as a PowerPoint presentation (.pptx) or export it as PDF, and upload that.")
    String upload_pptx_legacy();

    @Message("The presentation contains macros (.pptm). Save it as a PowerPoint presentation (.pptx) or export it as PDF, and upload that.")
    String upload_pptx_macros();

    @Message("The presentation is protected by a password. Save it without the password and upload it again.")
    String upload_pptx_encrypted();

    @Message("The presentation is larger than 25 MB.")
    String upload_pptx_too_large();

    @Message("The presentation unpacks to far more than its size, so it is not read. Save it again in PowerPoint and upload that.")
    String upload_pptx_unpacked_too_large();

    @Message("The presentation has too many slides for one deck. Split it and upload the parts.")
    String upload_pptx_too_many_slides();

    @Message("The presentation cannot be read. Save it again in PowerPoint, or export it as PDF (File → Export → PDF) and upload that.")
    String upload_pptx_unreadable();

    @Message("The presentation has no slides to show.")
    String upload_pptx_empty();

    @Message("This server cannot convert PowerPoint files. Export the deck as PDF (File → Export → PDF) and upload that, or choose the .pptx and its PDF together to keep the speaker notes.")
    String upload_pptx_conversion_unavailable();

    @Message("The presentation could not be converted. Export the deck as PDF (File → Export → PDF) and upload that, or choose the .pptx and its PDF together to keep the speaker notes.")
    String upload_pptx_conversion_failed();

    @Message("Converting the presentation took too long. Export the deck as PDF (File → Export → PDF) and upload that, or choose the .pptx and its PDF together to keep the speaker notes.")
    String upload_pptx_too_slow();

    @Message("The server is busy converting other presentations. Try again in a minute.")
    String upload_pptx_busy();

    @Message("The PDF does not have one page per slide of the presentation. Export the PDF from this presentation again and choose both files.")
    String upload_pptx_pdf_mismatch();

    @Message("The presentation links to a picture, video or object outside the file. Insert it into the presentation instead of linking to it, or choose the .pptx and its PDF together.")
    String upload_pptx_external_content();

    @Message("{file}, line {line}: a deck may have at most 300 slides and 100 polls. Shorten it, or split it into two talks.")
    String deck_too_large(String file, String line);

    @Message("Working …")
    String working();

    @Message("Talk created with the join code {code}.")
    String talk_created(String code);

    @Message("New talk")
    String created_title();

    @Message("Join code")
    String created_code();

    @Message("Link for participants")
    String created_participant_link();

    @Message("Presenter link with key")
    String created_presenter_link();

    @Message("Keep the presenter link private: anyone who has it can run the show and the polls.")
    String created_private();

    @Message("The server refused the request (HTTP {status}).")
    String request_refused(String status);

    @Message("No connection to the server. Try again.")
    String no_connection();

    @Message("Log in")
    String login_title();

    @Message("Wrong user name or password.")
    String login_failed();

    @Message("Too many failed logins for this account or from this network. Try again in {seconds} s.")
    String login_throttled(long seconds);

    @Message("User name")
    String login_username();

    @Message("Password")
    String login_password();

    @Message("Log in")
    String login_button();

    @Message("The first organiser account is printed in the server's log at the first start, or set with afstemning.admin.password.")
    String login_hint();

    @Message("Dashboard")
    String dashboard_title();

    @Message("Accounts")
    String accounts_title();

    @Message("Log out")
    String logout_button();

    @Message("Logged in as {user}.")
    String logged_in_as(String user);

    @Message("Talks")
    String dashboard_talks();

    @Message("The talk {code} and all its data are deleted.")
    String talk_deleted(String code);

    @Message("Search title, speaker or code")
    String search_label();

    @Message("From")
    String date_from();

    @Message("To")
    String date_to();

    @Message("Search")
    String search_button();

    @Message("No talks match.")
    String no_talks_found();

    @Message("Talk")
    String talk_column();

    @Message("Date")
    String date_column();

    @Message("Speaker")
    String speaker_column();

    @Message("Participants")
    String participants_column();

    @Message("Votes per poll")
    String votes_per_poll();

    @Message("Round {round}")
    String round_label(String round);

    @Message("Votes")
    String votes_column();

    @Message("Response rate")
    String response_rate();

    @Message("{voters} of {participants} {#if participants == 1}participant{#else}participants{/if} voted ({percent}%)")
    String response_rate_value(long voters, long participants, int percent);

    @Message("Not opened yet · poll id: {id}")
    String poll_id_draft(String id);

    @Message("Open for votes · poll id: {id}")
    String poll_id_open(String id);

    @Message("Closed · poll id: {id}")
    String poll_id_closed(String id);

    @Message("{count} {#if count == 1}participant{#else}participants{/if} voted")
    String poll_voters(long count);

    @Message("Votes per option and round: {question}")
    String results_table_caption(String question);

    @Message("Option")
    String option_column();

    @Message("Total")
    String total_row();

    @Message("Chart of the votes per option and round: {question}. The same numbers are in the table above.")
    String chart_label(String question);

    @Message("Votes per 10 seconds")
    String timeline_title();

    @Message("No stored votes.")
    String timeline_empty();

    @Message("The timeline as a table")
    String timeline_table();

    @Message("10 seconds from")
    String timeline_from();

    @Message("Exports")
    String exports_title();

    @Message("No exports yet.")
    String exports_none();

    @Message("Share the results")
    String sharing_title();

    @Message("Anyone with a link sees this talk's results, read-only, until you revoke the link.")
    String sharing_hint();

    @Message("No share links.")
    String sharing_none();

    @Message("Revoke")
    String sharing_revoke();

    @Message("Create a share link")
    String sharing_create();

    @Message("Delete the talk")
    String delete_title();

    @Message("Delete this talk and all its data …")
    String delete_link();

    @Message("Deleting \"{title}\" ({code}) removes its polls, participants, votes, share links and kept counts for good. The deck stays.")
    String delete_warning(String title, String code);

    @Message("That is not the talk's join code; nothing was deleted.")
    String delete_mismatch();

    @Message("Type the join code {code} to confirm")
    String delete_confirm_label(String code);

    @Message("Delete for good")
    String delete_button();

    @Message("Cancel")
    String cancel();

    @Message("Role")
    String role_label();

    @Message("Organiser")
    String role_organiser();

    @Message("Presenter")
    String role_presenter();

    @Message("May present")
    String assigned_talks();

    @Message("Assign a talk")
    String assign_title();

    @Message("Assign")
    String assign_button();

    @Message("New account")
    String new_account_title();

    @Message("Create the account")
    String new_account_button();
    @Message("Your nickname for the quiz")
    String nickname_label();

    @Message("Play")
    String nickname_save();

    @Message("You play as")
    String nickname_playing();

    @Message("Choose a nickname first, then answer.")
    String nickname_required();

    @Message("Choose {min} to {max}, then send.")
    String multiple_hint(Integer min, Integer max);

    @Message("You can choose at most {max}")
    String multiple_max_reached(Integer max);

    @Message("The server did not accept it. Try again.")
    String problem_generic();

    @Message("This page is out of date. Reload it and try again.")
    String problem_reload();

    @Message("Too many attempts. Wait a moment and try again.")
    String problem_rate_limited();

    @Message("Easy now: wait a moment before your next reaction.")
    String problem_reaction_rate_limited();

    @Message("Reactions are off for this talk.")
    String problem_reactions_off();

    @Message("On the screen now")
    String slide_now();

    @Message("Ask a question")
    String ask_question();

    @Message("Send a reaction")
    String reactions_label();

    @Message("Thumbs up")
    String reaction_thumbs_up();

    @Message("Heart")
    String reaction_heart();

    @Message("Laugh")
    String reaction_laugh();

    @Message("Applause")
    String reaction_clap();

    @Message("Thinking")
    String reaction_thinking();

    @Message("Reactions from the room")
    String reactions_screen();

    @Message("Reactions")
    String reactions_title();

    @Message("Reactions per slide, counted while the talk ran.")
    String reactions_hint();

    @Message("No reactions.")
    String reactions_none();

    @Message("Slide")
    String reactions_slide();

    @Message("Total")
    String reactions_total();

    @Message("Choose as many options as the question asks for.")
    String problem_invalid_selection();

    @Message("The answer does not fit the question. Reload the page and try again.")
    String problem_invalid_answer();

    @Message("Someone else goes by that nickname. Choose another.")
    String problem_nickname_taken();

    @Message("Choose a nickname of 1 to 20 characters.")
    String problem_invalid_nickname();

    @Message("The text holds an invisible control character. Retype it and send again.")
    String problem_invalid_text();

    @Message("Questions are closed right now.")
    String problem_qa_closed();

    @Message("Write a question first.")
    String problem_empty_question();

    @Message("The question is too long.")
    String problem_question_too_long();

    @Message("The name is too long.")
    String problem_nickname_too_long();

    @Message("The text has a word that is not allowed here.")
    String problem_profanity();

    @Message("You cannot upvote your own question.")
    String problem_own_question();

    @Message("You have upvoted this question already.")
    String problem_already_upvoted();

    @Message("The countdown is 0 (none) or 5 to 3600 seconds.")
    String problem_invalid_countdown();

    @Message("The presenter key is not valid for this talk.")
    String problem_forbidden();

    @Message("There is no such slide.")
    String problem_invalid_slide();

    @Message("Only a question the room may see can go on the screen: approve it or show it again first.")
    String problem_question_not_shown();

    @Message("An entry is too long. Shorten it and send again.")
    String problem_entry_too_long();

    @Message("Too many entries at once. Remove one and send again.")
    String problem_too_many_entries();

    @Message("Write something first.")
    String problem_empty_entry();

    @Message("You have sent as many answers as this question takes.")
    String problem_too_many_answers();

    @Message("Put the options in order, best first, then send.")
    String ranking_hint();

    @Message("Send answer")
    String send_answer();

    @Message("Move up")
    String move_up();

    @Message("Move down")
    String move_down();

    @Message("Mean")
    String mean();

    @Message("Median")
    String median();

    @Message("Average rank")
    String average_rank();

    @Message("Borda points")
    String borda_points();

    @Message("Leaderboard")
    String leaderboard();

    @Message("Correct answer")
    String correct_answer();

    @Message("points")
    String points();

    @Message("No answers yet")
    String no_answers();
    @Message("Language")
    String language_nav();

    @Message("Slides")
    String slides_region();

    @Message("Dansk")
    String lang_name_da();

    @Message("English")
    String lang_name_en();

    @Message("New question: {question}")
    String announce_poll(String question);

    @Message("Your vote was received: {option}")
    String announce_vote(String option);

    @Message("Votes so far: {total}")
    String announce_votes(String total);

    @Message("Voting is closed: {question}")
    String announce_closed(String question);

    /** A time of day in UTC, named so; the report pages show it in the browser's zone (js/local-times.js). */
    @Message("{time} UTC")
    String time_utc(String time);

    @Message("and {n} more")
    String more_rows(String n);

    @Message("Dark mode")
    String theme_dark();

    // Word cloud and open text

    @Message("Write up to {max} words or short phrases of at most {chars} characters each, then send.")
    String wordcloud_hint(Integer max, Integer chars);

    @Message("Entry {n}")
    String wordcloud_entry(Integer n);

    @Message("Write your answer (at most {chars} characters), then send. You may send up to 3 answers.")
    String open_hint(Integer chars);

    @Message("The presenter reads the answers before they appear on the screen.")
    String open_moderated_hint();

    @Message("Your answer")
    String open_label();

    @Message("Your answers")
    String open_mine();

    @Message("You have sent {max} answers, the most this question takes. You can answer again in a new round.")
    String open_limit_reached(Integer max);

    @Message("Waiting for the presenter")
    String open_waiting();

    @Message("On the screen")
    String open_shown();

    @Message("Not shown")
    String open_hidden();

    @Message("Word")
    String cloud_word();

    @Message("Words in the word cloud")
    String cloud_table();

    @Message("Answers on the screen")
    String open_answers();

    @Message("Answers to moderate")
    String moderation_title();

    @Message("waiting")
    String moderation_waiting();

    @Message("Show")
    String moderation_show();

    @Message("Hide")
    String moderation_hide();

    // The audience screen (issue 15): its control bar, join screen and key hints

    @Message("Screen controls")
    String screen_controls();

    @Message("Join screen")
    String join_screen();

    @Message("Console")
    String console_button();

    @Message("Fullscreen")
    String fullscreen();

    @Message("joined")
    String joined_label();

    @Message("answered")
    String answered_label();

    @Message("Press N again to start a new round")
    String new_round_hint();

    @Message("O open or close the poll · R show or hide results · N N new round · J join screen · Q Q&A")
    String keys_help_show();
    // Results on the phone (phone-results) and a quiz player's own result

    @Message("Results")
    String phone_results_title();

    @Message("{n} answers")
    String phone_results_total(String n);

    @Message("{n} answer")
    String phone_results_total_one(String n);

    @Message("Answers on the screen")
    String phone_results_answers();

    @Message("Right!")
    String quiz_right();

    @Message("Wrong")
    String quiz_wrong();

    @Message("You did not answer this question")
    String quiz_unanswered();

    @Message("+{points} points")
    String quiz_points_earned(String points);

    @Message("{points} points in all")
    String quiz_total_points(String points);

    @Message("Place {rank} of {players}")
    String quiz_rank(String rank, String players);

    // The embed view (/embed/{code}/{pollId})

    @Message("Live poll")
    String embed_region();

    @Message("This talk has no poll “{pollId}”. Check the poll id in the embed address.")
    String embed_no_poll(String pollId);

    @Message("There is no talk with this join code. Check the embed address.")
    String embed_no_talk();

}
