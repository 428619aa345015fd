package org.reciprocity.harness;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded hostile requests for the operations of the OpenAPI document. Each case starts from a valid
 * request (a body that passes validation, the member's token) and changes one thing — a path
 * parameter, a query parameter, a body field, the body's syntax, its media type or a header — so a
 * failure points at its cause; one case in five changes several things at once. The same seed and
 * the same server state give the same requests.
 */
public final class Fuzzer {

    /** A request and what was done to it, in words that name the cause of a failure. */
    public record Case(ApiDocs.Operation operation, RawHttp.Request request, String mutation) {}

    private static final String HUGE = "x".repeat(100_000);

    /** A hostile value as it goes on the wire, and the kind of input it is (what a failure is reported under). */
    record Value(String wire, String kind) {}

    private static List<Value> values(String kind, String... wires) {
        return java.util.Arrays.stream(wires).map(w -> new Value(w, kind)).toList();
    }

    private static final List<Value> ENCODING_VALUES = concat(
            values("invalid UTF-8 escape", "%FF%FE", "%C0%AF", "%ED%A0%80", "%E2%82", "%F8%88%80%80%80", "%FF".repeat(300)),
            values("NUL escape", "%00", "a%00b"),
            values("malformed % escape", "%", "%G1", "%1"),
            values("raw non-ASCII bytes", "\u00e9t\u00e9", "\u00ff"));

    /** Path segments: the encodings above, traversal and separators, odd text, and lengths up past Tomcat's limit. */
    private static final List<Value> HOSTILE_SEGMENTS = concat(ENCODING_VALUES,
            values("encoded slash, backslash or dot segment", "%2F", "%2e%2e", "..", "%5C"),
            values("path parameter syntax", ";", "%3B", ";jsessionid=x"),
            values("odd text", "%25", "%C3%A9t%C3%A9", "%F0%9F%98%80", "null", "-1", "0", "99999999999999999999999",
                    "1'%20OR%20'1'%3D'1", "%3Cscript%3E", "%20", "+", "%7Bid%7D"),
            values("long segment (300 to 5000 characters)", "a".repeat(300), "b".repeat(5_000)),
            values("request line over 8 kB", "c".repeat(20_000)));

    private static final List<Value> HOSTILE_QUERY_VALUES = concat(ENCODING_VALUES,
            values("empty", ""),
            values("number out of range", "-1", "0", "-2147483649", "2147483648", "99999999999999999999"),
            values("not an integer", "1e3", "1.5", "abc", "%201", "0x10", "+5", "true", "%5B%5D", "%7B%7D"),
            values("long value (3000 characters)", "a".repeat(3_000)));

    private static final List<Value> HOSTILE_CURSORS = values("forged cursor", "AAAA", "-1", "0", "MTIz", "eyJhIjoxfQ",
            "9".repeat(40), "!!!", "=");

    private static final List<String> DATES = List.of("2024-02-30", "2023-02-29", "2024-13-01", "0000-00-00",
            "+999999999-12-31", "-999999999-01-01", "99999-01-01", "2024-1-1", "yesterday", "2024-02-29T00:00:00Z", "",
            "9999-12-31", "0001-01-01", "2024-06-01\u0000", "١٢٣٤-٠١-٠١");

    private static final List<String> URLS = List.of("https://127.0.0.1:9/x", "http://127.0.0.1:9/x", "https://localhost:9/x",
            "javascript:alert(1)", "https://[::1]:9/x", "https://127.0.0.1:99999/x", "https://user@127.0.0.1:9/x",
            "file:///etc/passwd", "https://127.0.0.1:9/#frag", "https://%FF/", "https:///x", "https://", "ftp://127.0.0.1/",
            "https://127.0.0.1:9/" + "p".repeat(5_000));

    private static final List<String> CONTENT_TYPES = List.of("", "text/plain", "application/xml", "application/json; charset=ISO-8859-1",
            "application/json; charset=bogus", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/problem+json", "*/*", "%%%", "application/json; boundary=x", "application/JSON", "text/json",
            "application/vnd.api+json");

    private static final List<String> ACCEPTS = List.of("application/xml", "text/html", "*/*", "application/problem+json",
            "image/png", "garbage", "", "text/csv", "application/json;q=0");

    private final Random random;
    private final List<ApiDocs.Operation> operations;
    private final SampleValues samples;
    private final String token;
    private final List<String> ids;
    private final String takenEmail;
    private final List<String> usedKeys = new ArrayList<>();
    private List<ApiDocs.Operation> round = List.of();
    private int next;

    public Fuzzer(long seed, List<ApiDocs.Operation> operations, LocalDate today, String token, String takenEmail,
                  List<String> ids) {
        this.takenEmail = takenEmail;
        this.random = new Random(seed);
        this.operations = operations;
        this.samples = new SampleValues(today);
        this.token = token;
        this.ids = ids;
    }

    /** Every operation once per round, in a fresh order each round, so that all are covered evenly. */
    public Case next() {
        if (next == round.size()) {
            List<ApiDocs.Operation> shuffled = new ArrayList<>(operations);
            java.util.Collections.shuffle(shuffled, random);
            round = shuffled;
            next = 0;
        }
        return generate(round.get(next++));
    }

    /** The member's own objects: valid ids reach the handlers' deeper paths. */
    public void remember(String id) {
        if (id != null && !ids.contains(id) && ids.size() < 500) {
            ids.add(id);
        }
    }

    private Case generate(ApiDocs.Operation op) {
        Draft draft = baseline(op);
        int mutations = random.nextInt(5) == 0 ? 2 + random.nextInt(2) : 1;
        for (int i = 0; i < mutations; i++) {
            mutate(op, draft);
        }
        String label = mutations == 1 ? draft.labels.get(0) : "combined: " + String.join(" + ", draft.labels);
        if (random.nextInt(10) == 0 && draft.headers.stream().anyMatch(h -> h[1].equals("Bearer " + token))) {
            // one case in ten comes from an anonymous caller, who must get a clean 401 whatever else is wrong
            draft.remove("Authorization");
            label = "anonymous, " + label;
        }
        return new Case(op, draft.render(), label);
    }

    // --- the valid starting point ------------------------------------------------------------------

    private Draft baseline(ApiDocs.Operation op) {
        Draft d = new Draft(op.method(), op.path());
        for (ApiDocs.Parameter p : op.in("path")) {
            d.path.put(p.name(), p.name().equals("tier") ? "CLOSE" : anyId());
        }
        d.header("Authorization", "Bearer " + token);
        d.header("Accept", "application/json");
        if (op.body() != null && op.body().isMultipart()) {
            d.multipart(random, "VCARD", vcard(), "import.vcf");
        } else if (op.body() != null) {
            d.json(baselineBody(op.body()));
        }
        return d;
    }

    /**
     * A valid body; sign-ups mostly with an address already taken, which passes every validation and
     * stops just before the account is made: the run adds a handful of members to the shared test
     * database, not hundreds (some tests read the directory's first page).
     */
    private Map<String, Object> baselineBody(ApiDocs.Body body) {
        Map<String, Object> values = samples.body(body);
        if ("SignUp".equals(body.schemaName()) && random.nextInt(10) != 0) {
            values.put("email", takenEmail);
        }
        return values;
    }

    private String anyId() {
        return ids.isEmpty() || random.nextInt(4) == 0 ? UUID.randomUUID().toString() : pick(ids);
    }

    // --- one change -------------------------------------------------------------------------------

    private void mutate(ApiDocs.Operation op, Draft d) {
        int roll = random.nextInt(100);
        if (roll < 15 && !op.in("path").isEmpty()) {
            ApiDocs.Parameter p = pick(op.in("path"));
            Value value = pick(HOSTILE_SEGMENTS);
            d.path.put(p.name(), value.wire());
            d.labels.add("path " + p.name() + ": " + value.kind());
        } else if (roll < 30) {
            query(op, d);
        } else if (roll < 75 && op.body() != null) {
            if (op.body().isMultipart()) {
                multipart(d);
            } else {
                body(op, d);
            }
        } else if (roll < 80) {
            contentType(d);
        } else if (roll < 88) {
            authorization(d);
        } else if (roll < 94 && op.method().equals("POST")) {
            idempotencyKey(d);
        } else if (roll < 97) {
            String accept = pick(ACCEPTS);
            d.replace("Accept", accept);
            d.labels.add("Accept: " + (accept.isEmpty() ? "(empty)" : accept));
        } else if (roll < 99) {
            String method = pick(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
            d.method = method;
            d.labels.add("method " + method);
        } else if (op.body() == null) {
            d.json(Map.of("unexpected", "body"));
            d.labels.add("body on an operation without one");
        } else {
            body(op, d);
        }
    }

    private void query(ApiDocs.Operation op, Draft d) {
        List<ApiDocs.Parameter> params = op.in("query");
        if (params.isEmpty() || random.nextInt(6) == 0) {
            Value value = pick(HOSTILE_QUERY_VALUES);
            d.query.add(new String[] {"unknownParam", value.wire()});
            d.labels.add("undeclared query parameter: " + value.kind());
            return;
        }
        ApiDocs.Parameter p = pick(params);
        Value value = switch (random.nextInt(4)) {
            case 0 -> p.name().equals("cursor") ? pick(HOSTILE_CURSORS) : pick(HOSTILE_QUERY_VALUES);
            case 1, 2 -> pick(HOSTILE_QUERY_VALUES);
            default -> new Value(anyId(), "an id");
        };
        d.query.add(new String[] {p.name(), value.wire()});
        if (random.nextInt(5) == 0) {
            Value second = pick(HOSTILE_QUERY_VALUES);
            d.query.add(new String[] {p.name(), second.wire()});
            d.labels.add("query " + p.name() + " repeated (" + value.kind() + ", " + second.kind() + ")");
        } else {
            d.labels.add("query " + p.name() + ": " + value.kind());
        }
    }

    private void body(ApiDocs.Operation op, Draft d) {
        Map<String, Object> valid = baselineBody(op.body());
        int roll = random.nextInt(100);
        List<String> fields = new ArrayList<>(op.body().properties().keySet());
        if (roll < 50 && !fields.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            String field = pick(fields);
            Hostile value = hostile(field, op.body().properties().get(field));
            body.put(field, value.value());
            d.json(body);
            d.labels.add("body " + field + ": " + value.label());
        } else if (roll < 58) {
            Map<String, Object> body = new LinkedHashMap<>(valid);
            for (int i = 0; i < 1 + random.nextInt(50); i++) {
                body.put("unknown" + i, i % 2 == 0 ? "x" : Map.of("nested", List.of(1, 2)));
            }
            d.json(body);
            d.labels.add("body with unknown fields");
        } else if (roll < 62) {
            d.json(new LinkedHashMap<>());
            d.labels.add("body {}");
        } else if (roll < 92) {
            Malformed bad = malformed(Json.write(valid));
            d.body = bad.bytes();
            d.labels.add("body " + bad.label());
        } else if (roll < 96) {
            d.body = new byte[0];
            d.labels.add("empty body");
        } else {
            d.body = null;
            d.remove("Content-Type");
            d.labels.add("no body, no Content-Type");
        }
    }

    record Hostile(Object value, String label) {}

    private Hostile hostile(String field, Map<String, Object> schema) {
        String type = String.valueOf(schema.getOrDefault("type", "string"));
        String lower = field.toLowerCase(Locale.ROOT);
        int roll = random.nextInt(100);
        if (roll < 25 && (lower.endsWith("on") || lower.equals("until") || lower.endsWith("at") || lower.endsWith("date"))) {
            String date = pick(DATES);
            return new Hostile(date, "invalid date");
        }
        if (roll < 25 && lower.equals("url")) {
            String url = pick(URLS);
            return new Hostile(url, "odd URL");
        }
        if (roll < 25 && lower.equals("email")) {
            String email = pick(List.of("a@b", "@", "x@" + "y".repeat(300) + ".org", "a\u0000b@example.org", "A@EXAMPLE.ORG ",
                    "\"q\"@example.org", "a@[127.0.0.1]"));
            return new Hostile(email, "odd e-mail address");
        }
        return switch (random.nextInt(24)) {
            case 0 -> new Hostile(null, "null");
            case 1 -> new Hostile(new Json.Raw("1e400"), "number 1e400");
            case 2 -> new Hostile(new Json.Raw("99999999999999999999999999"), "huge integer");
            case 3 -> new Hostile(-1, "-1");
            case 4 -> new Hostile(2_147_483_648L, "2^31");
            case 5 -> new Hostile(1.5, "1.5");
            case 6 -> new Hostile(true, "boolean");
            case 7 -> new Hostile("", "empty string");
            case 8 -> new Hostile(List.of(), "empty array");
            case 9 -> new Hostile(Map.of("a", 1), "object");
            case 10 -> new Hostile(HUGE, "100 kB string");
            case 11 -> new Hostile("a\u0000b", "NUL character");
            case 12 -> new Hostile("\u0001\u0002\u0007\u001b[31m\u007f\u0085", "control characters");
            case 13 -> new Hostile("a\ud800b", "lone surrogate");
            case 14 -> new Hostile("\u202eevil\uffff\ufeff", "bidi override and non-characters");
            case 15 -> new Hostile(new Json.Raw("[".repeat(1_000) + "]".repeat(1_000)), "array nested 1000 deep");
            case 16 -> new Hostile(new Json.Raw("[".repeat(100_000) + "]".repeat(100_000)), "array nested 100000 deep");
            case 17 -> new Hostile(java.util.Collections.nCopies(10_000, "t"), "array of 10000 strings");
            case 18 -> new Hostile(java.util.Collections.nCopies(50, "y".repeat(5_000)), "array of 50 long strings");
            case 19 -> new Hostile(java.util.Arrays.asList("a", null), "array with null");
            case 20 -> new Hostile("'; drop table member; --", "SQL text");
            case 21 -> new Hostile("array".equals(type) ? "not an array" : List.of("not", "a", type), "wrong type for " + type);
            case 22 -> new Hostile(String.valueOf(samples.value(null, field, schema)).toLowerCase(Locale.ROOT) + "\u0000",
                    "valid value with NUL");
            default -> new Hostile("NOPE_" + "Z".repeat(random.nextInt(3) * 100), "unknown enum value");
        };
    }

    record Malformed(byte[] bytes, String label) {}

    private Malformed malformed(String valid) {
        return switch (random.nextInt(22)) {
            case 0 -> text("{", "malformed JSON: {");
            case 1 -> text(valid.substring(0, random.nextInt(Math.max(1, valid.length()))), "malformed JSON: truncated");
            case 2 -> text(valid + "garbage", "malformed JSON: trailing garbage");
            case 3 -> text("{'title':'x'}", "malformed JSON: single quotes");
            case 4 -> text("nul", "malformed JSON: nul");
            case 5 -> text("[]", "JSON array instead of an object");
            case 6 -> text("\"text\"", "JSON string instead of an object");
            case 7 -> text("123", "JSON number instead of an object");
            case 8 -> text("null", "JSON null");
            case 9 -> text("{\"weight\":NaN,\"title\":Infinity}", "malformed JSON: NaN");
            case 10 -> text("\u0000", "NUL byte body");
            case 11 -> new Malformed(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, valid.getBytes(StandardCharsets.UTF_8)),
                    "JSON with a byte-order mark");
            case 12 -> new Malformed(("{\"title\":\"" + "\u00ff\u00fe" + "\",\"name\":\"\u00c3\"}").getBytes(StandardCharsets.ISO_8859_1),
                    "invalid UTF-8 inside strings");
            case 13 -> {
                byte[] bytes = new byte[256];
                random.nextBytes(bytes);
                yield new Malformed(bytes, "random bytes");
            }
            case 14 -> text("[".repeat(100_000), "100000 unclosed brackets");
            case 15 -> text("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "object nested 10000 deep");
            case 16 -> text(valid.replaceFirst("\\{", "{\"title\":\"a\",\"title\":\"b\","), "duplicate keys");
            case 17 -> text("/* comment */" + valid, "JSON with a comment");
            case 18 -> text(valid.replaceFirst("}$", ",}"), "trailing comma");
            case 19 -> {
                StringBuilder b = new StringBuilder("{");
                for (int i = 0; i < 20_000; i++) {
                    b.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
                }
                yield text(b.append('}').toString(), "object with 20000 fields");
            }
            case 20 -> text("{\"\\uD800\":\"\\uDFFF\",\"x\":\"\\u0000\"}", "escaped lone surrogates");
            default -> text("{\"a\":1}{\"b\":2}", "two JSON objects");
        };
    }

    private static Malformed text(String text, String label) {
        return new Malformed(text.getBytes(StandardCharsets.UTF_8), label);
    }

    private void multipart(Draft d) {
        String boundary = "fuzz" + Long.toHexString(random.nextLong());
        String file = vcard();
        switch (random.nextInt(16)) {
            case 0 -> {
                d.body = part(boundary, "file", "a.vcf", file, true);
                d.replace("Content-Type", "multipart/form-data");
                d.labels.add("multipart without boundary");
            }
            case 1 -> {
                d.body = part(boundary, "file", "a.vcf", file, false);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart unterminated");
            }
            case 2 -> {
                d.body = part(boundary, "file", "a.vcf", file, true);
                d.replace("Content-Type", "multipart/form-data; boundary=other" + boundary);
                d.labels.add("multipart with the wrong boundary");
            }
            case 3 -> {
                d.body = new byte[0];
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart with an empty body");
            }
            case 4 -> {
                d.body = ("--" + boundary + "\r\n\r\nno headers\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart part without headers");
            }
            case 5 -> {
                d.body = part(boundary, "files", "a.vcf", file, true);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart part with another name");
            }
            case 6 -> {
                d.body = part(boundary, "file", "n".repeat(10_000) + ".vcf", file, true);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart with a 10000-character file name");
            }
            case 7 -> {
                d.body = part(boundary, "file", "a\u0000\u00ff.vcf", file, true);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart file name with NUL");
            }
            case 8 -> {
                String longBoundary = "b".repeat(200);
                d.body = part(longBoundary, "file", "a.vcf", file, true);
                d.replace("Content-Type", "multipart/form-data; boundary=\"" + longBoundary + "\"");
                d.labels.add("multipart with a 200-character boundary");
            }
            case 9 -> {
                d.body = part(boundary, "file", "a.csv", "First Name,Last Name\r\n" + "x,".repeat(50_000) + "\r\n", true);
                d.query.add(new String[] {"format", "LINKEDIN_CSV"});
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart CSV with a 100 kB line");
            }
            case 10 -> {
                byte[] bytes = new byte[2_000];
                random.nextBytes(bytes);
                d.body = concat(concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8), bytes), ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
                d.query.add(new String[] {"format", pick(List.of("LINKEDIN_CSV", "VCARD"))});
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart file of random bytes");
            }
            case 11 -> {
                d.body = part(boundary, "file", "a.vcf", "BEGIN:VCARD\r\n".repeat(5_000) + "FN:" + "\u00e9".repeat(10), true);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("multipart vCard without END");
            }
            case 12 -> {
                String format = pick(List.of("", "BOGUS", "vcard", "linkedin_csv", "%FF%FE", "VCARD\u0000"));
                d.multipart(random, format, file, "a.vcf");
                d.labels.add("multipart with format '" + Text.excerpt(format, 12) + "'");
            }
            case 13 -> {
                d.body = Json.write(Map.of("file", "x")).getBytes(StandardCharsets.UTF_8);
                d.replace("Content-Type", "multipart/form-data; boundary=" + boundary);
                d.labels.add("JSON body sent as multipart");
            }
            case 14 -> {
                d.body = part(boundary, "file", "a.vcf", file, true);
                d.replace("Content-Type", "multipart/mixed; boundary=" + boundary);
                d.labels.add("multipart/mixed");
            }
            default -> {
                d.multipart(random, "VCARD", "", "empty.vcf");
                d.labels.add("multipart with an empty file");
            }
        }
    }

    private static byte[] part(String boundary, String name, String filename, String content, boolean terminated) {
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n" + (terminated ? "--" + boundary + "--\r\n" : "");
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private String vcard() {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fuzz " + random.nextInt(1_000_000) + "\r\nEMAIL:fuzz" + random.nextInt(1_000_000)
                + "@example.org\r\nEND:VCARD\r\n";
    }

    private void contentType(Draft d) {
        String type = pick(CONTENT_TYPES);
        if (type.isEmpty()) {
            d.remove("Content-Type");
            d.labels.add("no Content-Type");
        } else {
            d.replace("Content-Type", type);
            d.labels.add("Content-Type: " + type);
        }
        if (d.body == null) {
            d.body = "{}".getBytes(StandardCharsets.UTF_8);
        }
    }

    private void authorization(Draft d) {
        String basicOfStranger = "Basic " + Base64.getEncoder().encodeToString(("fuzz-" + random.nextInt(1000)
                + "@example.org:wrong password").getBytes(StandardCharsets.UTF_8));
        Value value = switch (random.nextInt(13)) {
            case 0 -> new Value(null, "anonymous");
            case 1 -> new Value("Bearer", "Bearer without a token");
            case 2 -> new Value("Bearer ", "Bearer with an empty token");
            case 3 -> new Value("Bearer rcp_" + Long.toHexString(random.nextLong()), "unknown token");
            case 4 -> new Value("Bearer " + "x".repeat(5_000), "5000-character token");
            case 5 -> new Value("Basic", "Basic without credentials");
            case 6 -> new Value("Basic %%%", "Basic with invalid Base64");
            case 7 -> new Value("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)),
                    "Basic without a colon");
            case 8 -> new Value("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, (byte) 0xfe, ':', (byte) 0xff}),
                    "Basic with invalid UTF-8");
            case 9 -> new Value("Digest username=\"x\"", "Digest scheme");
            case 10 -> new Value("bearer " + token, "lower-case scheme");
            case 11 -> new Value("Bearer " + token + " extra", "token with trailing text");
            default -> new Value(basicOfStranger, "Basic with a wrong password");
        };
        if (value.wire() == null) {
            d.remove("Authorization");
        } else {
            d.replace("Authorization", value.wire());
        }
        d.labels.add("Authorization: " + value.kind());
    }

    private void idempotencyKey(Draft d) {
        int roll = random.nextInt(9);
        if (roll == 0 && !usedKeys.isEmpty()) {
            d.replace("Idempotency-Key", pick(usedKeys));
            d.labels.add("Idempotency-Key reused");
            return;
        }
        Value key = switch (roll) {
            case 1 -> new Value("", "empty");
            case 2 -> new Value("   ", "blank");
            case 3 -> new Value("k".repeat(201), "201 characters");
            case 4 -> new Value("k".repeat(7_000), "7000 characters");
            case 5 -> new Value("\u00ff\u00fe\u00e9", "non-ASCII bytes");
            case 6 -> new Value("\t", "a tab");
            case 7 -> new Value("%00", "'%00'");
            default -> new Value(UUID.randomUUID().toString(), "a fresh UUID");
        };
        d.replace("Idempotency-Key", key.wire());
        usedKeys.add(key.wire());
        d.labels.add("Idempotency-Key: " + key.kind());
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A request being put together. */
    private static final class Draft {
        String method;
        final String template;
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String[]> query = new ArrayList<>();
        final List<String[]> headers = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        byte[] body;

        Draft(String method, String template) {
            this.method = method;
            this.template = template;
        }

        Draft header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        void replace(String name, String value) {
            remove(name);
            header(name, value);
        }

        void remove(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        }

        void json(Map<String, Object> value) {
            body = Json.write(value).getBytes(StandardCharsets.UTF_8);
            replace("Content-Type", "application/json");
        }

        void multipart(Random random, String format, String file, String filename) {
            String boundary = "fuzz" + Long.toHexString(random.nextLong());
            String text = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\n" + format + "\r\n"
                    + new String(part(boundary, "file", filename, file, true), StandardCharsets.UTF_8);
            body = text.getBytes(StandardCharsets.UTF_8);
            replace("Content-Type", "multipart/form-data; boundary=" + boundary);
        }

        RawHttp.Request render() {
            String target = template;
            for (Map.Entry<String, String> p : path.entrySet()) {
                target = target.replace("{" + p.getKey() + "}", p.getValue());
            }
            StringBuilder q = new StringBuilder();
            for (String[] pair : query) {
                q.append(q.isEmpty() ? '?' : '&').append(pair[0]).append('=').append(pair[1]);
            }
            return new RawHttp.Request(method, target + q, List.copyOf(headers), body);
        }
    }
}
