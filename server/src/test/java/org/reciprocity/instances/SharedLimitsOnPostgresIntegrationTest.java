package org.reciprocity.instances;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.SecondInstance;
import org.reciprocity.TestDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * API rate limits are counted across instances: two instances with a budget of 5 writes a minute per token
 * let one token write 5 times between them, not 5 on each. Only on PostgreSQL, the one database several
 * server processes share (H2's file is held by one process, whose limits live in its own memory); the H2
 * run of the suite leaves this class out (server/pom.xml).
 */
class SharedLimitsOnPostgresIntegrationTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void oneTokensWriteBudgetIsSpentOnEitherInstance() throws Exception {
        assertThat(TestDatabases.kind()).isEqualTo("postgres");
        Account ana = newAccount("Ana Budget");
        String[] small = {"--reciprocity.limits.api.writes-per-minute=5"};
        try (ConfigurableApplicationContext b = SecondInstance.start(environment, small);
             ConfigurableApplicationContext c = SecondInstance.start(environment, small)) {
            HttpClient http = HttpClient.newHttpClient();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int port = SecondInstance.port(i % 2 == 0 ? b : c);
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/contacts")).header("Authorization", ana.bearer()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Budget contact " + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.add(created.statusCode());
                if (created.statusCode() == 429) {
                    assertThat(created.headers().firstValue("Retry-After")).isPresent();
                }
            }
            assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429);
        }
    }
}
