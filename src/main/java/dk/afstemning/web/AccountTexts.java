package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI strings of account care (password change, disabling, deleting, un-assigning, presenter-key rotation), used in
 * templates as {@code {acct:key}}. English is written here; Danish lives in {@code messages/acct_da.properties}, and
 * MessageBundleTest checks that it has every key. A bundle of its own: Quarkus 3.33 generates a resolver that fails
 * verification once one bundle has some 300 messages (see EditorTexts).
 */
@MessageBundle(value = "acct", locale = "en")
public interface AccountTexts {

    @Message("Change password")
    String password_title();

    @Message("Current password")
    String password_current();

    @Message("New password")
    String password_new();

    @Message("Change password")
    String password_button();

    @Message("The password is changed. Every other login of this account has ended.")
    String password_changed();

    @Message("The current password is not right.")
    String password_wrong();

    @Message("This password is one of the 10,000 most common passwords. Choose another.")
    String password_common();

    @Message("A password has at least 10 characters and at most 72 bytes (72 letters a–z, fewer with æ, ø, å).")
    String password_rules();

    @Message("Disable")
    String account_disable();

    @Message("Enable")
    String account_enable();

    @Message("Delete")
    String account_delete();

    @Message("disabled")
    String account_disabled();

    @Message("Remove {code}")
    String unassign_button(String code);

    @Message("Presenter key")
    String rotate_key_title();

    @Message("A new presenter key ends the old one at once: presenter and console links with it stop working and open presenter screens and consoles are closed. Presenters with an assigned account go on after logging in.")
    String rotate_key_hint();

    @Message("Give a new presenter key")
    String rotate_key_button();

    @Message("The talk has a new presenter key; the old one no longer works.")
    String rotate_key_done();

    @Message("Presenter link for a speaker without an account")
    String presenter_link_show();

    @Message("Whoever opens these links may present the talk and run its console. Give them only to the speaker; a new presenter key ends them.")
    String presenter_link_hint();

    @Message("Audience screen")
    String presenter_link_screen();

    @Message("Speaker console")
    String presenter_link_console();

    @Message("Your access to this talk was withdrawn. The console no longer receives updates.")
    String console_access_withdrawn();

    @Message("You were signed out (logged out or password changed). Log in again and reopen the console.")
    String console_signed_out();

    @Message("The presenter key was changed. Open the console with the new key or log in.")
    String console_key_rotated();

    @Message("A user name has 2–64 characters: lower-case letters a–z, digits, '.', '_', '@' or '-', with no spaces or capitals (such as sofie.h).")
    String refused_invalid_username();

    @Message("That user name is taken. Choose another.")
    String refused_username_taken();

    @Message("No talk has that join code. The dashboard lists each talk's code.")
    String refused_unknown_talk();

    @Message("That account no longer exists.")
    String refused_unknown_account();

    @Message("You cannot disable or delete your own account.")
    String refused_own_account();

    @Message("Choose the role organiser or presenter.")
    String refused_invalid_role();

    @Message("The change was refused: a field holds characters that are not allowed.")
    String refused_other();
}
