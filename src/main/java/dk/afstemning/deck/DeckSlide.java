package dk.afstemning.deck;

/**
 * One slide of a deck.
 *
 * @param number 1-based position in the deck
 * @param line 1-based line in the deck file where the slide's Markdown starts
 * @param title the text of the slide's first heading, or null
 * @param html the slide rendered to HTML, raw HTML in the Markdown escaped; poll blocks are left out
 * @param notes speaker notes from {@code <!-- ... -->} comments, or null
 * @param poll the slide's poll, or null
 */
public record DeckSlide(int number, int line, String title, String html, String notes, PollSpec poll) {
}
