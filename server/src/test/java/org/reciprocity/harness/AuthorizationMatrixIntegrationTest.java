package org.reciprocity.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.harness.OwnerWorld.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every operation of the published OpenAPI document, called by an anonymous visitor, by another
 * ordinary member B and by the admin, with each of member A's ids in its path (or in an id field of
 * its query or body). Nobody but A may write to or read her private objects, anonymous callers get
 * 401 outside the two public operations, and no response anywhere shows A's secret markers, e-mail
 * address, tokens or webhook secret. The matrix is generated from the document, so a new endpoint is
 * covered without touching this test; one the document lacks fails the second test.
 */
class AuthorizationMatrixIntegrationTest extends IntegrationTest {

    private static final Set<String> PUBLIC_OPERATIONS = Set.of("POST /api/v1/accounts", "POST /api/v1/tokens");
    private static final int MAX_PAGES = 50;

    @Autowired
    private ApplicationContext context;

    private Api api;

    record Caller(String name, String token) {

        boolean anonymous() {
            return token == null;
        }
    }

    /** One cell of the matrix: an operation with one of A's ids in one place ({@code where}), or none. */
    record Probe(ApiDocs.Operation operation, String target, byte[] body, String contentType, String id, Kind kind,
                 String where, String echoed) {

        boolean carriesPrivateId() {
            return kind != null && kind.isPrivate();
        }
    }

    @BeforeEach
    void client() {
        api = new Api(new RawHttp(port));
    }

    @Test
    void nobodyButTheOwnerReachesHerPrivateObjectsAndNoResponseShowsThem() throws java.io.IOException {
        ApiDocs docs = ApiDocs.parse(api.get("/v3/api-docs", null).body());
        // from here on every answer, the owner's set-up calls included, is checked against the document
        ContractWatch contract = new ContractWatch(docs);
        api = new Api(new RawHttp(port), contract);
        Api.Member admin = api.existing(ADMIN_EMAIL, PASSWORD);
        LocalDate today = LocalDate.parse(Json.string(api.get("/api/v1/agenda", admin.token()).body(), "today"));
        OwnerWorld world = OwnerWorld.create(api, new OwnerWorld.People(member("Ada Owner"), member("Carol Conn"),
                member("Dave Conn"), member("Erin Asked"), member("Finn Asking"), member("Gus Blocked"), admin, PASSWORD), today);
        Api.Member b = member("Bea Stranger");
        // B lists what A's postings are about: were their visibility ignored, give-first and the like would offer them to B
        api.ok("PUT", "/api/v1/me/profile", b.token(), java.util.Map.of("headline", world.bait(), "skills", List.of(world.bait()),
                "interests", List.of(world.bait())));
        List<Caller> callers = List.of(new Caller("anonymous", null), new Caller("member B", b.token()),
                new Caller("admin", admin.token()));

        List<Probe> probes = new ArrayList<>();
        SampleValues samples = new SampleValues(today);
        for (ApiDocs.Operation operation : docs.probeable()) {
            probes.addAll(probes(operation, world, samples));
        }
        // others' objects that hold some of A's private data (C's asks carry A's pledges): readable, never showing it
        ApiDocs.Operation getPosting = docs.probeable().stream().filter(o -> o.key().equals("GET /api/v1/asks/{id}")).findFirst()
                .orElseThrow();
        for (String id : world.relatedPublicPostings()) {
            probes.add(probe(getPosting, "/api/v1/asks/" + id, null, null, null, "related", null));
        }
        // reads first, so that whatever a write might wrongly achieve cannot hide what a read shows
        probes.sort(Comparator.comparing(p -> !p.operation().isRead()));

        // a control: the owner does see her secrets where they are, so the scan below can find them
        assertThat(api.get("/api/v1/me", world.owner().token()).body()).contains(world.marker(), world.owner().email());
        assertThat(api.get("/api/v1/contacts?limit=200", world.owner().token()).body()).contains(world.marker());

        Matrix matrix = new Matrix(world);
        String settings = api.get("/api/v1/admin/settings", admin.token()).body();
        try {
            for (Probe probe : probes) {
                for (Caller caller : callers) {
                    matrix.run(caller, probe);
                }
            }
        } finally {
            // the admin's pass sends a sample body to PUT /admin/settings: put back what the other tests expect
            api.ok("PUT", "/api/v1/admin/settings", admin.token(), settings);
            // and suspends A with her member id in the path (rightly: an admin may): give her account back (409 when it was)
            api.call("POST", "/api/v1/admin/members/" + world.owner().id() + "/unsuspend", admin.token(), null);
        }
        writeCells(matrix.cells);
        for (String change : world.changesToOwnView()) {
            matrix.findings.add("A's own view", "changed while others called the API", change, 0, "");
        }

        // what only an owner can do successfully (decline, withdraw, delete), so that every success answer is checked
        new OwnersTour(api, admin, today).run();

        long withIds = probes.stream().filter(p -> p.id() != null).count();
        String report = String.format("%nAuthorization matrix (%s): %d operations × %d callers × A's ids (%d of them) = %d probes per caller"
                        + " (%d carry one of A's ids) × %d callers = %d cells; %d requests (with further pages), %d checks%n"
                        + "statuses by caller: %s%nfailures: %d (%d distinct)%n%s%n"
                        + "contract: every answer's status checked against the document, success bodies on %d of %d operations"
                        + " (not reached: %s); %d failures (%d distinct)%n%s%n",
                org.reciprocity.TestDatabases.kind(), docs.probeable().size(), callers.size(), world.allIds().size(), probes.size(),
                withIds, callers.size(), probes.size() * callers.size(), matrix.requests, matrix.checks, matrix.statuses,
                matrix.findings.total(), matrix.findings.all().size(), matrix.findings.report(),
                contract.successesChecked().size(), docs.api().size(), notReached(docs, contract), contract.findings().total(),
                contract.findings().all().size(), contract.findings().report());
        System.out.println(report);
        Findings.save("authorization-matrix-" + org.reciprocity.TestDatabases.kind() + ".txt", report);
        assertThat(matrix.findings.all()).as("authorization matrix failures:%n%s", matrix.findings.report()).isEmpty();
        assertThat(contract.findings().all()).as("answers that break the OpenAPI document:%n%s", contract.findings().report())
                .isEmpty();
    }

