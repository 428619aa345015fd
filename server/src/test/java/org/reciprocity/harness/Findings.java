package org.reciprocity.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures found by a harness, deduplicated by operation and cause: the first example of each is
 * kept (request, status, body excerpt) with a count, so one run reports every distinct bug at once.
 */
public final class Findings {

    public record Finding(String operation, String cause, String request, int status, String body, int count) {

        Finding again() {
            return new Finding(operation, cause, request, status, body, count + 1);
        }

        @Override
        public String toString() {
            return operation + " | " + cause + " | ×" + count + "\n      e.g. " + request + "\n      → " + status + " "
                    + Text.excerpt(body, 300);
        }
    }

    private final Map<String, Finding> byKey = new LinkedHashMap<>();

    public synchronized void add(String operation, String cause, String request, int status, String body) {
        byKey.merge(operation + "\u0000" + cause, new Finding(operation, cause, request, status, body, 1),
                (old, fresh) -> old.again());
    }

    public void add(String operation, String cause, RawHttp.Request request, RawHttp.Response response) {
        add(operation, cause, describe(request), response.status(), response.body());
    }

    /** Method, target and the body's start, so that a report can be replayed by hand. */
    public static String describe(RawHttp.Request request) {
        String body = request.body() == null ? "" : " body=" + Text.excerpt(new String(request.body(),
                java.nio.charset.StandardCharsets.UTF_8), 200);
        String type = request.headers().stream().filter(h -> h[0].equalsIgnoreCase("Content-Type")).map(h -> h[1])
                .findFirst().map(t -> " [" + Text.excerpt(t, 60) + "]").orElse("");
        String extra = request.headers().stream()
                .filter(h -> h[0].equalsIgnoreCase("Idempotency-Key") || h[0].equalsIgnoreCase("Accept"))
                .map(h -> " " + h[0] + ": " + Text.excerpt(h[1], 40)).reduce("", String::concat);
        return request.line() + type + extra + body;
    }

    /** Writes a harness's report where a run leaves it: target/harness/<name>. */
    public static void save(String name, String text) {
        try {
            java.nio.file.Path file = java.nio.file.Path.of("target", "harness", name);
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public synchronized List<Finding> all() {
        return new ArrayList<>(byKey.values());
    }

    public synchronized boolean isEmpty() {
        return byKey.isEmpty();
    }

    public synchronized int total() {
        return byKey.values().stream().mapToInt(Finding::count).sum();
    }

    /**
     * The causes across operations, most widespread first: one line per (normalized) cause with the
     * number of operations it hit, which is closer to the number of bugs than the per-operation list.
     */
    public synchronized String byCause(java.util.function.UnaryOperator<String> normalize) {
        Map<String, List<Finding>> causes = new LinkedHashMap<>();
        byKey.values().forEach(f -> causes.computeIfAbsent(normalize.apply(f.cause()), c -> new ArrayList<>()).add(f));
        StringBuilder b = new StringBuilder();
        java.util.function.ToLongFunction<List<Finding>> operations = list -> list.stream().map(Finding::operation).distinct().count();
        causes.entrySet().stream()
                .sorted((x, y) -> Long.compare(operations.applyAsLong(y.getValue()), operations.applyAsLong(x.getValue())))
                .forEach(e -> b.append(String.format("  %3d operation(s) | %s | %d responses%n", operations.applyAsLong(e.getValue()),
                        e.getKey(), e.getValue().stream().mapToInt(Finding::count).sum())));
        return b.toString();
    }

    public synchronized String report() {
        StringBuilder b = new StringBuilder();
        int i = 1;
        for (Finding f : byKey.values()) {
            b.append(String.format("%3d. ", i++)).append(f).append('\n');
        }
        return b.toString();
    }
}
