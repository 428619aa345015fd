package org.reciprocity.harness;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reciprocity.harness.Api.Member;

/**
 * The writes of the crash harness and the bookkeeping that judges them: every write carries a unique
 * text (a name, a description, a title, a note) to find it by afterwards, and every create an
 * Idempotency-Key to retry it with. A write answered 2xx is acknowledged and must be there exactly
 * once after any crash; a write without an answer is retried after the restart.
 */
public final class CrashWorkload {

    public enum Kind { SIGN_UP, CONTACT, EXCHANGE, CONFIRMATION, THANKS, ASK }

    /** One write, as sent, and what came of it. */
    public static final class Write {
        final Kind kind;
        final Member actor;
        final String path;
        final String body;
        final String key;
        final String text;
        final Member counterpart;
        final String exchangeId;
        volatile Outcome outcome = Outcome.NOT_SENT;
        volatile String id;
        volatile int status;
        /** The retry after a restart was told the first attempt is still in progress. */
        volatile boolean stuck;

        Write(Kind kind, Member actor, String path, String body, String key, String text, Member counterpart, String exchangeId) {
            this.kind = kind;
            this.actor = actor;
            this.path = path;
            this.body = body;
            this.key = key;
            this.text = text;
            this.counterpart = counterpart;
            this.exchangeId = exchangeId;
        }

        RawHttp.Request request() {
            RawHttp.Request r = RawHttp.Request.of("POST", path).bearer(actor == null ? null : actor.token()).json(body);
            return key == null ? r : r.header("Idempotency-Key", key);
        }

        @Override
        public String toString() {
            return kind + " '" + text + "'" + (id == null ? "" : " id " + id) + " (" + outcome + ", " + status + ")";
        }
    }

    public enum Outcome { NOT_SENT, ACKNOWLEDGED, UNACKNOWLEDGED, REFUSED }

    /** What the retries after a restart answered. */
    public record Retries(int retried, int acknowledged, int replayed, int refused, int stuckInProgress, List<String> refusals) {}

    /** What the check of every acknowledged write found. */
    public record Verification(int checked, List<String> missing, List<String> duplicated, int stuckApplied, int stuckLost) {}

    private final List<Member> members;
    private final String password;
    private final LocalDate today;
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Write> toConfirm = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Write> toThank = new ConcurrentLinkedQueue<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private volatile Api api;

    public CrashWorkload(List<Member> members, String password, LocalDate today) {
        this.members = members;
        this.password = password;
        this.today = today;
    }

    /** The server moves to a new port on every start. */
    public void connect(Api api) {
        this.api = api;
    }

    public List<String> failures() {
        return failures;
    }

    public List<Write> writes() {
        return writes;
    }

    // --- writing -----------------------------------------------------------------------------------

    /** One random write; returns false when the server did not answer (it is down, the thread can stop). */
    public boolean writeOnce(Random random) {
        Write write = next(random);
        perform(write, false);
        return write.outcome != Outcome.UNACKNOWLEDGED;
    }

    private Write next(Random random) {
        int roll = random.nextInt(100);
        if (roll < 10) {
            Write pending = toConfirm.poll();
            if (pending != null) {
                return new Write(Kind.CONFIRMATION, pending.counterpart, "/api/v1/exchanges/" + pending.id + "/confirm", "{}", null,
                        pending.text, pending.actor, pending.id);
            }
        } else if (roll < 20) {
            Write confirmed = toThank.poll();
            if (confirmed != null) {
                String note = "Thanks " + unique();
                return new Write(Kind.THANKS, confirmed.actor, "/api/v1/exchanges/" + confirmed.exchangeId + "/thanks",
                        Json.write(Map.of("note", note)), UUID.randomUUID().toString(), note, confirmed.counterpart,
                        confirmed.exchangeId);
            }
        } else if (roll < 28) {
            return signUp();
        }
        Member actor = members.get(random.nextInt(members.size()));
        if (roll < 55) {
            String name = "Crash contact " + unique();
            return create(Kind.CONTACT, actor, "/api/v1/contacts", Map.of("name", name, "tier", "CLOSE"), name, null);
        }
        if (roll < 85) {
            Member other = members.get(Math.floorMod(members.indexOf(actor) + 1 + random.nextInt(members.size() - 1), members.size()));
            String description = "Crash favor " + unique();
            return create(Kind.EXCHANGE, actor, "/api/v1/exchanges", Map.of("direction", "GAVE", "counterpartMemberId", other.id(),
                    "kind", "ADVICE", "description", description, "weight", 2, "occurredOn", today.minusDays(1).toString()),
                    description, other);
        }
        String title = "Crash ask " + unique();
        return create(Kind.ASK, actor, "/api/v1/asks", Map.of("title", title, "details", "Survives a crash"), title, null);
    }

