package org.reciprocity.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the OpenAPI document promises about an answer, checked against the answer the server gave:
 * its status is one the operation documents, and a JSON success body has every required field, each
 * of its documented type (nested objects and list items included, {@code $ref}s followed).
 */
final class Contract {

    /** Statuses any request can meet before an operation is chosen: another method, or content negotiation. */
    static final Set<Integer> BEFORE_ANY_OPERATION = Set.of(405);

    private final Map<String, Map<String, Object>> schemas;

    Contract(ApiDocs docs) {
        this.schemas = docs.schemas();
    }

    /** What breaks the contract in this answer, or an empty list. */
    List<String> defects(ApiDocs.Operation operation, int status, String contentType, String body) {
        List<String> defects = new ArrayList<>();
        if (BEFORE_ANY_OPERATION.contains(status)) {
            return defects;
        }
        Map<String, Object> schema = operation.responses().get(Integer.toString(status));
        if (schema == null) {
            defects.add("status " + status + " is not documented");
            return defects;
        }
        if (status >= 200 && status < 300 && !schema.isEmpty() && contentType.contains("json") && !body.isBlank()) {
            check("body", Json.parse(body), schema, defects, 0);
        }
        return defects;
    }

    @SuppressWarnings("unchecked")
    private void check(String where, Object value, Map<String, Object> schema, List<String> defects, int depth) {
        if (depth > 8 || defects.size() > 5) {
            return;
        }
        Object ref = schema.get("$ref");
        if (ref instanceof String r) {
            Map<String, Object> target = schemas.get(r.substring(r.lastIndexOf('/') + 1));
            if (target != null) {
                check(where, value, target, defects, depth + 1);
            }
            return;
        }
        if (schema.get("anyOf") instanceof List<?> alternatives) {
            List<String> first = new ArrayList<>();
            for (Object alternative : alternatives) {
                List<String> these = new ArrayList<>();
                Map<String, Object> a = (Map<String, Object>) alternative;
                if (value == null ? types(a).contains("null") : !types(a).equals(List.of("null"))) {
                    check(where, value, a, these, depth + 1);
                    if (these.isEmpty()) {
                        return;
                    }
                    first.addAll(these);
                }
            }
            defects.add(first.isEmpty() ? where + " matches none of its documented forms" : first.get(0));
            return;
        }
        if (value == null) {
            if (!Boolean.TRUE.equals(schema.get("nullable")) && !types(schema).contains("null") && !types(schema).isEmpty()) {
                defects.add(where + " is null but not documented as nullable");
            }
            return;
        }
        List<String> types = types(schema);
        if (!types.isEmpty() && types.stream().noneMatch(t -> is(t, value))) {
            if (value instanceof String && schema.containsKey("enum")) {
                defects.add(where + " is not one of its documented values");
                return;
            }
            defects.add(where + " is " + value.getClass().getSimpleName() + ", documented as " + types);
            return;
        }
        if (value instanceof String text && schema.get("enum") instanceof List<?> values && !values.contains(text)) {
            defects.add(where + " '" + text + "' is not one of its documented values");
        }
        if (value instanceof Map<?, ?> object) {
            for (Object name : (List<Object>) schema.getOrDefault("required", List.of())) {
                if (!object.containsKey(name)) {
                    defects.add(where + "." + name + " is required but absent");
                }
            }
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            for (Map.Entry<String, Object> p : properties.entrySet()) {
                if (object.containsKey(p.getKey())) {
                    check(where + "." + p.getKey(), object.get(p.getKey()), (Map<String, Object>) p.getValue(), defects, depth + 1);
                }
            }
        } else if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < Math.min(list.size(), 3); i++) {
                check(where + "[" + i + "]", list.get(i), (Map<String, Object>) items, defects, depth + 1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof String t) {
            return List.of(t);
        }
        return type instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static boolean is(String type, Object value) {
        return switch (type) {
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            case "string" -> value instanceof String;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "boolean" -> value instanceof Boolean;
            case "null" -> false;
            default -> true;
        };
    }
}
