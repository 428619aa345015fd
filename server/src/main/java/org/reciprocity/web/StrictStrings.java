package org.reciprocity.web;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text in a JSON body is read through here: NUL and the other control characters (tab and line
 * breaks aside) and halves of surrogate pairs are refused with 422 naming the field, since they break
 * pages, exports and databases further on (PostgreSQL refuses NUL in text) and no person types them.
 * A number or a boolean where text belongs ({@code "name": 5}) is refused too, as the wrong type: Jackson
 * would turn it into text, and a client that sends it has mixed up its fields.
 */
@Configuration(proxyBeanMethods = false)
public class StrictStrings {

    /** A text field held a control character; carries the field's JSON path. */
    public static final class ControlCharacter extends DatabindException {
        private final String field;

        ControlCharacter(JsonParser parser, String field) {
            super(parser, "control character in text");
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @Bean
    JsonMapperBuilderCustomizer refuseControlCharacters() {
        return builder -> builder.addModule(new SimpleModule("strict-strings").addDeserializer(String.class, new Deserializer()));
    }

    static final class Deserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonToken token = p.currentToken();
            if (token != null && token.isScalarValue() && token != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = super.deserialize(p, ctxt);
            if (value != null && (value.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)
                    || hasLoneSurrogate(value))) {
                String name = p.currentName();
                throw new ControlCharacter(p, name == null ? "body" : name);
            }
            return value;
        }
    }

    /** A half of a surrogate pair without its other half ("\\ud800"): not text, and no encoding can write it. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A Jackson path as people write it: {@code skills[2]}, {@code visibility.bio}. */
    static String path(List<DatabindException.Reference> references) {
        return references.stream().map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
