package org.reciprocity.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The main pages' response times and sizes for one signed-in member, on one or more servers in the same run
 * (issue 11: the heavy member of {@link org.reciprocity.bench.community.LoadHeavyMember}, the build before the
 * issue against the build after it). Each page is fetched {@code --warmup} times, then {@code --runs} times, the
 * servers taking turns page by page so that both see the same machine; times are whole requests over 127.0.0.1.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar org.reciprocity.bench.PageTimes --servers=before=http://127.0.0.1:8081,
 * after=http://127.0.0.1:8082 --email=heavy@bench.test --password=reciprocity-bench}
 */
public final class PageTimes {

    static final List<String> PAGES = List.of("/", "/agenda", "/losing-touch", "/ledger", "/ledger/record", "/contacts",
            "/members", "/network", "/introductions", "/asks", "/account");

    record Figures(long p50Micros, long p95Micros, long maxMicros, int bytes, int status) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int warmup = Integer.parseInt(given.getOrDefault("warmup", "10"));
        int runs = Integer.parseInt(given.getOrDefault("runs", "40"));
        Map<String, HttpClient> clients = new LinkedHashMap<>();
        Map<String, String> bases = new LinkedHashMap<>();
        for (String server : given.get("servers").split(",")) {
            String[] nameUrl = server.split("=", 2);
            bases.put(nameUrl[0], nameUrl[1]);
            clients.put(nameUrl[0], signIn(nameUrl[1], given.get("email"), given.get("password")));
        }
        Map<String, Map<String, Figures>> results = new LinkedHashMap<>();
        for (String page : PAGES) {
            for (String server : bases.keySet()) {
                results.computeIfAbsent(server, s -> new LinkedHashMap<>())
                        .put(page, measure(clients.get(server), bases.get(server) + page, warmup, runs));
            }
        }
        System.out.printf("%-16s", "page");
        bases.keySet().forEach(s -> System.out.printf(" | %-10s p50 ms  p95 ms   KB", s));
        System.out.println();
        for (String page : PAGES) {
            System.out.printf("%-16s", page);
            for (String server : bases.keySet()) {
                Figures f = results.get(server).get(page);
                System.out.printf(" | %-10s %6.1f  %6.1f %6.1f%s", "", f.p50Micros() / 1000.0, f.p95Micros() / 1000.0,
                        f.bytes() / 1024.0, f.status() == 200 ? "" : " (HTTP " + f.status() + ")");
            }
            System.out.println();
        }
    }

    private static Figures measure(HttpClient client, String url, int warmup, int runs) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        int bytes = 0;
        int status = 0;
        for (int i = 0; i < warmup; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] micros = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            micros[i] = (System.nanoTime() - start) / 1000;
            bytes = response.body().length;
            status = response.statusCode();
        }
        Arrays.sort(micros);
        return new Figures(micros[runs / 2], micros[(int) Math.ceil(runs * 0.95) - 1], micros[runs - 1], bytes, status);
    }

    /** Signs in through the login form (a session cookie and the form's CSRF token), as a browser does. */
    private static HttpClient signIn(String base, String email, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on " + base + "/login");
        }
        List<String> fields = new ArrayList<>(List.of("email=" + enc(email), "password=" + enc(password), "_csrf=" + enc(csrf.group(1))));
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields))).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("Signing in to " + base + " failed");
        }
        return client;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
