package org.reciprocity.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The core API under a mixed load (issue 14, item 8): each request type has its own group of virtual
 * users, each user sending one request (or one record-and-confirm pair) and being replaced at once by the
 * next (a closed model at constant concurrency). Every read group is as large as the group on the bare
 * authenticated endpoint (GET /api/v1/me), so a read's throughput over the bare endpoint's, in the same run
 * on the same cores, is how much of the server's capacity for "authenticate and answer" that read keeps.
 * The write group takes the users left over.
 *
 * <p>System properties: {@code users} (50), {@code duration} (ISO-8601 or 10m, 90s: 10m), {@code baseUrls}
 * (comma-separated, users spread over them: http://127.0.0.1:8081), {@code members} (the feeder that
 * PrepareLoadTest wrote: ../target/loadtest-members.csv), {@code writerMembers} (12 of them write).
 */
public class CoreApiSimulation extends Simulation {

    static final int READ_TYPES = 7;

    private final int users = Integer.getInteger("users", 50);
    private final Duration duration = duration(System.getProperty("duration", "10m"));
    private final String[] baseUrls = System.getProperty("baseUrls", "http://127.0.0.1:8081").split(",");
    /**
     * The last members of the feeder (an even number: they pair among themselves) only write, the others only
     * read: the favors the writers record pile up in the writers' ledgers, and they would otherwise use up
     * the readers' monthly capacity, after which give-first answers an empty list at once.
     */
    private final int writerMembers = Integer.getInteger("writerMembers", 12);
    private final List<Map<String, Object>> rows =
            csv(System.getProperty("members", "../target/loadtest-members.csv")).readRecords();
    private final FeederBuilder<Object> readers = listFeeder(rows.subList(0, rows.size() - writerMembers)).circular();
    private final FeederBuilder<Object> writers = listFeeder(rows.subList(rows.size() - writerMembers, rows.size())).circular();
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    private final HttpProtocolBuilder protocol = http.baseUrls(baseUrls)
            .acceptHeader("application/json")
            .contentTypeHeader("application/json")
            .userAgentHeader("reciprocity-load/1");

    {
        int perType = Math.max(1, users / (READ_TYPES + 1));
        int writers = Math.max(1, users - READ_TYPES * perType);
        List<PopulationBuilder> groups = new ArrayList<>();
        groups.add(read("GET /api/v1/me (bare)", "/api/v1/me", perType));
        groups.add(read("GET /api/v1/health", "/api/v1/health", perType));
        groups.add(read("GET /api/v1/balances", "/api/v1/balances", perType));
        groups.add(read("GET /api/v1/agenda", "/api/v1/agenda", perType));
        groups.add(read("GET /api/v1/asks/{id}/matches", "/api/v1/asks/#{askId}/matches", perType));
        groups.add(read("GET /api/v1/me/give-first", "/api/v1/me/give-first", perType));
        groups.add(read("GET /api/v1/members?q=", "/api/v1/members?q=#{searchTerm}&limit=20", perType));
        groups.add(recordAndConfirm(writers));
        System.out.printf("Load test: %d users per read type, %d writing, for %s against %s%n", perType, writers, duration,
                String.join(", ", baseUrls));
        setUp(groups).protocols(protocol).maxDuration(duration.plusMinutes(1));
    }

    private PopulationBuilder read(String name, String path, int concurrent) {
        ScenarioBuilder scenario = scenario(name).feed(readers)
                .exec(http(name).get(path).header("Authorization", "Bearer #{token}").check(status().is(200)));
        return scenario.injectClosed(constantConcurrentUsers(concurrent).during(duration));
    }

    /** A favor recorded by one member and confirmed by its counterpart, the member's partner. */
    private PopulationBuilder recordAndConfirm(int concurrent) {
        String favor = """
                {"direction": "GAVE", "counterpartMemberId": "#{partnerMemberId}", "kind": "ADVICE",
                 "description": "Load-test advice", "weight": 2, "occurredOn": "%s"}""".formatted(today);
        ScenarioBuilder scenario = scenario("record and confirm").feed(writers)
                .exec(http("POST /api/v1/exchanges").post("/api/v1/exchanges")
                        .header("Authorization", "Bearer #{token}").body(StringBody(favor))
                        .check(status().is(201), jsonPath("$.id").saveAs("exchangeId")))
                .exec(http("POST /api/v1/exchanges/{id}/confirm").post("/api/v1/exchanges/#{exchangeId}/confirm")
                        .header("Authorization", "Bearer #{partnerToken}").body(StringBody("{}"))
                        .check(status().is(200)));
        return scenario.injectClosed(constantConcurrentUsers(concurrent).during(duration));
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase());
        }
        long amount = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("duration: 10m, 90s or ISO-8601, not " + text);
        };
    }
}
