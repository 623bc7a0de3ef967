package dk.afstemning.deck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dk.afstemning.polltype.TestPollTypes;

/** The poll types' own keys in a deck: what they give, and errors naming file and line. */
class PollTypeParserTest {

    private final DeckParser parser = new DeckParser(TestPollTypes.all());

    private PollSpec poll(String yaml) {
        return parser.parse("d.md", "# A\n\n```poll\n" + yaml + "```\n").polls().get(0);
    }

    private void fails(String yaml, String message) {
        assertThatThrownBy(() -> parser.parse("d.md", "# A\n\n```poll\n" + yaml + "```\n"))
                .isInstanceOf(DeckException.class).hasMessage(message);
    }

    @Test
    void multipleTakesMinAndMaxWithDefaults() {
        PollSpec p = poll("id: m\ntype: multiple\nquestion: Q?\nmin: 2\nmax: 3\noptions: [a, b, c, d]\n");
        assertThat(p.type()).isEqualTo("multiple");
        assertThat(p.answers()).isEqualTo(new PollSpec.Answers(2, 3, null, null, List.of()));
        assertThat(poll("id: m\ntype: multiple\nquestion: Q?\noptions: [a, b, c]\n").answers())
                .isEqualTo(new PollSpec.Answers(1, 3, null, null, List.of()));
    }

    @Test
    void scaleAndSliderHaveNoOptionsAndTakeLabels() {
        PollSpec scale = poll("id: s\ntype: scale\nquestion: Q?\nmin: 1\nmax: 7\nlow: Helt uenig\nhigh: Helt enig\n");
        assertThat(scale.options()).isEmpty();
        assertThat(scale.answers()).isEqualTo(new PollSpec.Answers(1, 7, "Helt uenig", "Helt enig", List.of()));
        PollSpec slider = poll("id: v\ntype: slider\nquestion: Q?\nlow: forskningsbaseret viden\nhigh: praksiserfaring\n");
        assertThat(slider.answers()).isEqualTo(
                new PollSpec.Answers(null, null, "forskningsbaseret viden", "praksiserfaring", List.of()));
    }

    @Test
    void quizCorrectNamesOptionsByIdOrText() {
        PollSpec p = poll("id: k\ntype: quiz\nquestion: Q?\ncorrect: [ja, 'Måske']\ntime-limit: 20\noptions:\n"
                + "  - id: ja\n    text: Ja\n  - Nej\n  - Måske\n");
        assertThat(p.answers().correct()).containsExactly("ja", PollBlockParser.derivedKey("Måske"));
        assertThat(p.isCorrect(p.options().get(0))).isTrue();
        assertThat(p.isCorrect(p.options().get(1))).isFalse();
        assertThat(p.settings().timeLimitSeconds()).isEqualTo(20);
    }

    @Test
    void aKeyOfAnotherTypeNamesFileAndLine() {
        fails("id: q\nquestion: Q?\nmin: 1\noptions: [a, b]\n",
                "d.md:6: key 'min' does not apply to a 'choice' poll; that type takes no keys beyond id, options, phone-results, "
                        + "question, results, time-limit, type, vote-changes");
        fails("id: q\ntype: scale\nquestion: Q?\ncorrect: a\n",
                "d.md:7: key 'correct' does not apply to a 'scale' poll; its own keys are high, low, max, min");
        fails("id: q\ntype: slider\nquestion: Q?\nlow: a\nhigh: b\nmax: 10\n",
                "d.md:9: key 'max' does not apply to a 'slider' poll; its own keys are high, low");
    }

