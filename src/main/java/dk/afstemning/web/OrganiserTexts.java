package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI strings added to the organiser's and presenter's pages in session 7 (intervals on the talk page, reactions,
 * account confirmations), used in templates as {@code {org:key}}. English is written here; Danish lives in
 * {@code messages/org_da.properties}. A bundle of its own: Quarkus 3.33 generates a resolver that fails verification
 * once one bundle has some 300 messages (see EditorTexts).
 */
@MessageBundle(value = "org", locale = "en")
public interface OrganiserTexts {

    @Message("95% CI")
    String ci_short();

    @Message("Each cell: votes (share of the round's answers) and, below, the 95% confidence interval of the share (Wilson score interval), as in the exports.")
    String ci_note();

    @Message("Reactions per slide (CSV)")
    String download_reactions_csv();

    @Message("The presenter account \"{name}\" is created. Assign it a talk below, with the talk's join code.")
    String account_created_presenter(String name);

    @Message("The organiser account \"{name}\" is created.")
    String account_created_organiser(String name);

    @Message("\"{title}\" is assigned to {name}: the talk is on their My talks page.")
    String talk_assigned(String title, String name);

    @Message("Your own account")
    String own_account();

    @Message("Answers from {n} participants")
    String phone_total_participants(String n);

    @Message("Answers from {n} participant")
    String phone_total_participant(String n);

    @Message("Talk not found")
    String talk_not_found_title();

    @Message("There is no such talk. It may have been deleted; the dashboard lists every talk.")
    String talk_not_found();

    @Message("Back to the dashboard")
    String back_to_dashboard();

    @Message("Page not found")
    String error_404_title();

    @Message("There is no page at this address. It may have been deleted, or the address was typed with a mistake.")
    String error_404();

    @Message("Not for this account")
    String error_403_title();

    @Message("This page is not open to your account: a page for organisers, or a talk that is not assigned to you. Ask an organiser if you need it.")
    String error_403();

    @Message("This page cannot be shown")
    String error_400_title();

    @Message("The address asks for something this page cannot show. Go back and try again from a link.")
    String error_400();

    @Message("To your start page")
    String error_back_home();

    @Message("To the front page")
    String error_back_front();

    @Message("Log in")
    String error_log_in();
}
