package dk.afstemning.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the organiser is told about a deck on its way in (README "Decks"): the warnings of {@code deck/DeckWarning}, the
 * refusals of other formats and of deck zips, and the deck editor's images. Used as {@code {deckin:key}}; Danish in
 * {@code messages/deckin_da.properties}. A bundle of its own: the {@code msg} bundle is near Quarkus 3.33's limit.
 */
@MessageBundle(value = "deckin", locale = "en")
public interface DeckInputTexts {

    @Message("Warnings about this deck")
    String warnings_title();

    @Message("Line {line}: the front matter key '{subject}' is not one Afstemning or Marp knows; it is ignored.")
    String warn_front_matter_ignored(String line, String subject);

    @Message("Line {line}: the date '{subject}' is not a date such as 2022-11-02; it is ignored.")
    String warn_date_ignored(String line, String subject);

    @Message("Line {line}: this looks like a reveal.js deck ({subject}). Afstemning reads Marp decks: slides split at ---, but -- and Note: lines are shown as text. Write speaker notes as <!-- comments -->.")
    String warn_revealjs(String line, String subject);

    @Message("Line {line}: no --- line splits this file into slides, so it is one slide. Put a line of --- between slides.")
    String warn_one_slide(String line, String subject);

    @Message("Line {line}: the Marp theme '{subject}' is not built in (default, gaia, uncover), so the slides use the default theme, as Marp does without the theme's CSS.")
    String warn_theme_unknown(String line, String subject);

    @Message("Line {line}: the image '{subject}' was not uploaded with the deck, so the slide shows a broken image. Upload the deck as a .zip with its images, or add the image below.")
    String warn_image_missing(String line, String subject);

    @Message("This looks like a Slidev deck; Afstemning reads Marp decks. Export it from Slidev as PDF and upload the PDF.")
    String refused_slidev();

    @Message("This looks like a Quarto or R Markdown document; Afstemning reads Marp decks. Render it to PDF and upload the PDF.")
    String refused_quarto();

    @Message("The zip was refused: it holds one Markdown deck and its PNG, JPEG, GIF or WebP images, with plain relative names.")
    String refused_zip();

    @Message("The zip is too large when unpacked (at most 1000 entries, 10 MiB per image, 50 MiB in all).")
    String refused_zip_too_large();

    @Message("Images")
    String images_title();

    @Message("Add an image (PNG, JPEG, GIF or WebP, at most 10 MiB) and use it in a slide by its name, e.g. ![Map](map.png). An image of the same name is replaced.")
    String images_hint();

    @Message("Image file")
    String image_label();

    @Message("Add image")
    String image_button();

    @Message("The image was not added:")
    String image_refused();

    @Message("This deck has no images yet.")
    String images_none();
}
