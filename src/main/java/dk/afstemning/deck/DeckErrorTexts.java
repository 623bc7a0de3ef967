package dk.afstemning.deck;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every deck error and upload refusal as a message key with its English text (Danish in
 * {@code messages/deckerr_da.properties}): a {@link DeckProblem} names the key and its arguments, in the order of the
 * method's parameters. {@link DeckProblem#message(String)} renders them itself (English for logs and the CLI, the
 * request's or page's language for the organiser), so the texts hold only plain {@code {parameter}} placeholders.
 * It lives beside the parser rather than in {@code web}: the English rendering is the exception's message.
 */
@MessageBundle(value = "deckerr", locale = "en")
public interface DeckErrorTexts {

    // Lead-ins of a list of errors.

    @Message("The deck has {count} errors; the first: {first}")
    String errors_detail(String count, String first);

    @Message("and {count} more errors")
    String errors_more(String count);

    // The whole deck file.

    @Message("deck holds the control character {character}")
    String control_char(String character);

    @Message("the deck holds the control character {character}; text may hold tab and line breaks, no other control character")
    String control_char_upload(String character);

    @Message("deck is larger than {max} bytes")
    String deck_too_many_bytes(String max);

    @Message("A deck may be at most {max} bytes; this one is {size}")
    String upload_too_large(String max, String size);

    @Message("deck is not valid UTF-8")
    String not_utf8();

    @Message("cannot read deck: {reason}")
    String cannot_read(String reason);

    @Message("deck has no slides")
    String no_slides();

    @Message("code block opened here is never closed")
    String fence_unclosed();

    @Message("a slide holds at most one poll; start a new slide with ---")
    String slide_two_polls();

    @Message("a deck may have at most {max} slides; this one has {count}")
    String too_many_slides(String max, String count);

    @Message("a deck may have at most {max} polls; this one has {count}")
    String too_many_polls(String max, String count);

    @Message("poll id '{id}' is used twice")
    String poll_id_twice(String id);

    @Message("page {page} does not exist; the PDF has {pages} pages")
    String pdf_page_missing(String page, String pages);

    @Message("this looks like a Slidev deck ({mark}); Afstemning reads Marp decks: export it from Slidev as PDF (slidev export) and upload the PDF, or rewrite it for Marp")
    String format_slidev(String mark);

    @Message("this looks like a Quarto or R Markdown document ({mark}); Afstemning reads Marp decks: render it to PDF and upload the PDF")
    String format_quarto(String mark);

    // Front matter.

    @Message("front matter starts with '---' but is never closed")
    String front_matter_unclosed();

    @Message("front matter '{key}' must be a single value")
    String front_single_value(String key);

    @Message("front matter 'lang' must be a language code such as da or en")
    String front_lang();

    @Message("front matter 'accent' must be a colour such as \"#0047a0\" (quoted: # starts a comment in YAML)")
    String front_accent();

    @Message("front matter 'qa' must be on, off or moderated")
    String front_qa();

    @Message("front matter '{key}' must be on or off")
    String front_on_off(String key);

    @Message("front matter '{key}' must be true or false")
    String front_true_false(String key);

    @Message("front matter '{key}' must be one of {allowed}, not '{value}'")
    String front_one_of(String key, String allowed, String value);

    @Message("front matter '{key}' must be a list of words, such as [fanden, for pokker]")
    String front_words_list(String key);

    @Message("front matter '{key}' lists '{word}', which holds no letters or digits")
    String front_word_no_letters(String key, String word);

    @Message("front matter '{key}' lists a word longer than {max} characters")
    String front_word_too_long(String key, String max);

    @Message("front matter '{key}' is longer than {max} characters")
    String front_too_long(String key, String max);

    @Message("front matter '{key}' lists {count} words; at most {max} are allowed")
    String front_words_too_many(String key, String count, String max);

    // A poll block.

    @Message("poll block is empty")
    String block_empty();

    @Message("invalid YAML in poll block: {problem}")
    String block_yaml(String problem);

    @Message("a poll block must be a YAML mapping with id, question and options")
    String block_not_mapping();

    @Message("unknown key '{key}' in poll block; allowed keys are {allowed}")
    String block_unknown_key(String key, String allowed);

    @Message("duplicate key '{key}'")
    String block_duplicate_key(String key);

    @Message("poll block has no 'id'")
    String block_no_id();

    @Message("poll '{id}' has no 'question'")
    String block_no_question(String id);

    @Message("poll '{id}' has no 'options'")
    String block_no_options(String id);

    @Message("key '{key}' does not apply to a '{type}' poll; its own keys are {keys}")
    String key_not_for_type(String key, String type, String keys);

    @Message("key '{key}' does not apply to a '{type}' poll; that type takes no keys beyond {keys}")
    String key_not_for_type_common(String key, String type, String keys);

    @Message("a '{type}' poll has no options; remove 'options'")
    String type_without_options(String type);

    @Message("poll id '{id}' must be 1-64 lower-case letters, digits, '-' or '_'")
    String poll_id_invalid(String id);