    private Write signUp() {
        String name = "Crash " + unique();
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "@example.org";
        return create(Kind.SIGN_UP, null, "/api/v1/accounts", Map.of("email", email, "password", password, "displayName", name),
                name, null);
    }

    private static Write create(Kind kind, Member actor, String path, Map<String, Object> body, String text, Member counterpart) {
        return new Write(kind, actor, path, Json.write(body), UUID.randomUUID().toString(), text, counterpart, null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    /** Sends a write and books its outcome; a retry sends the same request again. */
    private RawHttp.Response perform(Write write, boolean retry) {
        if (!retry) {
            writes.add(write);
        }
        RawHttp.Response response = api.send(write.request());
        write.status = response.status();
        if (response.status() < 0) {
            write.outcome = Outcome.UNACKNOWLEDGED;
        } else if (response.is2xx()) {
            acknowledge(write, response);
        } else {
            if (response.status() >= 500) {
                failures.add((retry ? "retry " : "") + write.kind + " answered " + response.status() + ": "
                        + Findings.describe(write.request()) + " → " + Text.excerpt(response.body(), 300));
            }
            write.outcome = response.status() >= 500 ? Outcome.UNACKNOWLEDGED : Outcome.REFUSED;
        }
        return response;
    }

    private void acknowledge(Write write, RawHttp.Response response) {
        write.outcome = Outcome.ACKNOWLEDGED;
        write.id = Json.string(response.body(), "id");
        if (write.kind == Kind.EXCHANGE) {
            toConfirm.add(write);
        } else if (write.kind == Kind.CONFIRMATION) {
            toThank.add(write);
        }
    }

    // --- after a restart ----------------------------------------------------------------------------

    /** (a) Sends every unanswered write again, same key, same body: 2xx or a clean 4xx, never 5xx. */
    public Retries retryUnacknowledged() {
        int retried = 0;
        int acknowledged = 0;
        int replayed = 0;
        int refused = 0;
        int stuck = 0;
        List<String> refusals = new ArrayList<>();
        for (Write write : writes) {
            if (write.outcome != Outcome.UNACKNOWLEDGED) {
                continue;
            }
            retried++;
            RawHttp.Response response = perform(write, true);
            if (response.status() < 0) {
                failures.add("retry of " + write + " got no answer: " + response.body());
            } else if (response.is2xx()) {
                acknowledged++;
                replayed += "true".equals(response.header("Idempotency-Replayed")) ? 1 : 0;
            } else if (response.status() < 500) {
                refused++;
                refusals.add(write.kind + " '" + write.text + "' → " + response.status() + " " + Json.string(response.body(), "type")
                        + ": " + Json.string(response.body(), "detail"));
                if ("/problems/idempotency-in-progress".equals(Json.string(response.body(), "type"))) {
                    write.stuck = true;
                    stuck++;
                }
                if (!response.isProblemJson()) {
                    failures.add("retry of " + write + " answered " + response.status() + " without a problem: "
                            + Text.excerpt(response.body(), 200));
                }
            }
        }
        return new Retries(retried, acknowledged, replayed, refused, stuck, refusals);
    }

    /** (b) Every acknowledged write is there exactly once; no write of any outcome is there twice. */
    public Verification verify() {
        List<String> missing = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        Map<String, List<Map<String, Object>>> byText = index();
        int checked = 0;
        int stuckApplied = 0;
        int stuckLost = 0;
        for (Write write : writes) {
            if (write.kind == Kind.CONFIRMATION || write.kind == Kind.THANKS) {
                if (write.outcome == Outcome.ACKNOWLEDGED) {
                    checked++;
                    checkAnswer(write, missing);
                }
                continue;
            }
            List<Map<String, Object>> found = byText.getOrDefault(write.kind + "\u0000" + write.text, List.of());
            if (found.size() > 1) {
                duplicated.add(write + " is there " + found.size() + " times");
            }
            if (write.stuck) {
                // its key answers 409 for a day: the client cannot learn whether it was applied, nor retry it
                if (found.isEmpty()) {
                    stuckLost++;
                } else {
                    stuckApplied++;
                }
            }
            if (write.outcome == Outcome.ACKNOWLEDGED) {
                checked++;
                if (found.isEmpty()) {
                    missing.add(write + " is gone");
                } else if (write.id != null && found.stream().noneMatch(item -> write.id.equals(item.get("id")))) {
                    missing.add(write + " is there under another id: " + found.get(0).get("id"));
                }
            }
        }
        return new Verification(checked, missing, duplicated, stuckApplied, stuckLost);
    }

    /** A confirmation shows as the exchange's status, a thank-you as its note. */
    private void checkAnswer(Write write, List<String> missing) {
        RawHttp.Response exchange = api.get("/api/v1/exchanges/" + write.exchangeId, write.actor.token());
        Map<String, Object> view = Json.object(exchange.body());
        if (write.kind == Kind.CONFIRMATION && !"CONFIRMED".equals(view.get("status"))) {
            missing.add(write + ": the exchange is " + view.get("status") + " (" + exchange.status() + ")");
        }
        if (write.kind == Kind.THANKS && !(view.get("thanks") instanceof Map<?, ?> thanks && write.text.equals(thanks.get("note")))) {
            missing.add(write + ": the exchange's thanks are " + view.get("thanks") + " (" + exchange.status() + ")");
        }
    }

    /** Everything the API lists, by kind and unique text: members, and each pool member's contacts, favors and asks. */
    private Map<String, List<Map<String, Object>>> index() {
        Map<String, List<Map<String, Object>>> byText = new HashMap<>();
        for (Map<String, Object> m : all("/api/v1/members", members.get(0).token())) {
            byText.computeIfAbsent(Kind.SIGN_UP + "\u0000" + m.get("displayName"), k -> new ArrayList<>()).add(m);
        }
        for (Member member : members) {
            for (Map<String, Object> c : all("/api/v1/contacts", member.token())) {
                byText.computeIfAbsent(Kind.CONTACT + "\u0000" + c.get("name"), k -> new ArrayList<>()).add(c);
            }
            for (Map<String, Object> e : all("/api/v1/exchanges", member.token())) {
                // each favor is listed by its recorder and its counterpart: count it once, for the recorder
                if (Boolean.TRUE.equals(e.get("recordedByYou"))) {
                    byText.computeIfAbsent(Kind.EXCHANGE + "\u0000" + e.get("description"), k -> new ArrayList<>()).add(e);
                }
            }
            for (Map<String, Object> a : all("/api/v1/asks", member.token())) {
                byText.computeIfAbsent(Kind.ASK + "\u0000" + a.get("title"), k -> new ArrayList<>()).add(a);
            }
        }
        return byText;
    }

    private List<Map<String, Object>> all(String path, String token) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            String target = path + "?limit=200" + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor,
                    java.nio.charset.StandardCharsets.UTF_8));
            RawHttp.Response page = api.get(target, token);
            if (page.status() != 200) {
                failures.add("listing " + target + " answered " + page.status() + ": " + Text.excerpt(page.body(), 200));
                return items;
            }
            items.addAll(Json.items(page.body()));
            cursor = Json.string(page.body(), "nextCursor");
        } while (cursor != null);
        return items;
    }

    /** (c) A new write of each kind succeeds: an id or a key handed out again after the crash would answer 500. */
    public List<String> freshWritesOfEachKind() {
        List<String> refused = new ArrayList<>();
        Member giver = members.get(0);
        Member receiver = members.get(1);
        String description = "Fresh favor " + unique();
        Write exchange = create(Kind.EXCHANGE, giver, "/api/v1/exchanges", Map.of("direction", "GAVE", "counterpartMemberId",
                receiver.id(), "kind", "ADVICE", "description", description, "weight", 3, "occurredOn", today.minusDays(1).toString()),
                description, receiver);
        String contact = "Fresh contact " + unique();
        String ask = "Fresh ask " + unique();
        Map<Kind, Write> fresh = new LinkedHashMap<>();
        fresh.put(Kind.SIGN_UP, signUp());
        fresh.put(Kind.CONTACT, create(Kind.CONTACT, giver, "/api/v1/contacts", Map.of("name", contact), contact, null));
        fresh.put(Kind.ASK, create(Kind.ASK, giver, "/api/v1/asks", Map.of("title", ask, "details", "After a crash"), ask, null));
        fresh.put(Kind.EXCHANGE, exchange);
        for (Write write : fresh.values()) {
            record(write, refused);
        }
        toConfirm.remove(exchange);
        if (exchange.outcome == Outcome.ACKNOWLEDGED) {
            Write confirmation = new Write(Kind.CONFIRMATION, receiver, "/api/v1/exchanges/" + exchange.id + "/confirm", "{}", null,
                    description, giver, exchange.id);
            record(confirmation, refused);
            toThank.remove(confirmation);
            if (confirmation.outcome == Outcome.ACKNOWLEDGED) {
                String note = "Fresh thanks " + unique();
                record(new Write(Kind.THANKS, receiver, "/api/v1/exchanges/" + exchange.id + "/thanks", Json.write(Map.of("note", note)),
                        UUID.randomUUID().toString(), note, giver, exchange.id), refused);
            }
        }
        return refused;
    }

    private void record(Write write, List<String> refused) {
        perform(write, false);
        if (write.outcome != Outcome.ACKNOWLEDGED) {
            refused.add(write.kind + " after the restart answered " + write.status);
        }
    }

    public long acknowledged() {
        return writes.stream().filter(w -> w.outcome == Outcome.ACKNOWLEDGED).count();
    }
}
