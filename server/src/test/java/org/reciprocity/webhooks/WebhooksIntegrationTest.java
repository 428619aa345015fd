package org.reciprocity.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

class WebhooksIntegrationTest extends IntegrationTest {

    record Received(String signature, String event, String body, byte[] raw) {}

    @Autowired
    WebhookDispatcher dispatcher;

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    /** A local receiver that answers 500 {@code failures} times, then 204. */
    String receiver(int failures) throws Exception {
        failuresLeft.set(failures);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Reciprocity-Signature"),
                    exchange.getRequestHeaders().getFirst("Reciprocity-Event"), new String(raw, StandardCharsets.UTF_8), raw));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stopReceiver() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        mvc.perform(apiPut("/api/v1/admin/settings", admin().token(), json("allowPrivateWebhookTargets", false)));
    }

    /** The delivery log, to say why a delivery did not arrive. */
    String log(Account owner, String hook) {
        try {
            return mvc.perform(apiGet("/api/v1/webhooks/" + hook + "/deliveries", owner.token())).andReturn().getResponse()
                    .getContentAsString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    @Test
    void privateAndPlainHttpTargetsAreRefusedUnlessAnAdminAllowsThem() throws Exception {
        Account ana = newAccount("Ana Hooks");
        for (String url : new String[] {"http://example.org/hook", "https://127.0.0.1/hook", "https://localhost:8443/x",
                "https://10.1.2.3/hook", "https://[::1]/hook", "https://169.254.169.254/latest", "ftp://example.org"}) {
            mvc.perform(apiPost("/api/v1/webhooks", ana.token(), "{\"url\":\"" + url + "\",\"events\":[\"exchange.recorded\"]}"))
                    .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("url"));
        }
        mvc.perform(apiPost("/api/v1/webhooks", ana.token(), "{\"url\":\"https://127.0.0.1/hook\",\"events\":[\"nope\"]}"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(apiPut("/api/v1/admin/settings", ana.token(), json("allowPrivateWebhookTargets", true)))
                .andExpect(status().isForbidden());
        mvc.perform(apiPut("/api/v1/admin/settings", admin().token(), json("allowPrivateWebhookTargets", true)))
                .andExpect(jsonPath("$.allowPrivateWebhookTargets").value(true));
        mvc.perform(apiPost("/api/v1/webhooks", ana.token(), "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"exchange.recorded\"]}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.secret").isString());
    }

    @Test
    void signedDeliveriesAreRetriedWithBackOffUntilTheReceiverAccepts() throws Exception {
        String url = receiver(2);
        mvc.perform(apiPut("/api/v1/admin/settings", admin().token(), json("allowPrivateWebhookTargets", true)));
        // a clock 700 ns past a microsecond: H2 rounds such an instant up when storing it
        clock.advance(Duration.ofNanos(1000 - clock.instant().getNano() % 1000 + 700));
        Account ana = newAccount("Ana Receives");
        Account ben = newAccount("Ben Records");
        String created = mvc.perform(apiPost("/api/v1/webhooks", ana.token(),
                        "{\"url\":\"" + url + "\",\"events\":[\"exchange.recorded\",\"exchange.confirmed\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String hook = JsonPath.read(created, "$.id");
        String secret = JsonPath.read(created, "$.secret");
        mvc.perform(apiGet("/api/v1/webhooks", ana.token())).andExpect(jsonPath("$.items[0].secret").doesNotExist());

        mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE", "counterpartMemberId", ana.id(),
                "kind", "ADVICE", "description", "Reviewed her pitch", "weight", 2, "occurredOn", today().toString())))
                .andExpect(status().isCreated());

        dispatcher.runDue();
        assertThat(received).as(() -> log(ana, hook)).hasSize(1);
        mvc.perform(apiGet("/api/v1/webhooks/" + hook + "/deliveries", ana.token()))
                .andExpect(jsonPath("$.items[0].state").value("PENDING"))
                .andExpect(jsonPath("$.items[0].attempts").value(1))
                .andExpect(jsonPath("$.items[0].lastStatus").value(500));
        dispatcher.runDue();
        assertThat(received).as("not before the back-off has passed").hasSize(1);
        clock.advance(Duration.ofSeconds(30));
        dispatcher.runDue();
        assertThat(received).hasSize(2);
        clock.advance(Duration.ofSeconds(59));
        dispatcher.runDue();
        assertThat(received).as("the second wait is twice as long").hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.runDue();
        assertThat(received).hasSize(3);
        mvc.perform(apiGet("/api/v1/webhooks/" + hook + "/deliveries", ana.token()))
                .andExpect(jsonPath("$.items[0].state").value("DELIVERED"))
                .andExpect(jsonPath("$.items[0].attempts").value(3));

        Received last = received.get(2);
        assertThat(last.event()).isEqualTo("exchange.recorded");
        Matcher signature = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(last.signature());
        assertThat(signature.matches()).isTrue();
        assertThat(signature.group(2)).isEqualTo(WebhookDispatcher.sign(secret, Long.parseLong(signature.group(1)), last.body()));
        assertThat(signature.group(2)).isNotEqualTo(WebhookDispatcher.sign("whsec_wrong", Long.parseLong(signature.group(1)), last.body()));
        assertThat(JsonPath.<String>read(last.body(), "$.data.exchange.description")).isEqualTo("Reviewed her pitch");
        assertThat(JsonPath.<String>read(last.body(), "$.data.exchange.counterpart.displayName")).isEqualTo("Ben Records");
    }

    @Test
    void anotherMemberCannotSeeOrDeleteYourWebhook() throws Exception {
        mvc.perform(apiPut("/api/v1/admin/settings", admin().token(), json("allowPrivateWebhookTargets", true)));
        Account ana = newAccount("Ana Owns");
        Account eve = newAccount("Eve Pries");
        String hook = JsonPath.read(mvc.perform(apiPost("/api/v1/webhooks", ana.token(),
                        "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"ask.matched\"]}"))
                .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiGet("/api/v1/webhooks/" + hook + "/deliveries", eve.token())).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/webhooks/" + hook)
                .header("Authorization", eve.bearer())).andExpect(status().isNotFound());
        mvc.perform(apiGet("/api/v1/webhooks", eve.token())).andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/webhooks/" + hook)
                .header("Authorization", ana.bearer())).andExpect(status().isNoContent());
    }

    /** The README's verification recipe, run as written against a real delivery: valid, then tampered. */
    @Test
    void theReadmesVerificationRecipeAcceptsARealDeliveryAndRefusesATamperedOne() throws Exception {
        String url = receiver(0);
        mvc.perform(apiPut("/api/v1/admin/settings", admin().token(), json("allowPrivateWebhookTargets", true)));
        Account ana = newAccount("Ana Verifies");
        Account ben = newAccount("Ben Gives");
        String secret = JsonPath.read(mvc.perform(apiPost("/api/v1/webhooks", ana.token(),
                        "{\"url\":\"" + url + "\",\"events\":[\"exchange.recorded\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.secret");
        mvc.perform(apiPost("/api/v1/exchanges", ben.token(), json("direction", "GAVE", "counterpartMemberId", ana.id(),
                "kind", "ADVICE", "description", "Relu par Zoë — 日本語 too", "weight", 2, "occurredOn", today().toString())))
                .andExpect(status().isCreated());
        dispatcher.runDue();
        assertThat(received).hasSize(1);
        Received delivery = received.get(0);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        Matcher recipe = Pattern.compile("<!-- webhook-verification -->\\s*```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(recipe.find()).as("the recipe in the README").isTrue();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("webhook-recipe");
        java.nio.file.Files.write(dir.resolve("body.json"), delivery.raw());
        long t = Long.parseLong(delivery.signature().replaceAll("^t=(\\d+),.*$", "$1"));
        assertThat(run(recipe.group(1), dir, secret, delivery.signature(), t + 10)).isEqualTo("valid");
        assertThat(run(recipe.group(1), dir, "whsec_not-the-secret", delivery.signature(), t + 10)).isEqualTo("invalid");
        assertThat(run(recipe.group(1), dir, secret, delivery.signature(), t + 301)).as("too old").isEqualTo("invalid");
        java.nio.file.Files.writeString(dir.resolve("body.json"), delivery.body().replace("Zoë", "Zoe"));
        assertThat(run(recipe.group(1), dir, secret, delivery.signature(), t + 10)).as("tampered body").isEqualTo("invalid");
    }

    /** Runs a shell snippet with the variables the README names; returns what it printed. */
    private static String run(String script, java.nio.file.Path dir, String secret, String signature, long now) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        bash.environment().put("SECRET", secret);
        bash.environment().put("SIG", signature);
        bash.environment().put("NOW", Long.toString(now));
        Process process = bash.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theOpenApiDocumentDescribesEveryEventAndItsSignature() throws Exception {
        String doc = http("GET", "/v3/api-docs", null).body();
        for (String event : WebhookEvent.TYPES) {
            assertThat(JsonPath.<Object>read(doc, "$.webhooks['" + event + "'].post.requestBody")).isNotNull();
        }
        assertThat(JsonPath.<String>read(doc, "$.webhooks['exchange.recorded'].post.description"))
                .contains("HMAC-SHA256").contains("lower-case hexadecimal").contains("5 minutes").contains("32 minutes");
        assertThat(JsonPath.<java.util.List<String>>read(doc, "$.components.schemas.WebhookExchangeEvent.required"))
                .contains("id", "event", "createdAt", "data");
    }
}