    private static List<String> notReached(ApiDocs docs, ContractWatch contract) {
        return docs.api().stream().map(ApiDocs.Operation::key).filter(k -> !contract.successesChecked().contains(k)).toList();
    }

    private Api.Member member(String name) {
        return api.signUp(name, PASSWORD);
    }

    @Test
    void everyApiRouteOfTheServerIsInTheOpenApiDocument() {
        Set<String> documented = ApiDocs.parse(api.get("/v3/api-docs", null).body()).api().stream()
                .map(ApiDocs.Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> routed = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/v1/")) {
                        if (methods.isEmpty()) {
                            routed.add("ANY " + pattern);
                        }
                        methods.forEach(m -> routed.add(m.name() + " " + pattern));
                    }
                }
            }
        }
        Set<String> undocumented = new TreeSet<>(routed);
        undocumented.removeAll(documented);
        Set<String> unrouted = new TreeSet<>(documented);
        unrouted.removeAll(routed);
        System.out.printf("%nRoutes under /api/v1: %d routed, %d documented; undocumented: %s; documented but not routed: %s%n",
                routed.size(), documented.size(), undocumented, unrouted);
        assertThat(undocumented).as("routes under /api/v1 that /v3/api-docs lacks").isEmpty();
        assertThat(unrouted).as("operations of /v3/api-docs that no controller serves").isEmpty();
    }

    /** Every cell with its answer, for reading the matrix after a run: target/harness/authorization-matrix-<db>.tsv. */
    private static void writeCells(List<String> cells) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Path.of("target", "harness",
                "authorization-matrix-" + org.reciprocity.TestDatabases.kind() + ".tsv");
        java.nio.file.Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("caller\toperation\tid in\tid kind\trequest\tstatus\tresponse");
        lines.addAll(cells);
        java.nio.file.Files.write(file, lines, StandardCharsets.UTF_8);
    }

    // --- generating the matrix from the document ---------------------------------------------------

    private List<Probe> probes(ApiDocs.Operation op, OwnerWorld world, SampleValues samples) {
        Map<String, Object> body = op.body() != null && op.body().isJson() ? samples.body(op.body()) : null;
        // no ?limit=: lists are read page by page at their default size, which every list accepts
        String query = "";
        List<Probe> probes = new ArrayList<>();
        List<ApiDocs.Parameter> pathParams = op.in("path");
        if (!pathParams.isEmpty()) {
            // one path parameter per operation in this API; any further one gets the first candidate of its kind
            ApiDocs.Parameter param = pathParams.get(0);
            for (String id : candidates(world, kindInPath(op.path(), param.name()))) {
                String path = op.path().replace("{" + param.name() + "}", id);
                for (ApiDocs.Parameter other : pathParams.subList(1, pathParams.size())) {
                    path = path.replace("{" + other.name() + "}", candidates(world, kindInPath(op.path(), other.name())).get(0));
                }
                probes.add(probe(op, path + query, body, id, world.kindOf(id), "path", null));
            }
            return probes;
        }
        probes.add(probe(op, op.path() + query, body, null, null, "none", null));
        String separator = query.isEmpty() ? "?" : query + "&";
        for (ApiDocs.Parameter param : op.in("query")) {
            if (SampleValues.isIdField(param.name())) {
                for (String id : candidates(world, kindOfField(param.name()))) {
                    probes.add(probe(op, op.path() + separator + param.name() + "=" + id, body, id, world.kindOf(id), "query", null));
                }
            } else if (param.name().equals("q")) {
                for (String text : world.privateTexts()) {
                    probes.add(probe(op, op.path() + separator + "q=" + text, body, null, null, "search", text));
                }
            }
        }
        if (body != null) {
            for (String field : op.body().properties().keySet()) {
                if (SampleValues.isIdField(field)) {
                    for (String id : candidates(world, kindOfField(field))) {
                        Map<String, Object> withId = new LinkedHashMap<>(body);
                        withId.put(field, id);
                        probes.add(probe(op, op.path() + query, withId, id, world.kindOf(id), "body", null));
                        // and once with A herself in the other member fields: a favor needs a counterpart before
                        // the server looks at the ask or exchange it refers to
                        Map<String, Object> withOwner = new LinkedHashMap<>(withId);
                        op.body().properties().keySet().stream()
                                .filter(f -> !f.equals(field) && kindOfField(f) == Kind.MEMBER)
                                .forEach(f -> withOwner.put(f, world.owner().id()));
                        if (!withOwner.equals(withId)) {
                            probes.add(probe(op, op.path() + query, withOwner, id, world.kindOf(id), "body", null));
                        }
                    }
                }
            }
        }
        return probes;
    }

    private static Probe probe(ApiDocs.Operation op, String target, Map<String, Object> json, String id, Kind kind,
                               String where, String echoed) {
        if (op.body() != null && op.body().isMultipart()) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nVCARD\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.vcf\"\r\n\r\n"
                    + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone Else\r\nEND:VCARD\r\n\r\n--" + boundary + "--\r\n";
            return new Probe(op, target, multipart.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary,
                    id, kind, where, echoed);
        }
        byte[] body = json == null ? null : Json.write(json).getBytes(StandardCharsets.UTF_8);
        return new Probe(op, target, body, json == null ? null : "application/json", id, kind, where, echoed);
    }

    /** What a path parameter names, from its name or the collection before it; null when unclear. */
    static Kind kindInPath(String path, String param) {
        Kind byName = kindOfField(param);
        if (byName != null) {
            return byName;
        }
        String before = path.substring(0, path.indexOf("{" + param + "}"));
        String collection = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
        return switch (collection) {
            case "members" -> Kind.MEMBER;
            case "contacts" -> Kind.CONTACT;
            case "imports" -> Kind.IMPORT;
            case "exchanges" -> Kind.EXCHANGE;
            case "asks", "offers", "opportunities" -> Kind.POSTING;
            case "pledges" -> Kind.PLEDGE;
            case "introductions" -> Kind.INTRODUCTION;
            case "connection-requests" -> Kind.CONNECTION_REQUEST;
            case "interactions" -> Kind.INTERACTION;
            case "agenda" -> Kind.REMINDER;
            case "webhooks" -> Kind.WEBHOOK;
            case "tokens" -> Kind.TOKEN;
            default -> null;
        };
    }

    /** What an id field ({@code toMemberId}, {@code contactId}, ...) names; null when unclear. */
    static Kind kindOfField(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith("memberid")) {
            return Kind.MEMBER;
        }
        if (n.endsWith("contactid")) {
            return Kind.CONTACT;
        }
        if (n.endsWith("exchangeid")) {
            return Kind.EXCHANGE;
        }
        if (n.equals("askid") || n.equals("postingid") || n.equals("offerid") || n.equals("opportunityid")) {
            return Kind.POSTING;
        }
        return switch (n) {
            case "pledgeid" -> Kind.PLEDGE;
            case "introductionid" -> Kind.INTRODUCTION;
            case "reminderid" -> Kind.REMINDER;
            case "webhookid" -> Kind.WEBHOOK;
            case "tokenid" -> Kind.TOKEN;
            case "importid" -> Kind.IMPORT;
            default -> null;
        };
    }

    /** Each of A's ids of that kind; all of her ids when the kind is unclear. */
    private static List<String> candidates(OwnerWorld world, Kind kind) {
        return kind == null ? world.allIds() : List.copyOf(world.ids().getOrDefault(kind, Set.of()));
    }

    // --- running and judging one cell -----------------------------------------------------------

    private final class Matrix {
        private final OwnerWorld world;
        private final Findings findings = new Findings();
        private final List<String> cells = new ArrayList<>();
        private final Map<String, Map<Integer, Integer>> statuses = new LinkedHashMap<>();
        private int requests;
        private int checks;

        Matrix(OwnerWorld world) {
            this.world = world;
        }

        void run(Caller caller, Probe probe) {
            String target = probe.target();
            for (int page = 0; page < MAX_PAGES && target != null; page++) {
                RawHttp.Request request = RawHttp.Request.of(probe.operation().method(), target).bearer(caller.token())
                        .header("Accept", "application/json");
                if (probe.body() != null) {
                    request = request.header("Content-Type", probe.contentType()).body(probe.body());
                }
                RawHttp.Response response = api.send(request);
                requests++;
                statuses.computeIfAbsent(caller.name(), c -> new java.util.TreeMap<>()).merge(response.status(), 1, Integer::sum);
                judge(caller, probe, request, response);
                cells.add(String.join("\t", caller.name(), probe.operation().key(), probe.where(),
                        probe.kind() == null ? "-" : probe.kind().name(), Findings.describe(request),
                        String.valueOf(response.status()), Text.excerpt(response.body(), 200)));
                target = nextPage(probe, response);
            }
        }

        /** Lists are read to their end: A may be on any page of /members. */
        private String nextPage(Probe probe, RawHttp.Response response) {
            String cursor = response.is2xx() && probe.operation().in("query").stream().anyMatch(p -> p.name().equals("cursor"))
                    ? Json.string(response.body(), "nextCursor") : null;
            if (cursor == null) {
                return null;
            }
            String base = probe.target().replaceAll("[?&]cursor=[^&]*", "");
            return base + (base.contains("?") ? "&" : "?") + "cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }

        private void judge(Caller caller, Probe probe, RawHttp.Request request, RawHttp.Response response) {
            String operation = caller.name() + " " + probe.operation().key();
            String kind = probe.kind() == null ? "" : " " + probe.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            checks++;
            if (response.status() >= 500 || response.status() < 0) {
                fail(operation, "server error " + response.status() + (probe.id() == null ? "" : " with A's" + kind + " in the " + probe.where()),
                        request, response);
            }
            if (caller.anonymous()) {
                if (!PUBLIC_OPERATIONS.contains(probe.operation().key())) {
                    checks++;
                    if (response.status() != 401) {
                        fail(operation, "anonymous caller got " + response.status() + " instead of 401", request, response);
                    }
                }
            } else {
                judgeOwnership(operation, kind, probe, request, response);
            }
            judgeLeaks(operation, probe, request, response);
        }

        private void judgeOwnership(String operation, String kind, Probe probe, RawHttp.Request request, RawHttp.Response response) {
            if (probe.where().equals("search")) {
                checks++;
                if (response.body().contains(world.owner().id())) {
                    fail(operation, "searching for a value of A's private profile finds her", request, response);
                }
                return;
            }
            if (!probe.carriesPrivateId()) {
                return;
            }
            checks++;
            if (!probe.operation().isRead()) {
                if (response.is2xx()) {
                    fail(operation, "write with A's private" + kind + " in the " + probe.where() + " answered " + response.status(),
                            request, response);
                }
            } else if (probe.where().equals("path")) {
                boolean adminOnly = probe.operation().path().startsWith("/api/v1/admin/") && response.status() == 403;
                if (response.status() != 404 && !adminOnly) {
                    fail(operation, "read of A's private" + kind + " answered " + response.status() + " instead of 404",
                            request, response);
                }
            } else if (response.is2xx() && !Json.items(response.body()).isEmpty()) {
                fail(operation, "list filtered by A's private" + kind + " returned items", request, response);
            }
        }

        private void judgeLeaks(String operation, Probe probe, RawHttp.Request request, RawHttp.Response response) {
            // the caller's own input may come back (a search term in a message): that is no leak
            String body = (probe.echoed() == null ? response.body() : response.body().replace(probe.echoed(), ""))
                    .toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> secret : world.secrets().entrySet()) {
                checks++;
                if (body.contains(secret.getValue().toLowerCase(Locale.ROOT))) {
                    fail(operation, "response shows A's " + secret.getKey(), request, response);
                }
            }
        }

        private void fail(String operation, String cause, RawHttp.Request request, RawHttp.Response response) {
            findings.add(operation, cause, request, response);
        }
    }
}
