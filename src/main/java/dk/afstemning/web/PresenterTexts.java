package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The UI strings of where a login lands: a presenter account's "My talks" page and the Present and Console links of
 * the organiser's pages, used in templates as {@code {pres:key}}. English is written here; Danish lives in
 * {@code messages/pres_da.properties}, and MessageBundleTest checks that it has every key. A bundle of its own, as
 * Quarkus 3.33 fails on one bundle of some 300 messages (see EditorTexts).
 */
@MessageBundle(value = "pres", locale = "en")
public interface PresenterTexts {

    @Message("My talks")
    String my_talks_title();

    @Message("The talks you may present. Present opens the audience screen for the projector, Console your own screen with notes and poll controls; both run the show with your login, no key needed.")
    String my_talks_intro();

    @Message("No talk is assigned to you yet. Ask an organiser to assign you a talk by its join code.")
    String my_talks_empty();

    @Message("Present")
    String present_link();

    @Message("Console")
    String console_link();

    @Message("Results")
    String results_link();

    @Message("Present {title}")
    String present_label(String title);

    @Message("Console of {title}")
    String console_label(String title);

    @Message("Results of {title}")
    String results_label(String title);

    @Message("Light mode")
    String theme_light();

    @Message("No talk of yours has the join code {code}. Your talks are listed below.")
    String not_your_talk(String code);
}
