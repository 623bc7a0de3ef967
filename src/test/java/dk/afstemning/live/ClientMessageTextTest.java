package dk.afstemning.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dk.afstemning.platform.StrictJson;

/** A socket message whose text holds U+0000 (or another control character) is refused as invalid-text. */
class ClientMessageTextTest {

    private static ClientMessage decode(String json) {
        ClientMessageCodec codec = new ClientMessageCodec();
        codec.mapper = new ObjectMapper();
        new StrictJson().customize(codec.mapper);
        return codec.decode(json);
    }

    private static final String DETAIL = " holds the control character U+0000; text may hold tab and line breaks, no"
            + " other control character";

    @Test
    void aQuestionANicknameAndAnOpenAnswerWithANulAreRefused() {
        assertThat(decode("{\"type\":\"ask\",\"text\":\"Hvorfor\\u0000?\",\"requestId\":\"a\"}")).isEqualTo(
                new ClientMessage.Refused("a", 400, "invalid-text", "Field 'text'" + DETAIL));
        assertThat(decode("{\"type\":\"nickname\",\"nickname\":\"Ann\\u0000\"}")).isEqualTo(
                new ClientMessage.Refused(null, 400, "invalid-text", "Field 'nickname'" + DETAIL));
        assertThat(decode("{\"type\":\"vote\",\"pollId\":\"ord\",\"texts\":[\"ok\",\"\\u0000\"],\"requestId\":\"v\"}"))
                .isEqualTo(new ClientMessage.Refused("v", 400, "invalid-text", "Field 'texts.[1]'" + DETAIL));
    }

    @Test
    void tabsAndLineBreaksPass() {
        assertThat(decode("{\"type\":\"ask\",\"text\":\"Linje 1\\nLinje 2\\tslut\",\"requestId\":\"a\"}"))
                .isInstanceOf(ClientMessage.Ask.class);
    }
}
