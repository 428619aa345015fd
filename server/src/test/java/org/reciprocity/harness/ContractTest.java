package org.reciprocity.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check finds what it is there to find; the harnesses report 0 defects only because there are none. */
class ContractTest {

    private static final String DOC = """
            {"openapi":"3.1.0","paths":{"/api/v1/things/{id}":{"get":{"responses":{
              "200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Thing"}}}},
              "404":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{
              "Thing":{"type":"object","required":["id","status","tags"],"properties":{
                "id":{"type":"string"},"status":{"type":"string","enum":["OPEN","CLOSED"]},
                "tags":{"type":"array","items":{"type":"string"}},"note":{"type":["string","null"]}}},
              "Problem":{"type":"object"}}}}
            """;

    private final ApiDocs docs = ApiDocs.parse(DOC);
    private final Contract contract = new Contract(docs);
    private final ApiDocs.Operation get = docs.operations().get(0);

    @Test
    void aBodyAsDocumentedHasNoDefect() {
        assertThat(defects(200, "{\"id\":\"a\",\"status\":\"OPEN\",\"tags\":[\"x\"],\"note\":null}")).isEmpty();
        assertThat(defects(404, "{\"status\":404}")).isEmpty();
    }

    @Test
    void eachBreachIsNamed() {
        assertThat(defects(201, "{}")).containsExactly("status 201 is not documented");
        assertThat(defects(200, "{\"id\":\"a\",\"tags\":[]}")).containsExactly("body.status is required but absent");
        assertThat(defects(200, "{\"id\":1,\"status\":\"OPEN\",\"tags\":[]}")).containsExactly(
                "body.id is Integer, documented as [string]");
        assertThat(defects(200, "{\"id\":\"a\",\"status\":\"LOST\",\"tags\":[]}")).containsExactly(
                "body.status 'LOST' is not one of its documented values");
        assertThat(defects(200, "{\"id\":\"a\",\"status\":\"OPEN\",\"tags\":[7]}")).containsExactly(
                "body.tags[0] is Integer, documented as [string]");
        assertThat(defects(200, "{\"id\":null,\"status\":\"OPEN\",\"tags\":[]}")).containsExactly(
                "body.id is null but not documented as nullable");
    }

    @Test
    void theWatcherMatchesConcretePathsToTheirOperation() {
        ContractWatch watch = new ContractWatch(docs);
        watch.answered(RawHttp.Request.of("GET", "/api/v1/things/42?x=1"),
                new RawHttp.Response(200, Map.of("content-type", List.of("application/json")), "{\"id\":\"a\"}"));
        assertThat(watch.successesChecked()).containsExactly("GET /api/v1/things/{id}");
        assertThat(watch.findings().all()).hasSize(2);
    }

    private List<String> defects(int status, String body) {
        return contract.defects(get, status, "application/json", body);
    }
}
