package org.reciprocity.harness;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JSON calls over {@link RawHttp} for setting up data, each from a client address of its own
 * (X-Forwarded-For, from 127.0.0.2, the proxy the test context trusts): the server's per-address limits on sign-ups and failed
 * sign-ins then never spill over onto other tests sharing the server, which come from 127.0.0.1.
 */
public final class Api {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** Sees every request this client sends with the answer it got. */
    public interface Watcher {
        void answered(RawHttp.Request request, RawHttp.Response response);
    }

    private final RawHttp http;
    private final Watcher watcher;

    public Api(RawHttp http) {
        this(http, (request, response) -> {});
    }

    public Api(RawHttp http, Watcher watcher) {
        this.http = http;
        this.watcher = watcher;
    }

    /** A fresh address in 198.18.0.0/15, the range set aside for benchmarks; no test uses it otherwise. */
    public static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    public RawHttp.Response send(RawHttp.Request request) {
        RawHttp.Response response = http.send(request.header("X-Forwarded-For", nextAddress()));
        watcher.answered(request, response);
        return response;
    }

    public RawHttp.Response call(String method, String path, String token, Object body) {
        RawHttp.Request request = RawHttp.Request.of(method, path).bearer(token).header("Accept", "application/json");
        if (body != null) {
            request = request.json(body instanceof String s ? s : Json.write(body));
        }
        return send(request);
    }

    public RawHttp.Response get(String path, String token) {
        return call("GET", path, token, null);
    }

    /** A call that must succeed; returns its response. */
    public RawHttp.Response ok(String method, String path, String token, Object body) {
        RawHttp.Response response = call(method, path, token, body);
        if (!response.is2xx()) {
            throw new AssertionError("set-up call failed: " + method + " " + path + " " + Json.write(body) + " → "
                    + response.status() + " " + Text.excerpt(response.body(), 400));
        }
        return response;
    }

    /** A member and her API token. */
    public record Member(String id, String email, String token) {}

    /** Signs up a new member with a unique e-mail address and gets her a token. */
    public Member signUp(String displayName, String password) {
        String email = displayName.toLowerCase(Locale.ROOT).replace(' ', '-') + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String id = create("/api/v1/accounts", null, Map.of("email", email, "password", password, "displayName", displayName));
        return new Member(id, email, token(email, password));
    }

    /** A new token for an existing account, through HTTP Basic. */
    public String token(String email, String password) {
        RawHttp.Response created = send(RawHttp.Request.of("POST", "/api/v1/tokens").header("Authorization", basic(email, password))
                .json("{\"name\":\"harness\"}"));
        if (created.status() != 201) {
            throw new AssertionError("token creation for " + email + " failed: " + created.status() + " " + created.body());
        }
        return Json.string(created.body(), "token");
    }

    /** An existing account (the test admin) with a fresh token. */
    public Member existing(String email, String password) {
        String token = token(email, password);
        return new Member(Json.string(get("/api/v1/me", token).body(), "id"), email, token);
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Creates something and returns its id. */
    public String create(String path, String token, Object body) {
        return Json.string(ok("POST", path, token, body).body(), "id");
    }
}
