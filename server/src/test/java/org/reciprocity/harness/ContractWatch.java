package org.reciprocity.harness;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The contract checked on every answer a harness's {@link Api} receives, set-up calls included: those are the
 * well-formed requests that succeed, so between them they reach the success answer of nearly every operation,
 * where the fuzzer's mutated requests reach mostly the errors.
 */
final class ContractWatch implements Api.Watcher {

    private record Route(ApiDocs.Operation operation, Pattern path) {}

    private final List<Route> routes;
    private final Contract contract;
    private final Findings findings = new Findings();
    private final Set<String> successesChecked = new TreeSet<>();

    ContractWatch(ApiDocs docs) {
        this.contract = new Contract(docs);
        // literal segments before templates, so that /asks/mine is not taken for /asks/{id}
        this.routes = docs.api().stream()
                .sorted(Comparator.comparingLong((ApiDocs.Operation o) -> o.path().chars().filter(c -> c == '{').count()))
                .map(o -> new Route(o, Pattern.compile(Pattern.quote(o.path()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"))))
                .toList();
    }

    @Override
    public synchronized void answered(RawHttp.Request request, RawHttp.Response response) {
        String path = request.target().split("\\?", 2)[0];
        for (Route route : routes) {
            if (route.operation().method().equals(request.method()) && route.path().matcher(path).matches()) {
                for (String defect : contract.defects(route.operation(), response.status(), response.contentType(), response.body())) {
                    findings.add(route.operation().key(), "contract: " + defect.replaceAll("\\[\\d+]", "[]"), request, response);
                }
                if (response.is2xx()) {
                    successesChecked.add(route.operation().key());
                }
                return;
            }
        }
    }

    Findings findings() {
        return findings;
    }

    /** Operations whose success answer was checked against the document. */
    synchronized Set<String> successesChecked() {
        return Set.copyOf(successesChecked);
    }
}
