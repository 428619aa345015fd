package org.reciprocity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.NodePackages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document is one a client generator can trust: Redocly's linter, with its recommended
 * rules, finds no error in it, and every operation has a summary, a readable unique id, its security
 * and its problem responses.
 */
class ApiDocsIntegrationTest extends IntegrationTest {

    /** Pinned, so a new linter cannot change what the test checks unnoticed. */
    static final String REDOCLY = "2.77.0";
    static final JsonMapper JSON = JsonMapper.builder().build();

    JsonNode document() throws Exception {
        return JSON.readTree(http("GET", "/v3/api-docs", null).body());
    }

    @Test
    void redoclyFindsNoErrorInTheDocument() throws Exception {
        String body = http("GET", "/v3/api-docs", null).body();
        Path dir = NodePackages.install("@redocly/cli", REDOCLY);
        Path spec = dir.resolve("openapi.json");
        Files.writeString(spec, body);
        Path config = dir.resolve("redocly.yaml");
        Files.writeString(config, "extends:\n  - recommended\n");
        NodePackages.Run lint = NodePackages.node(dir, 240, dir.resolve("node_modules/@redocly/cli/bin/cli.js").toString(),
                "lint", "--config", config.toString(), "--format", "json", spec.toString());
        JsonNode report = JSON.readTree(lint.out().isBlank() ? "{}" : lint.out());
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        for (JsonNode problem : report.path("problems")) {
            String line = problem.path("ruleId").asString() + ": " + problem.path("message").asString() + " at "
                    + problem.path("location").path(0).path("pointer").asString();
            if ("error".equals(problem.path("severity").asString())) {
                errors.add(line);
            } else {
                warnings++;
            }
        }
        System.out.printf("%nRedocly %s lint of /v3/api-docs: %d errors, %d warnings%n%s%n", REDOCLY, errors.size(), warnings,
                String.join("\n", errors));
        assertThat(lint.err()).as("the linter ran").doesNotContain("Error: Cannot find module");
        assertThat(report.has("problems")).as("the linter's report: %s %s", lint.out(), lint.err()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void everyOperationHasASummaryAUniqueIdItsSecurityAndItsProblems() throws Exception {
        JsonNode doc = document();
        Set<String> ids = new HashSet<>();
        List<String> defects = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                String id = operation.path("operationId").asString();
                if (!id.matches("[a-z][A-Za-z]+") || !ids.add(id)) {
                    defects.add(where + ": operation id '" + id + "' is not a unique readable name");
                }
                if (operation.path("summary").asString().isBlank()) {
                    defects.add(where + ": no summary");
                }
                if (!operation.has("security")) {
                    defects.add(where + ": no security requirement");
                }
                JsonNode responses = operation.path("responses");
                if (!responses.has("400") || !responses.has("429")) {
                    defects.add(where + ": problem responses missing");
                }
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (response.getKey().startsWith("4") && !response.getValue().path("content").has("application/problem+json")) {
                        defects.add(where + ": " + response.getKey() + " is not application/problem+json");
                    }
                    if (response.getKey().startsWith("2") && response.getValue().path("content").has("*/*")) {
                        defects.add(where + ": " + response.getKey() + " typed */*");
                    }
                }
            }
        }
        assertThat(defects).isEmpty();
        assertThat(doc.path("components").path("securitySchemes").has(ApiDocs.BEARER)).isTrue();
        assertThat(doc.path("info").path("license").path("name").asString()).isNotBlank();
        assertThat(doc.path("info").path("contact").path("url").asString()).isNotBlank();
    }

    @Test
    void createsAreDocumentedWithTheirRealStatus() throws Exception {
        JsonNode paths = document().path("paths");
        assertThat(paths.path("/api/v1/exchanges").path("post").path("responses").has("201")).isTrue();
        assertThat(paths.path("/api/v1/exchanges").path("post").path("responses").has("200")).isFalse();
        assertThat(paths.path("/api/v1/contacts/imports").path("post").path("responses").has("202")).isTrue();
        assertThat(paths.path("/api/v1/tokens/{id}").path("delete").path("responses").has("204")).isTrue();
        assertThat(paths.path("/api/v1/tokens").path("post").path("security").path(0).has(ApiDocs.BASIC)).isTrue();
        assertThat(paths.path("/api/v1/accounts").path("post").path("security").size()).isZero();
    }

    @Test
    void theImportsFileAndFormatAreDocumentedAsRequired() throws Exception {
        JsonNode op = document().path("paths").path("/api/v1/contacts/imports").path("post");
        Set<String> required = new HashSet<>();
        for (JsonNode parameter : op.path("parameters")) {
            if (parameter.path("required").asBoolean()) {
                required.add(parameter.path("name").asString());
            }
        }
        for (JsonNode name : op.path("requestBody").path("content").path("multipart/form-data").path("schema").path("required")) {
            required.add(name.asString());
        }
        assertThat(required).as(op.toString()).contains("file", "format");
    }
}
