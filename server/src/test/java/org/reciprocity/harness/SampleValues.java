package org.reciprocity.harness;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A valid value for each request-body field, chosen by the field's name (the document types most
 * enumerations and dates as plain strings, so the schema alone cannot say what passes validation).
 * A plausible body matters: a request refused for a missing field never reaches the ownership check
 * the matrix is after. Fields that name another object ({@code ...Id}) are left out: they are the
 * slots the matrix fills with the owner's ids.
 */
public final class SampleValues {

    private final LocalDate today;

    public SampleValues(LocalDate today) {
        this.today = today;
    }

    public static boolean isIdField(String name) {
        return name.endsWith("Id") && !name.equals("id");
    }

    /** A body that passes validation for a caller acting on their own behalf (id fields left out). */
    public Map<String, Object> body(ApiDocs.Body body) {
        Map<String, Object> values = new LinkedHashMap<>();
        body.properties().forEach((name, schema) -> {
            Object value = isIdField(name) ? null : value(body.schemaName(), name, schema);
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }

    @SuppressWarnings("unchecked")
    public Object value(String schemaName, String name, Map<String, Object> schema) {
        String type = String.valueOf(schema.getOrDefault("type", "string"));
        if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (name) {
            case "email" -> "harness-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            case "password" -> "SignUp".equals(schemaName) ? "a long harness passphrase 42" : "not the password at all";
            case "currentPassword" -> "not the password at all";
            case "newPassword" -> "another fine harness passphrase";
            case "displayName" -> "Harness Person";
            case "name" -> "Harness " + UUID.randomUUID().toString().substring(0, 6);
            case "note" -> "NewRequest".equals(schemaName)
                    ? "We met at the testing meetup in Lisbon and talked about contract tests for APIs."
                    : "Thank you, this helped me a lot with the release.";
            case "reason" -> "Both of them work on API testing and could learn from each other.";
            case "title" -> "Help with an API test harness";
            case "details", "description" -> "Reviewed the design of a test harness";
            case "kind" -> "ADVICE";
            case "direction" -> "GAVE";
            case "weight" -> 2;
            case "type" -> "CALL";
            case "tier" -> "CLOSE";
            case "status" -> "CLOSED";
            case "frequency" -> "WEEKLY";
            case "visibility" -> "object".equals(type) ? Map.of() : "COMMUNITY";
            case "occurredOn" -> today.minusDays(1).toString();
            case "dueOn" -> today.plusDays(7).toString();
            case "expiresOn" -> today.plusDays(20).toString();
            case "until" -> today.plusDays(3).toString();
            case "days" -> 1;
            case "idealDays" -> 10;
            case "maxDays" -> 20;
            case "capacityPerMonth" -> 3;
            case "timeZone" -> "Europe/Lisbon";
            case "culture" -> "WESTERN_EUROPE";
            case "openTo" -> List.of("MENTORING");
            case "languages" -> List.of("English");
            case "url" -> "https://127.0.0.1:9/harness";
            case "events" -> List.of("exchange.recorded");
            case "inviteCode" -> null;
            default -> switch (type) {
                case "integer", "number" -> 1;
                case "boolean" -> false;
                case "array" -> "string".equals(((Map<String, Object>) schema.getOrDefault("items", Map.of())).get("type"))
                        ? List.of("harness") : List.of();
                case "object" -> Map.of();
                default -> "harness";
            };
        };
    }
}
