package dk.afstemning.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dk.afstemning.deck.DeckWarning;
import dk.afstemning.poll.TalkView;

/**
 * The answer to {@code PUT /api/talks/{code}/deck}: the talk as {@code GET /api/talks/{code}} shows it, with the new
 * deck's warnings beside its fields (README "Decks").
 *
 * @param talk the talk, its fields unwrapped into this object
 * @param warnings what the deck holds that is ignored or missing; empty when nothing
 */
public record DeckReplaced(@JsonUnwrapped TalkView talk, List<DeckWarning> warnings) {

    static DeckReplaced of(TalkView talk) {
        return new DeckReplaced(talk, List.of());
    }

    static DeckReplaced of(TalkView talk, List<DeckWarning> warnings) {
        return new DeckReplaced(talk, warnings);
    }
}
