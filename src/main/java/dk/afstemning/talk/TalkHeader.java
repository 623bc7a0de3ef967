package dk.afstemning.talk;

import java.time.LocalDate;

/**
 * What the screens show of a talk: its codes, meta data and Q&amp;A settings, without the presenter key or any
 * entity state.
 *
 * @param currentSlide the 1-based slide the presenter shows now
 * @param version the show's version (grows with every move)
 * @param language two-letter language of the deck, {@code da} or {@code en}
 * @param reactionsEnabled whether participants may send reactions (the deck's {@code reactions} front matter)
 * @param accent the deck's accent colour ({@code #rrggbb}) for the audience screen, or null
 */
public record TalkHeader(long id, String joinCode, String title, String speaker, String organisation,
        LocalDate date, String venue, String language, boolean qaEnabled, boolean qaModerated, int currentSlide,
        long version, boolean reactionsEnabled, String accent) {

    public static TalkHeader of(Talk talk) {
        return new TalkHeader(talk.id, talk.joinCode, talk.title, talk.speaker, talk.organisation, talk.date,
                talk.venue, talk.language, talk.qaEnabled, talk.qaModerated, talk.currentSlide, talk.version,
                talk.reactionsEnabled, talk.accent);
    }
}
