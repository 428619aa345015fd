package org.reciprocity.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations of the OpenAPI document the server publishes at {@code /v3/api-docs}: what the
 * harnesses generate their requests from, so that a new endpoint is covered without editing them.
 */
public record ApiDocs(List<Operation> operations, Map<String, Map<String, Object>> schemas) {

    public record Parameter(String name, String in, String type, boolean required) {}

    /** A request body: its media type and its schema with {@code $ref}s resolved one level. */
    public record Body(String mediaType, String schemaName, Map<String, Object> schema) {

        public boolean isJson() {
            return mediaType.contains("json");
        }

        public boolean isMultipart() {
            return mediaType.startsWith("multipart/");
        }

        /** Property name to its schema, in document order. */
        @SuppressWarnings("unchecked")
        public Map<String, Map<String, Object>> properties() {
            Object p = schema.get("properties");
            return p instanceof Map<?, ?> m ? (Map<String, Map<String, Object>>) m : Map.of();
        }
    }

    /**
     * @param responses each documented status with the schema of its JSON answer (resolved from
     *                  {@code $ref}), or an empty map when it documents no JSON body
     */
    public record Operation(String method, String path, List<Parameter> parameters, Body body,
                            Map<String, Map<String, Object>> responses) {

        public String key() {
            return method + " " + path;
        }

        public boolean isRead() {
            return method.equals("GET");
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }
    }

    @SuppressWarnings("unchecked")
    public static ApiDocs parse(String json) {
        Map<String, Object> doc = Json.object(json);
        Map<String, Object> components = (Map<String, Object>) doc.getOrDefault("components", Map.of());
        Map<String, Map<String, Object>> schemas = (Map<String, Map<String, Object>>) components.getOrDefault("schemas", Map.of());
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) doc.getOrDefault("paths", Map.of());
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) path.getValue()).entrySet()) {
                Map<String, Object> spec = (Map<String, Object>) op.getValue();
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters(spec),
                        body(spec, schemas), responses(spec)));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return new ApiDocs(List.copyOf(operations), schemas);
    }

    public List<Operation> api() {
        return operations.stream().filter(o -> o.path().startsWith("/api/v1/")).toList();
    }

    /**
     * Operations that act only on the caller's own credentials and would cut the harness off from the
     * server (revoking every token of the caller): they name no one else's object, so there is nothing to
     * probe, and the harnesses leave them to their own tests.
     */
    static final java.util.Set<String> CALLER_ONLY = java.util.Set.of("POST /api/v1/tokens/revoke-all");

    /** {@link #api()} without {@link #CALLER_ONLY}. */
    public List<Operation> probeable() {
        return api().stream().filter(o -> !CALLER_ONLY.contains(o.key())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> responses(Map<String, Object> spec) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> r : ((Map<String, Object>) spec.getOrDefault("responses", Map.of())).entrySet()) {
            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) r.getValue()).getOrDefault("content", Map.of());
            Map<String, Object> json = (Map<String, Object>) content.getOrDefault("application/json", Map.of());
            result.put(r.getKey(), (Map<String, Object>) json.getOrDefault("schema", Map.of()));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Parameter> parameters(Map<String, Object> spec) {
        List<Parameter> result = new ArrayList<>();
        for (Object p : (List<Object>) spec.getOrDefault("parameters", List.of())) {
            Map<String, Object> param = (Map<String, Object>) p;
            Map<String, Object> schema = (Map<String, Object>) param.getOrDefault("schema", Map.of());
            result.add(new Parameter((String) param.get("name"), (String) param.get("in"),
                    (String) schema.getOrDefault("type", "string"), Boolean.TRUE.equals(param.get("required"))));
        }
        return List.copyOf(result);
    }

    @SuppressWarnings("unchecked")
    private static Body body(Map<String, Object> spec, Map<String, Map<String, Object>> schemas) {
        Map<String, Object> requestBody = (Map<String, Object>) spec.get("requestBody");
        if (requestBody == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) requestBody.getOrDefault("content", Map.of());
        if (content.isEmpty()) {
            return null;
        }
        Map.Entry<String, Object> first = content.entrySet().iterator().next();
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) first.getValue()).getOrDefault("schema", Map.of());
        String name = null;
        if (schema.get("$ref") instanceof String ref) {
            name = ref.substring(ref.lastIndexOf('/') + 1);
            schema = schemas.getOrDefault(name, Map.of());
        }
        return new Body(first.getKey(), name, new LinkedHashMap<>(schema));
    }
}