    @Message("unsupported poll type '{type}'; supported: {supported}")
    String poll_type_unknown(String type, String supported);

    @Message("'{key}' must be one of {allowed}, not '{value}'")
    String one_of(String key, String allowed, String value);

    @Message("'{key}' must be on or off, not '{value}'")
    String on_off(String key, String value);

    @Message("'{key}' must be a whole number, not '{value}'")
    String not_whole(String key, String value);

    @Message("'time-limit' must be a whole number of seconds from 5 to {max}, not '{value}'")
    String time_limit(String max, String value);

    @Message("{key} must be a single value, not a list or mapping")
    String not_single(String key);

    @Message("key must be a single value, not a list or mapping")
    String key_not_single();

    @Message("option must be a single value, not a list or mapping")
    String option_not_single();

    @Message("option text must be a single value, not a list or mapping")
    String option_text_not_single();

    @Message("correct option must be a single value, not a list or mapping")
    String correct_not_single();

    @Message("{key} must not be empty")
    String text_empty(String key);

    @Message("option must not be empty")
    String option_empty();

    @Message("option text must not be empty")
    String option_text_empty();

    @Message("{key} is longer than {max} characters")
    String text_too_long(String key, String max);

    @Message("option is longer than {max} characters")
    String option_too_long(String max);

    @Message("option text is longer than {max} characters")
    String option_text_too_long(String max);

    @Message("'options' must be a list")
    String options_not_list();

    @Message("a poll needs at least 2 options")
    String options_too_few();

    @Message("a poll of this type has at most {max} options")
    String options_too_many(String max);

    @Message("duplicate option '{text}'")
    String option_duplicate(String text);

    @Message("unknown key '{key}' in option; allowed keys are id, text")
    String option_unknown_key(String key);

    @Message("option has no 'text'")
    String option_no_text();

    // Keys of one poll type (polltype/DeckKeys).

    @Message("'{key}' must be from 1 to {most}, not {value}")
    String count_range(String key, String most, String value);

    @Message("a scale's 'min' must be 0 or 1, not {value}")
    String scale_min(String value);

    @Message("a scale's 'max' must be from {from} to {to}, not {value}")
    String scale_max(String from, String to, String value);

    @Message("slider poll '{id}' needs both poles, 'low' and 'high'")
    String slider_poles(String id);

    @Message("quiz poll '{id}' has no 'correct' option")
    String quiz_no_correct(String id);

    @Message("'correct' must name at least one option")
    String quiz_correct_empty();

    @Message("'correct' names '{name}', which is neither an option id nor an option text")
    String quiz_correct_unknown(String name);

    @Message("'min' must be from 1 to the number of options ({options}), not {value}")
    String multiple_min(String options, String value);

    @Message("'max' must be from 'min' ({min}) to the number of options ({options}), not {value}")
    String multiple_max(String min, String options, String value);

    // A deck zip (deck/DeckBundle) and an image added in the deck editor.

    @Message("{upload} holds {count} entries; a deck zip may hold at most {max}")
    String zip_too_many_entries(String upload, String count, String max);

    @Message("{upload} holds two Markdown files, '{first}' and '{second}'; a deck zip holds one deck")
    String zip_two_decks(String upload, String first, String second);

    @Message("{upload} holds no Markdown file (.md); a deck zip holds one deck and its images")
    String zip_no_deck(String upload);

    @Message("{upload}: '{name}' is an SVG image, which can carry script; convert it to PNG")
    String zip_svg(String upload, String name);

    @Message("{upload}: '{name}' is not a PNG, JPEG, GIF or WebP image; a deck zip holds one deck and its images only")
    String zip_not_image(String upload, String name);

    @Message("{upload} is not a readable zip: {reason}")
    String zip_unreadable(String upload, String reason);

    @Message("{upload}: the entry '{name}' has an unsafe name (absolute, or climbing out with ..); a deck zip holds plain relative names only")
    String zip_unsafe_name(String upload, String name);

    @Message("{upload}: the entry '{name}' is a symbolic link; a deck zip holds files only")
    String zip_link(String upload, String name);

    @Message("{upload}: the entry '{name}' is encrypted or uses a compression this server does not read")
    String zip_encrypted(String upload, String name);

    @Message("{upload}: the entry '{name}' inflates more than {ratio} times its compressed size, as a zip bomb does")
    String zip_bomb(String upload, String name, String ratio);

    @Message("{upload}: the entry '{name}' is larger than {max} bytes")
    String zip_entry_too_large(String upload, String name, String max);

    @Message("{upload} holds more than {max} bytes when unpacked")
    String zip_total_too_large(String upload, String max);

    @Message("{upload}: '{name}' is not valid UTF-8")
    String zip_not_utf8(String upload, String name);

    @Message("Choose an image file")
    String image_missing();

    @Message("'{name}' is larger than {max} bytes")
    String image_too_large(String name, String max);

    @Message("'{name}' is not a PNG, JPEG, GIF or WebP image (SVG can carry script and is refused)")
    String image_not_image(String name);
}
