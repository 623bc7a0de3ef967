package dk.afstemning.deck;

import java.time.LocalDate;
import java.util.List;

/**
 * A parsed Markdown deck: its front matter and its slides in order. Pure content, with no database identity.
 *
 * @param file the deck's file name, used in error messages and as the talk's import key
 * @param title the front matter {@code title}, or the first heading, or the file name
 * @param speaker the front matter {@code speaker}, may be null
 * @param organisation the front matter {@code organisation}, may be null
 * @param date the front matter {@code date}, may be null
 * @param language the front matter {@code lang} (Marp's directive) or {@code language}; {@code "en"} when absent
 * @param qa the front matter {@code qa}: {@code off} (the default), {@code on} or {@code moderated}
 * @param profanityFilter the front matter {@code profanity-filter}; true unless the deck says {@code false}
 * @param reactions the front matter {@code reactions}: true (on, the default) unless the deck says {@code off}
 * @param slides the slides, numbered from 1
 * @param phoneResults the front matter {@code phone-results}, the default of every poll block that does not say:
 *        {@code after-vote} (when absent), {@code after-close} or {@code never}
 * @param accent the front matter {@code accent}, a colour {@code #rrggbb} (lower case) for the audience screen, or null
 * @param profanityWords the front matter {@code profanity-words}: words and phrases the deck filters beside the lists
 * @param profanityAllow the front matter {@code profanity-allow}: listed words and phrases the deck lets through
 */
public record Deck(String file, String title, String speaker, String organisation, LocalDate date, String language,
        String qa, boolean profanityFilter, boolean reactions, List<DeckSlide> slides, String phoneResults, String accent,
        List<String> profanityWords, List<String> profanityAllow) {

    /** A deck with no words of its own for the profanity filter. */
    public Deck(String file, String title, String speaker, String organisation, LocalDate date, String language,
            String qa, boolean profanityFilter, boolean reactions, List<DeckSlide> slides, String phoneResults,
            String accent) {
        this(file, title, speaker, organisation, date, language, qa, profanityFilter, reactions, slides, phoneResults,
                accent, List.of(), List.of());
    }

    /** A deck whose polls show phones their results after voting (the default of {@code phone-results}). */
    public Deck(String file, String title, String speaker, String organisation, LocalDate date, String language,
            String qa, boolean profanityFilter, List<DeckSlide> slides) {
        this(file, title, speaker, organisation, date, language, qa, profanityFilter, true, slides, "after-vote", null);
    }

    /** The {@code phone-results} of a poll: its own, else the deck's. */
    public String phoneResults(PollSpec poll) {
        return poll.settings().phoneResults() != null ? poll.settings().phoneResults() : phoneResults;
    }

    /** The polls of every slide, in slide order. */
    public List<PollSpec> polls() {
        return slides.stream().filter(s -> s.poll() != null).map(DeckSlide::poll).toList();
    }
}
