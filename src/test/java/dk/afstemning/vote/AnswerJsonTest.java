package dk.afstemning.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The sealed answer shapes keep the wire format of the one record with four nullable fields they replaced. */
class AnswerJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachShapeIsWrittenAsItsOneField() throws Exception {
        assertThat(json.writeValueAsString(Answer.option(1))).isEqualTo("{\"optionId\":1}");
        assertThat(json.writeValueAsString(Answer.options(List.of(3L, 1L)))).isEqualTo("{\"optionIds\":[3,1]}");
        assertThat(json.writeValueAsString(Answer.number(4))).isEqualTo("{\"value\":4}");
        assertThat(json.writeValueAsString(Answer.texts(List.of("Tillid", "Tid"))))
                .isEqualTo("{\"texts\":[\"Tillid\",\"Tid\"]}");
        assertThat(VoteReceipt.json(Answer.option(7))).isEqualTo("{\"optionId\":7}");
    }

    @Test
    void aBodyWithOneFieldGivesItsShapeAndAnyOtherIsMalformed() {
        assertThat(Answer.of(1L, null, null, null)).isEqualTo(new OptionAnswer(1));
        assertThat(Answer.of(null, List.of(2L), null, null)).isEqualTo(new OptionsAnswer(List.of(2L)));
        assertThat(Answer.of(null, null, 3, null)).isEqualTo(new NumberAnswer(3));
        assertThat(Answer.of(null, null, null, List.of("a"))).isEqualTo(new TextsAnswer(List.of("a")));
        assertThat(Answer.of(null, null, null, null)).isInstanceOf(Answer.Malformed.class);
        assertThat(Answer.of(1L, null, 3, null)).isEqualTo(new Answer.Malformed(1L, null, 3, null));
        assertThat(Answer.sentTexts(Answer.of(1L, null, null, List.of("a", "b")))).containsExactly("a", "b");
        assertThat(Answer.optionIdOf(Answer.number(3))).isNull();
    }

    @Test
    void aStoredReceiptReadsBackAsTheSameShape() {
        for (Answer answer : List.<Answer>of(Answer.option(1), Answer.options(List.of(3L, 1L)), Answer.number(0),
                Answer.texts(List.of("Ledelse")))) {
            VoteReceipt receipt = new VoteReceipt();
            receipt.answer = VoteReceipt.json(answer);
            assertThat(receipt.answer()).isEqualTo(answer);
        }
    }
}
