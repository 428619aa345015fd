package org.reciprocity.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.SecondInstance;
import org.reciprocity.webhooks.WebhookDispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * After-commit work is recorded in the write's transaction: a favor recorded on one application
 * instance that is then stopped before it sent anything is still announced, by the instance that
 * runs next on the same database.
 */
class OutboxIntegrationTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    WebhookDispatcher dispatcher;

    /** A second application on the test's database, whose own dispatcher never runs. */
    ConfigurableApplicationContext secondInstance() {
        return SecondInstance.start(environment);
    }

    @Test
    void aFavorRecordedOnAStoppedInstanceIsStillAnnounced() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Account admin = admin();
        mvc.perform(apiPut("/api/v1/admin/settings", admin.token(), json("allowPrivateWebhookTargets", true)));
        try {
            Account ana = newAccount("Ana Outbox");
            Account ben = newAccount("Ben Outbox");
            String exchangeId;
            try (ConfigurableApplicationContext other = secondInstance()) {
                int otherPort = SecondInstance.port(other);
                HttpClient client = HttpClient.newHttpClient();
                post(client, otherPort, "/api/v1/webhooks", ana.token(), "{\"url\": \"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\", \"events\": [\"exchange.recorded\"]}");
                String favor = post(client, otherPort, "/api/v1/exchanges", ana.token(), json("direction", "GAVE",
                        "counterpartMemberId", ben.id(), "kind", "ADVICE", "description", "Reviewed the outbox design",
                        "weight", 2, "occurredOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())); // that instance's real clock
                exchangeId = JsonPath.read(favor, "$.id");
            }
            // that instance is gone; nothing was sent yet. This one sends what it committed.
            assertThat(received).isEmpty();
            // the other instance queued the delivery on the real clock; bring the test's clock up to it
            java.time.Duration behind = java.time.Duration.between(clock.instant(), java.time.Instant.now());
            clock.advance((behind.isNegative() ? java.time.Duration.ZERO : behind).plusMinutes(1));
            // other tests' slow deliveries to this host may still be in flight: poll until it is sent
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                dispatcher.runDue();
                Thread.sleep(received.isEmpty() ? 200 : 0);
            }
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("exchange.recorded").contains(exchangeId);
        } finally {
            receiver.stop(0);
            mvc.perform(apiPut("/api/v1/admin/settings", admin.token(), json("allowPrivateWebhookTargets", false)));
        }
    }

    private static String post(HttpClient client, int port, String path, String token, String body) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(201);
        return response.body();
    }
}
