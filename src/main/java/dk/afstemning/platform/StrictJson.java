package dk.afstemning.platform;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import dk.afstemning.text.ControlChars;
import dk.afstemning.text.MaxChars;

/**
 * Strict JSON input for REST bodies and socket messages: a value of the wrong JSON type is refused instead of being
 * converted, and text after the one JSON value of a body is refused as malformed. Jackson by default turns
 * {@code 1.7}, {@code "1"} and {@code true} into an option id, and {@code 1.5} or
 * {@code true} into a text request id; here each is a {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}
 * naming the field, answered 400 (REST) or with an {@code error} message (socket). Unknown fields are refused too
 * (Quarkus ignores them by default), so a misspelt field is not silently dropped. Text length limits in user-visible
 * characters are {@link MaxChars}. Every text value (fields, list items) holding a control character other than tab and
 * line breaks ({@link ControlChars}, U+0000 above all, which PostgreSQL cannot store) is refused as {@link InvalidText}:
 * this one place covers every REST body and socket message.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // A body is one JSON value: {"optionId":1}} or {"a":1} {"b":2} is malformed, not the first value with junk.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        for (LogicalType whole : new LogicalType[] {LogicalType.Integer}) {
            for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.String,
                    CoercionInputShape.Float, CoercionInputShape.Boolean, CoercionInputShape.EmptyString}) {
                mapper.coercionConfigFor(whole).setCoercion(shape, CoercionAction.Fail);
            }
        }
        for (CoercionInputShape shape : new CoercionInputShape[] {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("afstemning-clean-text").addDeserializer(String.class, new CleanText()));
    }

    /**
     * Jackson's own text reading, then the control character check. Not Jackson's standard class, so collections of
     * text use it for their items too.
     */
    static final class CleanText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            int bad = text == null ? -1 : ControlChars.first(text);
            if (bad >= 0) {
                throw new InvalidText(parser, ControlChars.name(text, bad));
            }
            return text;
        }
    }
}
