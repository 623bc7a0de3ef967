package dk.afstemning.poll;

import java.time.LocalDate;
import java.util.List;

import dk.afstemning.talk.Talk;

/**
 * A talk as the API shows it to anyone with its join code. Never includes the presenter key.
 *
 * @param code the join code
 * @param title the talk's title
 * @param speaker the speaker, may be null
 * @param organisation the speaker's organisation, may be null
 * @param date the date of the talk, ISO 8601, may be null
 * @param venue where the talk is given, may be null
 * @param language two-letter language of the deck
 * @param polls the talk's active polls in slide order
 */
public record TalkView(String code, String title, String speaker, String organisation, LocalDate date,
        String venue, String language, List<PollView> polls) {

    /** @param types what the views need of the polls' types */
    public static TalkView of(Talk talk, PollTypeInfo types) {
        return new TalkView(talk.joinCode, talk.title, talk.speaker, talk.organisation, talk.date, talk.venue, talk.language,
                Poll.listActiveByTalk(talk).stream().map(p -> PollView.of(p, types)).toList());
    }
}
