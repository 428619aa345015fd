package org.reciprocity.harness;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON for the harnesses. Writing is by hand so that a test can send exactly what it means to: every
 * character outside printable ASCII is escaped as {@code \\uXXXX}, so NUL, other control characters and
 * lone surrogates travel intact. Reading uses Jackson into plain maps and lists.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b);
        return b.toString();
    }

    private static void write(Object value, StringBuilder b) {
        if (value == null) {
            b.append("null");
        } else if (value instanceof Raw raw) {
            b.append(raw.json());
        } else if (value instanceof String s) {
            quote(s, b);
        } else if (value instanceof Number || value instanceof Boolean) {
            b.append(value);
        } else if (value instanceof Map<?, ?> map) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else if (value instanceof List<?> list) {
            b.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                write(list.get(i), b);
            }
            b.append(']');
        } else {
            quote(value.toString(), b);
        }
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /** A value written as given: a number too large for Java, a nested structure built as text. */
    public record Raw(String json) {}

    /** The parsed value (maps, lists, strings, numbers), or null when the text is not JSON. */
    public static Object parse(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) {
        return parse(text) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** A field of a JSON object as text, or null. */
    public static String string(String text, String field) {
        Object value = object(text).get(field);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(String text) {
        return object(text).get("items") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
