package org.reciprocity.harness;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.reciprocity.harness.Api.Member;

/**
 * Member A ("the owner") with one of everything the API lets her create, each private and carrying a
 * secret marker: what the authorization matrix tries to reach as someone else. Her connections C and
 * D, the member E she asked to connect, F who asked her, and G whom she blocked make the shared
 * objects (pending favors, introductions, pledges, requests) possible; none of them is a caller.
 */
public final class OwnerWorld {

    /** What an id names: the matrix substitutes the ids of the kind a path or field expects. */
    public enum Kind {
        MEMBER, CONTACT, IMPORT, EXCHANGE, POSTING, PLEDGE, INTRODUCTION, CONNECTION_REQUEST, INTERACTION, REMINDER,
        WEBHOOK, TOKEN;

        /** Everything but the member herself is private to A (and the other party, where there is one). */
        public boolean isPrivate() {
            return this != MEMBER;
        }
    }

    public record People(Member owner, Member c, Member d, Member e, Member f, Member g, Member admin,
                         String password) {}

    private final Api api;
    private final People people;
    private final LocalDate today;
    private final String marker = "zqsecret" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    /** A word in A's postings that B lists among her skills, so that matching would pick them for B. */
    private final String bait = "harnessbait" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    private final Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);
    private final List<String> relatedPublicPostings = new ArrayList<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<String> privateTexts = new ArrayList<>();
    /** A's own reads of her objects, taken before the matrix: compared afterwards to see nothing changed. */
    private final Map<String, String> ownView = new LinkedHashMap<>();

    private OwnerWorld(Api api, People people, LocalDate today) {
        this.api = api;
        this.people = people;
        this.today = today;
    }

    public static OwnerWorld create(Api api, People people, LocalDate today) {
        OwnerWorld world = new OwnerWorld(api, people, today);
        world.build();
        return world;
    }

    public Member owner() {
        return people.owner();
    }

    public String marker() {
        return marker;
    }

    public String bait() {
        return bait;
    }

    /** Postings of A's connections that anyone may read and that carry A's pledges. */
    public List<String> relatedPublicPostings() {
        return relatedPublicPostings;
    }

    public Map<Kind, Set<String>> ids() {
        return ids;
    }

    /**
     * Strings that must never reach anyone but A, by what they are: the marker (in every private
     * text), her e-mail address, her tokens, her webhook's signing secret, her calendar feed's secret.
     */
    public Map<String, String> secrets() {
        return secrets;
    }

    /** Values of A's private profile fields: searching for them must not find her. */
    public List<String> privateTexts() {
        return privateTexts;
    }

    public Kind kindOf(String id) {
        return ids.entrySet().stream().filter(e -> e.getValue().contains(id)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    public List<String> allIds() {
        return ids.values().stream().flatMap(Set::stream).distinct().toList();
    }

    private String m(String where) {
        return marker + "-" + where;
    }

    private void add(Kind kind, String id) {
        if (id == null) {
            throw new AssertionError("no id for " + kind);
        }
        ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
    }

    private void build() {
        String a = people.owner().token();
        secrets.put("secret marker", marker);
        secrets.put("e-mail address", people.owner().email());
        secrets.put("API token", people.owner().token());
        add(Kind.MEMBER, people.owner().id());

        connections(a);
        profile(a);
        List<String> contacts = contacts(a);
        importContacts(a);
        exchanges(a, contacts);
        postingsAndPledges(a);
        add(Kind.INTRODUCTION, api.create("/api/v1/introductions", a, Map.of("firstMemberId", people.c().id(),
                "secondMemberId", people.d().id(), "reason", "You both build ledgers " + m("introduction"))));
        interactionsAndReminders(a, contacts);
        webhook(a);
        tokensAndFeed(a);
        takeOwnView();
    }

    private void connections(String a) {
        String toC = api.create("/api/v1/connection-requests", a, Map.of("toMemberId", people.c().id(),
                "note", "Carol, your talk on open ledgers stayed with me " + m("request-c")));
        api.ok("POST", "/api/v1/connection-requests/" + toC + "/accept", people.c().token(), null);
        String toD = api.create("/api/v1/connection-requests", a, Map.of("toMemberId", people.d().id(),
                "note", "Dave, thanks for the review of my thesis chapter " + m("request-d")));
        api.ok("POST", "/api/v1/connection-requests/" + toD + "/accept", people.d().token(), null);
        String toE = api.create("/api/v1/connection-requests", a, Map.of("toMemberId", people.e().id(),
                "note", "Erin, we spoke about mentoring at the meetup " + m("request-e")));
        String fromF = api.create("/api/v1/connection-requests", people.f().token(), Map.of("toMemberId", people.owner().id(),
                "note", "Ada, I would value your advice on my startup " + m("request-f")));
        for (String id : List.of(toC, toD, toE, fromF)) {
            add(Kind.CONNECTION_REQUEST, id);
        }
        api.ok("POST", "/api/v1/blocks", a, Map.of("memberId", people.g().id()));
    }

    private void profile(String a) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("headline", "Headline " + m("headline"));
        profile.put("bio", "Bio " + m("bio"));
        profile.put("skills", List.of(m("skill")));
        profile.put("interests", List.of(m("interest")));
        profile.put("industry", m("industry"));
        profile.put("location", m("location"));
        profile.put("timeZone", "Pacific/Chatham");
        profile.put("culture", "EAST_ASIA");
        profile.put("languages", List.of(m("language")));
        profile.put("openTo", List.of("MENTORING", "FEEDBACK"));
        profile.put("capacityPerMonth", 7);
        profile.put("givingPaused", false);
        Map<String, String> visibility = new LinkedHashMap<>();
        for (String field : List.of("headline", "bio", "skills", "interests", "industry", "location", "timeZone", "culture",
                "languages", "openTo", "capacityPerMonth", "givingPaused")) {
            visibility.put(field, "PRIVATE");
        }
        profile.put("visibility", visibility);
        api.ok("PUT", "/api/v1/me/profile", a, profile);
        // an uncommon time zone is as telling as a marker: nobody else in the tests lives in Chatham
        secrets.put("private time zone", "Pacific/Chatham");
        privateTexts.addAll(List.of(m("headline"), m("bio"), m("skill"), m("interest"), m("industry"), m("location"),
                m("language")));
        api.ok("PUT", "/api/v1/me/digest", a, Map.of("frequency", "WEEKLY"));
        api.ok("PUT", "/api/v1/cadences/INNER_CIRCLE", a, Map.of("idealDays", 7, "maxDays", 21));
    }

    private List<String> contacts(String a) {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("name", "Contact " + m("contact-name"));
        first.put("email", m("contact") + "@example.org");
        first.put("company", "Company " + m("contact-company"));
        first.put("position", "Position " + m("contact-position"));
        first.put("tags", List.of(m("contact-tag")));
        first.put("notes", "Notes " + m("contact-notes"));
        first.put("tier", "INNER_CIRCLE");
        String c1 = api.create("/api/v1/contacts", a, first);
        String c2 = api.create("/api/v1/contacts", a, Map.of("name", "Second " + m("contact2"), "notes", m("contact2-notes"),
                "tier", "CLOSE"));
        String c3 = api.create("/api/v1/contacts", a, Map.of("name", "Dave as a contact " + m("contact3"),
                "linkedMemberId", people.d().id(), "notes", m("contact3-notes")));
        String c4 = api.create("/api/v1/contacts", a, Map.of("name", "Fourth " + m("contact4"), "tier", "ACQUAINTANCE"));
        api.ok("PUT", "/api/v1/contacts/" + c1 + "/cadence", a, Map.of("idealDays", 5, "maxDays", 10));
        for (String id : List.of(c1, c2, c3, c4)) {
            add(Kind.CONTACT, id);
        }
        return List.of(c1, c2, c3, c4);
    }

    private void importContacts(String a) {
        String vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Imported " + m("import") + "\r\nN:" + m("import") + ";Imported;;;\r\n"
                + "EMAIL;TYPE=WORK:" + m("import") + "@example.org\r\nNOTE:" + m("import-note") + "\r\nEND:VCARD\r\n";
        String boundary = "harness" + UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nVCARD\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + marker + ".vcf\"\r\n"
                + "Content-Type: text/vcard\r\n\r\n" + vcard + "\r\n--" + boundary + "--\r\n";
        RawHttp.Response started = api.send(RawHttp.Request.of("POST", "/api/v1/contacts/imports").bearer(a)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .body(body.getBytes(StandardCharsets.UTF_8)));
        if (started.status() != 202) {
            throw new AssertionError("import failed: " + started.status() + " " + started.body());
        }
        String id = Json.string(started.body(), "id");
        add(Kind.IMPORT, id);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"DONE".equals(Json.string(api.get("/api/v1/contacts/imports/" + id, a).body(), "status"))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the import did not finish in 30 s");
            }
            sleep(100);
        }
        for (Map<String, Object> contact : Json.items(api.get("/api/v1/contacts?limit=200", a).body())) {
            if (String.valueOf(contact.get("name")).contains(m("import"))) {
                add(Kind.CONTACT, (String) contact.get("id"));
            }
        }
    }

    private void exchanges(String a, List<String> contacts) {
        String privateFavor = api.create("/api/v1/exchanges", a, exchange("RECEIVED", null, contacts.get(0), m("private-favor")));
        add(Kind.EXCHANGE, privateFavor);
        add(Kind.EXCHANGE, api.create("/api/v1/exchanges/" + privateFavor + "/corrections", a,
                exchange("RECEIVED", null, contacts.get(0), m("corrected-favor"))));
        add(Kind.EXCHANGE, api.create("/api/v1/exchanges", a, exchange("GAVE", people.c().id(), null, m("pending-favor"))));
        // C gave to A: A confirms and thanks
        String received = api.create("/api/v1/exchanges", people.c().token(),
                exchange("GAVE", people.owner().id(), null, m("favor-from-c")));
        api.ok("POST", "/api/v1/exchanges/" + received + "/confirm", a, null);
        api.ok("POST", "/api/v1/exchanges/" + received + "/thanks", a, Map.of("note", "Thank you " + m("thanks")));
        add(Kind.EXCHANGE, received);
        // D recorded a favor with A that waits for A's answer; A's favor to D was disputed by D
        add(Kind.EXCHANGE, api.create("/api/v1/exchanges", people.d().token(),
                exchange("RECEIVED", people.owner().id(), null, m("waiting-for-a"))));
        String disputed = api.create("/api/v1/exchanges", a, exchange("GAVE", people.d().id(), null, m("disputed-favor")));
        api.ok("POST", "/api/v1/exchanges/" + disputed + "/dispute", people.d().token(), Map.of("reason", "Not so " + m("dispute")));
        add(Kind.EXCHANGE, disputed);
    }

    private Map<String, Object> exchange(String direction, String member, String contact, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("direction", direction);
        if (member != null) {
            body.put("counterpartMemberId", member);
        }
        if (contact != null) {
            body.put("contactId", contact);
        }
        body.put("kind", "ADVICE");
        body.put("description", "Favor " + description);
        body.put("weight", 3);
        // before the interactions below, so that no favor counts as a later touch that cancels their follow-ups
        body.put("occurredOn", today.minusDays(10).toString());
        return body;
    }

    private void postingsAndPledges(String a) {
        String ask = api.create("/api/v1/asks", a, posting(m("ask")));
        add(Kind.POSTING, ask);
        add(Kind.POSTING, api.create("/api/v1/offers", a, posting(m("offer"))));
        add(Kind.POSTING, api.create("/api/v1/opportunities", a, posting(m("opportunity"))));
        String closed = api.create("/api/v1/asks", a, posting(m("closed-ask")));
        api.ok("POST", "/api/v1/asks/" + closed + "/close", a, Map.of("status", "FULFILLED"));
        add(Kind.POSTING, closed);
        // A pledges to C's asks (one kept open, one fulfilled); C pledges to A's ask
        String cAsk = api.create("/api/v1/asks", people.c().token(), Map.of("title", "Carol needs a reviewer",
                "details", "For a grant proposal", "tags", List.of("review")));
        String cAsk2 = api.create("/api/v1/asks", people.c().token(), Map.of("title", "Carol needs a mentor",
                "details", "For a new role", "tags", List.of("mentoring")));
        relatedPublicPostings.addAll(List.of(cAsk, cAsk2));
        String dueOn = today.plusDays(5).toString();
        add(Kind.PLEDGE, api.create("/api/v1/asks/" + cAsk + "/pledges", a, Map.of("note", "I can " + m("pledge"), "dueOn", dueOn)));
        String fulfilled = api.create("/api/v1/asks/" + cAsk2 + "/pledges", a, Map.of("note", "Happy to " + m("pledge2"),
                "dueOn", dueOn));
        String exchange = Json.string(api.ok("POST", "/api/v1/pledges/" + fulfilled + "/fulfil", a, Map.of("kind", "MENTORING",
                "description", "Mentored " + m("fulfilled"), "weight", 3)).body(), "exchangeId");
        add(Kind.PLEDGE, fulfilled);
        add(Kind.EXCHANGE, exchange);
        add(Kind.PLEDGE, api.create("/api/v1/asks/" + ask + "/pledges", people.c().token(),
                Map.of("note", "Carol helps " + m("pledge-by-c"), "dueOn", dueOn)));
    }

    private Map<String, Object> posting(String text) {
        return Map.of("title", "Title " + bait + " " + text, "details", "Details " + bait + " " + text, "tags", List.of(bait, text),
                "visibility", "CONNECTIONS", "expiresOn", today.plusDays(20).toString());
    }

    private void interactionsAndReminders(String a, List<String> contacts) {
        add(Kind.INTERACTION, api.create("/api/v1/interactions", a, Map.of("contactId", contacts.get(0), "type", "MEETING",
                "occurredOn", today.minusDays(3).toString(), "note", "Met " + m("interaction"))));
        add(Kind.INTERACTION, api.create("/api/v1/interactions", a, Map.of("memberId", people.c().id(), "type", "MEETING",
                "occurredOn", today.minusDays(4).toString(), "note", "Met Carol " + m("interaction2"))));
        add(Kind.INTERACTION, api.create("/api/v1/interactions", a, Map.of("contactId", contacts.get(1), "type", "EVENT",
                "occurredOn", today.minusDays(5).toString(), "note", "Conference " + m("interaction3"))));
        add(Kind.INTERACTION, api.create("/api/v1/interactions", a, Map.of("contactId", contacts.get(3), "type", "MEETING",
                "occurredOn", today.minusDays(4).toString(), "note", "Coffee " + m("interaction4"))));
        List<String> reminders = new ArrayList<>();
        for (Map<String, Object> item : Json.items(api.get("/api/v1/agenda", a).body())) {
            if (item.get("reminderId") instanceof String id) {
                reminders.add(id);
                add(Kind.REMINDER, id);
            }
        }
        if (reminders.size() < 3) {
            throw new AssertionError("expected at least three agenda items for A, got " + api.get("/api/v1/agenda", a).body());
        }
        api.ok("POST", "/api/v1/agenda/" + reminders.get(0) + "/snooze", a, Map.of("days", 3));
        api.ok("POST", "/api/v1/agenda/" + reminders.get(1) + "/done", a, null);
    }

    private void webhook(String a) {
        // a loopback target, so that no delivery ever leaves the machine; private targets need the admin's consent
        String admin = people.admin().token();
        Object before = Json.object(api.get("/api/v1/admin/settings", admin).body()).get("allowPrivateWebhookTargets");
        api.ok("PUT", "/api/v1/admin/settings", admin, Map.of("allowPrivateWebhookTargets", true));
        try {
            RawHttp.Response created = api.ok("POST", "/api/v1/webhooks", a, Map.of("url", "https://127.0.0.1:9/" + m("hook"),
                    "events", List.of("exchange.recorded", "exchange.confirmed")));
            add(Kind.WEBHOOK, Json.string(created.body(), "id"));
            secrets.put("webhook secret", Json.string(created.body(), "secret"));
        } finally {
            api.ok("PUT", "/api/v1/admin/settings", admin, Map.of("allowPrivateWebhookTargets", Boolean.TRUE.equals(before)));
        }
    }

    private void tokensAndFeed(String a) {
        String basic = Api.basic(people.owner().email(), people.password());
        RawHttp.Response second = api.send(RawHttp.Request.of("POST", "/api/v1/tokens").header("Authorization", basic)
                .json(Json.write(Map.of("name", m("token")))));
        if (second.status() != 201) {
            throw new AssertionError("token creation failed: " + second.status() + " " + second.body());
        }
        secrets.put("second API token", Json.string(second.body(), "token"));
        for (Map<String, Object> token : Json.items(api.get("/api/v1/tokens", a).body())) {
            add(Kind.TOKEN, (String) token.get("id"));
        }
        String url = Json.string(api.get("/api/v1/calendar-feed", a).body(), "url");
        String file = url.substring(url.lastIndexOf('/') + 1);
        secrets.put("calendar feed secret", file.replace(".ics", ""));
    }

    /** The paths A reads her own objects at, and what she saw there. */
    private void takeOwnView() {
        ownView.clear();
        ownView.putAll(readOwnView());
    }

    public Map<String, String> readOwnView() {
        String a = people.owner().token();
        Map<String, String> view = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of("/api/v1/me", "/api/v1/tokens", "/api/v1/webhooks",
                "/api/v1/connection-requests?direction=outgoing", "/api/v1/blocks", "/api/v1/connections", "/api/v1/me/digest",
                "/api/v1/cadences"));
        ids.getOrDefault(Kind.CONTACT, Set.of()).forEach(id -> paths.add("/api/v1/contacts/" + id));
        ids.getOrDefault(Kind.IMPORT, Set.of()).forEach(id -> paths.add("/api/v1/contacts/imports/" + id));
        ids.getOrDefault(Kind.EXCHANGE, Set.of()).forEach(id -> paths.add("/api/v1/exchanges/" + id));
        ids.getOrDefault(Kind.POSTING, Set.of()).forEach(id -> paths.add("/api/v1/asks/" + id));
        ids.getOrDefault(Kind.PLEDGE, Set.of()).forEach(id -> paths.add("/api/v1/pledges/" + id));
        ids.getOrDefault(Kind.INTRODUCTION, Set.of()).forEach(id -> paths.add("/api/v1/introductions/" + id));
        // not the webhook's delivery log: B may record a favor with A, and A's webhook rightly hears of it
        for (String path : paths) {
            RawHttp.Response r = api.get(path, a);
            view.put(path, r.status() + " " + r.body());
        }
        return view;
    }

    /** What changed in A's own view since the set-up, path by path. */
    public List<String> changesToOwnView() {
        Map<String, String> now = readOwnView();
        List<String> changes = new ArrayList<>();
        ownView.forEach((path, before) -> {
            String after = now.get(path);
            if (!before.equals(after)) {
                changes.add(path + "\n      before: " + Text.excerpt(before, 300) + "\n      after:  " + Text.excerpt(after, 300));
            }
        });
        return changes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
