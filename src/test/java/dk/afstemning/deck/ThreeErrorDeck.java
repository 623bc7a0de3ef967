package dk.afstemning.deck;

import java.util.List;

/** A deck with three faults on different lines, and their messages in English and Danish (issue 19, item 2). */
public final class ThreeErrorDeck {

    private ThreeErrorDeck() {
    }

    /** Three faults on lines 3, 10 and 23: front matter, a poll block's type, another poll block's time limit. */
    public static final String THREE_ERRORS = """
            ---
            title: Tre fejl
            accent: blå
            ---

            # Første

            ```poll
            id: q1
            type: cloud
            question: Hvad?
            options: [A, B]
            ```

            ---

            # Anden

            ```poll
            id: q2
            question: Hvor længe?
            options: [Ja, Nej]
            time-limit: 2
            ```
            """;

    public static final List<String> ENGLISH = List.of(
            "front matter 'accent' must be a colour such as \"#0047a0\" (quoted: # starts a comment in YAML)",
            "unsupported poll type 'cloud'; supported: choice, multiple, open, quiz, ranking, scale, slider, wordcloud",
            "'time-limit' must be a whole number of seconds from 5 to 3600, not '2'");

    public static final List<String> DANISH = List.of(
            "'accent' i front matter skal være en farve som \"#0047a0\" (i anførselstegn: # indleder en kommentar i YAML)",
            "afstemningstypen 'cloud' findes ikke; mulige typer: choice, multiple, open, quiz, ranking, scale, slider, "
                    + "wordcloud",
            "'time-limit' skal være et helt antal sekunder fra 5 til 3600, ikke '2'");
}