    @Test
    void badTypeValuesNameTheirLine() {
        fails("id: q\ntype: multiple\nquestion: Q?\nmax: 4\noptions: [a, b, c]\n",
                "d.md:7: 'max' must be from 'min' (1) to the number of options (3), not 4");
        fails("id: q\ntype: multiple\nquestion: Q?\nmin: 0\noptions: [a, b, c]\n",
                "d.md:7: 'min' must be from 1 to the number of options (3), not 0");
        fails("id: q\ntype: multiple\nquestion: Q?\nmin: two\noptions: [a, b, c]\n",
                "d.md:7: 'min' must be a whole number, not 'two'");
        fails("id: q\ntype: scale\nquestion: Q?\nmax: 12\n",
                "d.md:7: a scale's 'max' must be from 2 to 11, not 12");
        fails("id: q\ntype: scale\nquestion: Q?\noptions: [a, b]\n",
                "d.md:7: a 'scale' poll has no options; remove 'options'");
        fails("id: q\ntype: slider\nquestion: Q?\nlow: a\n",
                "d.md:3: slider poll 'q' needs both poles, 'low' and 'high'");
        fails("id: q\ntype: quiz\nquestion: Q?\noptions: [a, b]\n",
                "d.md:3: quiz poll 'q' has no 'correct' option");
        fails("id: q\ntype: quiz\nquestion: Q?\ncorrect: c\noptions: [a, b]\n",
                "d.md:7: 'correct' names 'c', which is neither an option id nor an option text");
        fails("id: q\ntype: ranking\nquestion: Q?\noptions: [a, b, c, d, e, f, g, h, i, j, k]\n",
                "d.md:7: a poll of this type has at most 10 options");
    }

    @Test
    void wordCloudAndOpenTextTakeTheirLimitsWithDefaults() {
        assertThat(poll("id: w\ntype: wordcloud\nquestion: Q?\n").answers())
                .isEqualTo(new PollSpec.Answers(null, 3, null, null, List.of(), 25, null, null));
        assertThat(poll("id: w\ntype: wordcloud\nquestion: Q?\nmax-entries: 5\nmax-chars: 30\nprofanity-filter: off\n")
                .answers()).isEqualTo(new PollSpec.Answers(null, 5, null, null, List.of(), 30, false, null));
        PollSpec open = poll("id: o\ntype: open\nquestion: Q?\n");
        assertThat(open.options()).isEmpty();
        assertThat(open.answers()).isEqualTo(new PollSpec.Answers(null, null, null, null, List.of(), 280, null, true));
        assertThat(poll("id: o\ntype: open\nquestion: Q?\nmoderation: off\nmax-chars: 140\n").answers())
                .isEqualTo(new PollSpec.Answers(null, null, null, null, List.of(), 140, null, false));
    }

    @Test
    void wordCloudAndOpenTextErrorsNameFileAndLine() {
        fails("id: q\ntype: wordcloud\nquestion: Q?\nmax-entries: 11\n",
                "d.md:7: 'max-entries' must be from 1 to 10, not 11");
        fails("id: q\ntype: wordcloud\nquestion: Q?\nmax-chars: 0\n",
                "d.md:7: 'max-chars' must be from 1 to 50, not 0");
        fails("id: q\ntype: open\nquestion: Q?\nmax-chars: 1001\n",
                "d.md:7: 'max-chars' must be from 1 to 1000, not 1001");
        fails("id: q\ntype: open\nquestion: Q?\nmoderation: maybe\n",
                "d.md:7: 'moderation' must be on or off, not 'maybe'");
        fails("id: q\ntype: open\nquestion: Q?\nmax-entries: 2\n",
                "d.md:7: key 'max-entries' does not apply to a 'open' poll; its own keys are max-chars, moderation, "
                        + "profanity-filter");
        fails("id: q\ntype: wordcloud\nquestion: Q?\noptions: [a, b]\n",
                "d.md:7: a 'wordcloud' poll has no options; remove 'options'");
        fails("id: q\ntype: choice\nquestion: Q?\nmoderation: on\noptions: [a, b]\n",
                "d.md:7: key 'moderation' does not apply to a 'choice' poll; that type takes no keys beyond id, options, phone-results, "
                        + "question, results, time-limit, type, vote-changes");
    }
}
