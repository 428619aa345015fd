package org.reciprocity.harness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The calls only an object's owner or party can make successfully, and that the authorization matrix therefore
 * never sees succeed: declining, withdrawing, accepting an introduction, deleting. Made by new members on their own
 * objects, so that with the matrix's set-up every operation's success answer goes past the {@link ContractWatch}.
 */
final class OwnersTour {

    private static final String PASSWORD = "correct horse battery staple";

    private final Api api;
    private final Api.Member admin;
    private final LocalDate today;

    OwnersTour(Api api, Api.Member admin, LocalDate today) {
        this.api = api;
        this.admin = admin;
        this.today = today;
    }

    void run() {
        Api.Member p = api.signUp("Tour Pat", PASSWORD);
        Api.Member q = api.signUp("Tour Quinn", PASSWORD);
        Api.Member r = api.signUp("Tour Rosa", PASSWORD);
        connectionRequests(p, q, r);
        introductions(p, q, r);
        postings(p, q);
        contacts(p);
        webhooks(p);
        account(api.signUp("Tour Sam", PASSWORD));
        api.ok("DELETE", "/api/v1/connections/" + r.id(), p.token(), null);
    }

    private void connectionRequests(Api.Member p, Api.Member q, Api.Member r) {
        // a declined or withdrawn request holds its sender back from the same member for a while: the other way round
        api.ok("POST", "/api/v1/connection-requests/" + request(q, p) + "/decline", p.token(), null);
        api.ok("POST", "/api/v1/connection-requests/" + request(r, p) + "/withdraw", r.token(), null);
        api.ok("POST", "/api/v1/connection-requests/" + request(p, q) + "/accept", q.token(), null);
        api.ok("POST", "/api/v1/connection-requests/" + request(p, r) + "/accept", r.token(), null);
    }

    private String request(Api.Member from, Api.Member to) {
        return api.create("/api/v1/connection-requests", from.token(), Map.of("toMemberId", to.id(),
                "note", "We met at the tour of the contract, " + to.email()));
    }

    private void introductions(Api.Member p, Api.Member q, Api.Member r) {
        String accepted = introduce(p, q, r);
        api.ok("POST", "/api/v1/introductions/" + accepted + "/accept", q.token(), null);
        api.ok("POST", "/api/v1/introductions/" + accepted + "/decline", r.token(), null);
    }

    private String introduce(Api.Member introducer, Api.Member first, Api.Member second) {
        return api.create("/api/v1/introductions", introducer.token(), Map.of("firstMemberId", first.id(),
                "secondMemberId", second.id(), "reason", "You both care about open ledgers"));
    }

    private void postings(Api.Member p, Api.Member q) {
        String ask = api.create("/api/v1/asks", p.token(), posting("An ask for a reviewer"));
        api.ok("GET", "/api/v1/asks/" + ask + "/matches", p.token(), null);
        String pledge = api.create("/api/v1/asks/" + ask + "/pledges", q.token(), Map.of("note", "I can review it",
                "dueOn", today.plusDays(3).toString()));
        api.ok("POST", "/api/v1/pledges/" + pledge + "/withdraw", q.token(), null);
        String offer = api.create("/api/v1/offers", p.token(), posting("An offer of mentoring"));
        api.ok("GET", "/api/v1/offers/" + offer, p.token(), null);
        api.ok("POST", "/api/v1/offers/" + offer + "/close", p.token(), Map.of("status", "CLOSED"));
        String opportunity = api.create("/api/v1/opportunities", p.token(), posting("An opening for a data engineer"));
        api.ok("GET", "/api/v1/opportunities/" + opportunity, p.token(), null);
        api.ok("GET", "/api/v1/opportunities/" + opportunity + "/matches", p.token(), null);
        api.ok("POST", "/api/v1/opportunities/" + opportunity + "/close", p.token(), Map.of("status", "CLOSED"));
    }

    private Map<String, Object> posting(String title) {
        return Map.of("title", title, "details", "Details of " + title, "tags", List.of("review"),
                "expiresOn", today.plusDays(10).toString());
    }

    private void contacts(Api.Member p) {
        String contact = api.create("/api/v1/contacts", p.token(), Map.of("name", "Tour Contact", "tier", "CLOSE"));
        api.ok("PUT", "/api/v1/contacts/" + contact, p.token(), Map.of("name", "Tour Contact Renamed", "tier", "CLOSE"));
        api.ok("GET", "/api/v1/relationships/contacts/" + contact, p.token(), null);
        api.ok("DELETE", "/api/v1/contacts/" + contact, p.token(), null);
    }

    private void webhooks(Api.Member p) {
        Object before = Json.object(api.get("/api/v1/admin/settings", admin.token()).body()).get("allowPrivateWebhookTargets");
        api.ok("PUT", "/api/v1/admin/settings", admin.token(), Map.of("allowPrivateWebhookTargets", true));
        try {
            String webhook = api.create("/api/v1/webhooks", p.token(), Map.of("url", "https://127.0.0.1:9/tour",
                    "events", List.of("exchange.recorded")));
            api.ok("GET", "/api/v1/webhooks/" + webhook + "/deliveries", p.token(), null);
            api.ok("DELETE", "/api/v1/webhooks/" + webhook, p.token(), null);
        } finally {
            api.ok("PUT", "/api/v1/admin/settings", admin.token(), Map.of("allowPrivateWebhookTargets", Boolean.TRUE.equals(before)));
        }
    }

    private void account(Api.Member s) {
        RawHttp.Response second = api.send(RawHttp.Request.of("POST", "/api/v1/tokens")
                .header("Authorization", Api.basic(s.email(), PASSWORD)).json("{\"name\":\"tour second\"}"));
        api.ok("DELETE", "/api/v1/tokens/" + Json.string(second.body(), "id"), s.token(), null);
        String changed = PASSWORD + " again";
        api.ok("PUT", "/api/v1/me/password", s.token(), Map.of("currentPassword", PASSWORD, "newPassword", changed));
        api.ok("POST", "/api/v1/tokens/revoke-all", s.token(), null);
        api.ok("DELETE", "/api/v1/me", api.token(s.email(), changed), Map.of("password", changed));
    }
}
