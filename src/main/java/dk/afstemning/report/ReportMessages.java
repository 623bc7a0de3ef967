package dk.afstemning.report;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * UI strings of the organiser result pages, used as {@code {rep:key}}. English here; Danish in
 * {@code messages/rep_da.properties}, and {@code web/MessageBundleTest} checks that it has every key. A bundle of its own
 * so that it merges without touching {@code AppMessages}.
 */
@MessageBundle(value = "rep", locale = "en")
public interface ReportMessages {

    @Message("Questions across talks")
    String questions_title();

    @Message("Polls with the same id in different talks are the same question. Choose one to compare the audiences.")
    String questions_intro();

    @Message("No polls yet.")
    String questions_empty();

    @Message("Poll id")
    String poll_id();

    @Message("Talks")
    String talks();

    @Message("Votes")
    String votes();

    @Message("All questions")
    String all_questions();

    @Message("Share of votes per talk, with the pooled total")
    String chart_label();

    @Message("Bars show each talk's share of votes per option; the table below holds the same numbers.")
    String chart_caption();

    @Message("Answers per talk: votes, share and 95% confidence interval (Wilson)")
    String table_caption();

    @Message("Talk")
    String talk();

    @Message("All talks (pooled)")
    String pooled();

    @Message("few answers")
    String small_n();

    @Message("Fewer than 30 answers: treat the shares as indicative only.")
    String small_n_note();

    @Message("Difference between the talks: chi-square test of homogeneity, χ² = {statistic}, df = {df}, p = {p}.")
    String chi_square(String statistic, int df, String p);

    @Message("Some expected counts are below 5, so the p-value is only approximate.")
    String chi_square_small();

    @Message("Fewer than two talks have votes, so there is nothing to compare yet.")
    String chi_square_none();

    @Message("Pairs of talks: two-proportion z-test on the share choosing “{option}”")
    String pairs_caption(String option);

    @Message("z")
    String z();

    @Message("p-value")
    String p_value();

    @Message("Download")
    String download();

    @Message("Votes (CSV)")
    String download_votes_csv();

    @Message("Results (CSV)")
    String download_results_csv();

    @Message("Tests (CSV)")
    String download_tests_csv();

    @Message("Everything (XLSX)")
    String download_xlsx();

    @Message("Everything (JSON)")
    String download_json();

    @Message("Codebook (CSV)")
    String download_codebook();

    @Message("Share of votes (%)")
    String share_axis();

    @Message("Answered (n)")
    String answered_row();

    @Message("Mean (95% CI)")
    String mean_row();

    @Message("Participants who answered (n)")
    String participants_answered();

    @Message("Answers (up to 3 per participant)")
    String answers_given();

    @Message("n (participants)")
    String n_participants();

    @Message("Open text: n counts the participants who answered, but each may give up to 3 answers; so the columns count answers, and each share is of all the round's answers, not of the participants.")
    String open_note();

    @Message("Median")
    String median_row();

    @Message("average place {rank} · {points} points")
    String ranking_cell(String rank, long points);

    @Message("(correct)")
    String correct_mark();

    @Message("Each option's share is of the participants who answered, so the shares can add up to more than 100 %.")
    String multiple_note();

    @Message("Ranking: the average place (1 is first) and Borda points; with k options a first place gives k − 1 points and the last 0. The chart shows the points.")
    String ranking_note();

    @Message("The mean is given with its 95% confidence interval (Student's t, cut to the scale's range); the rows above are the distribution.")
    String mean_note();

    @Message("Mean (95% CI) · median")
    String mean_median_column();

    @Message("Each cell of a ranking gives the average place (1 is first) and the Borda points.")
    String ranking_cells_note();

    @Message("A participant's answer counts for several options here, so the talks are not tested against each other (a chi-square test needs one answer per participant and column).")
    String no_test_note();
    @Message("Word")
    String word_column();
    @Message("Participants")
    String word_count_column();
    @Message("Hidden by the profanity filter (in no word): {count}")
    String hidden_entries(long count);
    @Message("Entries that differ only in case, accents or spaces are one word, shown in its most common spelling.")
    String wordcloud_note();
    @Message("No answers yet.")
    String no_answers();
    @Message("shown")
    String status_shown();
    @Message("waiting")
    String status_waiting();
    @Message("hidden")
    String status_hidden();

    /** Open text on the talk page: the round's answers per status, counting those of pruned votes (formatted numbers). */
    @Message("Shown {shown} · waiting {waiting} · hidden {hidden}")
    String open_counts(String shown, String waiting, String hidden);

    /** Questions across talks: which round of each talk is compared (issue 19 item 4). */
    @Message("Round")
    String round_column();

    @Message("Each talk is compared at its round with the most participants who answered (a test round after the talk does not count), unless you choose another round here.")
    String round_note();

    @Message("Round {round} of {rounds}")
    String round_of(int round, int rounds);

    @Message("chosen")
    String round_chosen();

    @Message("most answers")
    String round_most();

    @Message("Round of {talk}")
    String round_label(String talk);

    @Message("Compare these rounds")
    String round_submit();

    @Message("This question in every talk")
    String compare_across();

    /** A talk page's Q&amp;A questions (issue 19 item 3). */
    @Message("Questions from the audience ({count})")
    String qa_caption(int count);

    @Message("Question")
    String qa_question();

    @Message("Nickname")
    String qa_nickname();

    @Message("Upvotes")
    String qa_upvotes();

    @Message("Status")
    String qa_status();

    @Message("Answered")
    String qa_answered();

    @Message("Asked")
    String qa_asked();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("Questions (CSV)")
    String download_questions_csv();
}
