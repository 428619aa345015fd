package org.reciprocity.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.TestDatabases;

/**
 * At least 10,000 seeded hostile requests over every operation of the OpenAPI document, sent over
 * real HTTP (a raw socket, so malformed URLs reach Tomcat as sent). Whatever the input: no 5xx,
 * every 4xx is an RFC 9457 problem with type, title, status and detail, and no response names a
 * Java exception. {@code -Dfuzz.seed=} replays a run, {@code -Dfuzz.requests=} changes its length.
 */
class FuzzIntegrationTest extends IntegrationTest {

    private static final Pattern EXCEPTION_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Za-z]*Exception");
    private static final List<String> PROBLEM_FIELDS = List.of("type", "title", "status", "detail");

    @Test
    void noInputMakesTheApiFailOrShowItsInternals() {
        long seed = Long.getLong("fuzz.seed", new Random().nextLong());
        int requests = Integer.getInteger("fuzz.requests", 10_000);
        System.out.printf("%nFuzz (%s): seed %d, %d requests (replay with -Dfuzz.seed=%d -Dfuzz.requests=%d)%n",
                TestDatabases.kind(), seed, requests, seed, requests);
        Api api = new Api(new RawHttp(port));
        ApiDocs docs = ApiDocs.parse(api.get("/v3/api-docs", null).body());
        Api.Member member = api.signUp("Fuzz Member", PASSWORD);
        LocalDate today = LocalDate.parse(Json.string(api.get("/api/v1/agenda", member.token()).body(), "today"));
        List<String> ids = ownObjects(api, member, api.signUp("Fuzz Friend", PASSWORD), today);
        Fuzzer fuzzer = new Fuzzer(seed, docs.probeable(), today, member.token(), member.email(), ids);

        Findings findings = new Findings();
        Contract contract = new Contract(docs);
        Set<String> successesChecked = new TreeSet<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> covered = new TreeSet<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            Fuzzer.Case c = fuzzer.next();
            RawHttp.Response response = api.send(c.request());
            statuses.merge(response.status(), 1, Integer::sum);
            covered.add(c.operation().key());
            judge(c, response, findings);
            // the contract: a documented status, and a success body with its documented fields and types
            // only when the request went to the operation it was made for (not a mutated method)
            if (response.status() > 0 && c.request().method().equals(c.operation().method())) {
                for (String defect : contract.defects(c.operation(), response.status(), response.contentType(), response.body())) {
                    findings.add(c.operation().key(), "contract: " + defect.replaceAll("\\[\\d+]", "[]"), c.request(), response);
                }
                if (response.is2xx()) {
                    successesChecked.add(c.operation().key());
                }
            }
            if (response.is2xx()) {
                fuzzer.remember(Json.string(response.body(), "id"));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String report = String.format("Fuzz (%s): seed %d, %d requests in %.0f s (%.0f/s) over %d of %d operations; statuses %s%n"
                        + "contract: every status checked against the document; success bodies checked on "
                        + successesChecked.size() + " operations%n"
                        + "failures: %d responses, %d distinct (operation | cause)%n%s%nthe same by cause:%n%s",
                TestDatabases.kind(), seed, requests, seconds, requests / seconds, covered.size(), docs.probeable().size(), statuses,
                findings.total(), findings.all().size(), findings.report(), findings.byCause(FuzzIntegrationTest::rootCause));
        System.out.println(report);
        Findings.save("fuzz-" + TestDatabases.kind() + ".txt", report);
        assertThat(covered).as("operations the fuzzer reached").hasSize(docs.probeable().size());
        assertThat(findings.all()).as("fuzz failures (seed %d):%n%s", seed, findings.report()).isEmpty();
    }

    private static void judge(Fuzzer.Case c, RawHttp.Response r, Findings findings) {
        String operation = c.operation().key();
        // combined mutations vary too much to name a cause: one entry per operation and status, with an example
        String after = c.mutation().contains("combined: ") ? "combined mutations" : c.mutation();
        if (r.status() < 0) {
            findings.add(operation, "no HTTP response (" + Text.excerpt(r.body(), 60) + ") after " + after, c.request(), r);
        } else if (r.status() >= 500) {
            findings.add(operation, r.status() + " after " + after, c.request(), r);
        } else if (r.status() == 400 && r.body().isEmpty() && notHttp(c.request())) {
            // a request line with raw non-ASCII bytes, or longer than the server takes, is not HTTP: Tomcat's
            // parser refuses it with a bare 400 before any application code, valve or error page can run
        } else if (r.status() >= 400) {
            String problem = problemDefect(r);
            if (problem != null) {
                findings.add(operation, r.status() + " " + problem + " after " + after, c.request(), r);
            }
        }
        if (EXCEPTION_NAME.matcher(r.body()).find() || r.body().contains("Exception:")) {
            findings.add(operation, "a Java exception name in the response after " + after, c.request(), r);
        }
    }

    /** Whether the request line itself breaks HTTP/1.1 (RFC 9112 §3): raw bytes outside ASCII, or over the 8 kB limit. */
    static boolean notHttp(RawHttp.Request request) {
        return request.target().chars().anyMatch(ch -> ch > 0x7e) || request.target().length() > 8_000;
    }

    /** A cause without the parameter's name and the caller: the same input breaking the same way anywhere. */
    private static String rootCause(String cause) {
        return cause.replace("anonymous, ", "")
                .replaceAll("path \\w+: ", "path parameter: ")
                .replaceAll("query \\w+ repeated", "query parameter repeated")
                .replaceAll("query \\w+: ", "query parameter: ")
                .replaceAll("body \\w+: ", "body field: ");
    }

    /** What is wrong with a 4xx as an RFC 9457 problem, or null when nothing is. */
    private static String problemDefect(RawHttp.Response r) {
        if (!r.isProblemJson()) {
            return "is not application/problem+json (Content-Type: " + (r.contentType().isEmpty() ? "none" : r.contentType()) + ")";
        }
        Map<String, Object> problem = Json.object(r.body());
        List<String> missing = PROBLEM_FIELDS.stream().filter(f -> problem.get(f) == null).toList();
        if (!missing.isEmpty()) {
            return "problem lacks " + String.join(", ", missing);
        }
        if (!String.valueOf(r.status()).equals(String.valueOf(problem.get("status")))) {
            return "problem says status " + problem.get("status");
        }
        return null;
    }

    /** Objects of the fuzzing member, so that valid ids reach the handlers beyond their not-found checks. */
    private static List<String> ownObjects(Api api, Api.Member member, Api.Member friend, LocalDate today) {
        String me = member.token();
        List<String> ids = new ArrayList<>();
        String request = api.create("/api/v1/connection-requests", me, Map.of("toMemberId", friend.id(),
                "note", "We worked together on the fuzzing harness last spring."));
        api.ok("POST", "/api/v1/connection-requests/" + request + "/accept", friend.token(), null);
        String contact = api.create("/api/v1/contacts", me, Map.of("name", "Fuzz Contact", "tier", "CLOSE"));
        String ask = api.create("/api/v1/asks", me, Map.of("title", "Fuzz ask", "details", "Help me fuzz"));
        String friendsAsk = api.create("/api/v1/asks", friend.token(), Map.of("title", "Friend's ask", "details", "Help"));
        String occurred = today.minusDays(3).toString();
        ids.addAll(List.of(friend.id(), member.id(), request, contact, ask, friendsAsk,
                api.create("/api/v1/exchanges", me, Map.of("direction", "GAVE", "counterpartMemberId", friend.id(),
                        "kind", "ADVICE", "description", "Fuzz favor", "weight", 2, "occurredOn", occurred)),
                api.create("/api/v1/exchanges", friend.token(), Map.of("direction", "GAVE", "counterpartMemberId", member.id(),
                        "kind", "ADVICE", "description", "Favor to confirm", "weight", 2, "occurredOn", occurred)),
                api.create("/api/v1/exchanges", me, Map.of("direction", "RECEIVED", "contactId", contact,
                        "kind", "ADVICE", "description", "Private favor", "weight", 2, "occurredOn", occurred)),
                api.create("/api/v1/asks/" + friendsAsk + "/pledges", me, Map.of("note", "I can", "dueOn", today.plusDays(5).toString())),
                api.create("/api/v1/interactions", me, Map.of("contactId", contact, "type", "MEETING", "occurredOn", occurred))));
        for (Map<String, Object> item : Json.items(api.get("/api/v1/agenda", me).body())) {
            if (item.get("reminderId") instanceof String id) {
                ids.add(id);
            }
        }
        return ids;
    }
}
