package org.reciprocity.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;

/**
 * Malformed input of every kind answers 400, 413 or 422 with problem details, never a 500, and no
 * message names an exception: invalid UTF-8 in any query parameter, broken multipart bodies, NUL in
 * text, oversized bodies.
 */
class BadInputIntegrationTest extends IntegrationTest {

    static final List<String> LISTS = List.of("/api/v1/contacts", "/api/v1/members", "/api/v1/exchanges",
            "/api/v1/asks", "/api/v1/offers", "/api/v1/opportunities", "/api/v1/losing-touch", "/api/v1/connections",
            "/api/v1/connection-requests", "/api/v1/contacts/export", "/api/v1/me/give-first", "/api/v1/me/opportunities",
            "/api/v1/me/mutual-benefit", "/api/v1/pledges", "/api/v1/interactions", "/api/v1/webhooks");

    static final List<String> PARAMETERS = List.of("limit", "cursor", "sort", "format", "direction", "q");

    @Test
    void invalidUtf8InAnyQueryParameterIsA400ProblemOnEveryEndpoint() throws Exception {
        Account ana = newAccount("Ana Bytes");
        for (String path : LISTS) {
            for (String parameter : PARAMETERS) {
                for (String value : List.of("%FF%FE", "%C3", "%E2%82", "%ZZ", "%", "%00", "a%0Db")) {
                    String target = path + "?" + parameter + "=" + value;
                    String response = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
                            + ana.bearer() + "\r\nConnection: close\r\n\r\n");
                    assertThat(response).as(target).startsWith("HTTP/1.1 400");
                    assertThat(response).as(target).containsIgnoringCase("Content-Type: application/problem+json")
                            .contains("\"status\":400").doesNotContain("Exception");
                }
            }
        }
    }

    @Test
    void brokenMultipartBodiesAre400() throws Exception {
        Account ana = newAccount("Ana Multipart");
        HttpResponse<String> noBoundary = http("POST", "/api/v1/contacts/imports", "xx", "Authorization", ana.bearer(),
                "Content-Type", "multipart/form-data");
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.body()).contains("multipart").doesNotContain("Exception");
        HttpResponse<String> unterminated = http("POST", "/api/v1/contacts/imports",
                "--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nxx", "Authorization", ana.bearer(),
                "Content-Type", "multipart/form-data; boundary=abc");
        assertThat(unterminated.statusCode()).isEqualTo(400);
        HttpResponse<String> withKey = http("POST", "/api/v1/contacts/imports", "xx", "Authorization", ana.bearer(),
                "Content-Type", "multipart/form-data", "Idempotency-Key", "broken-upload");
        assertThat(withKey.statusCode()).isEqualTo(400);
        // a file name the container refuses (a NUL in it), with and without an idempotency key
        String nulName = "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.vcf\"\r\n"
                + "Content-Type: text/vcard\r\n\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nEND:VCARD\r\n--abc--\r\n";
        for (String idempotencyKey : List.of("nul-file-name", "")) {
            HttpResponse<String> refused = idempotencyKey.isEmpty()
                    ? http("POST", "/api/v1/contacts/imports", nulName, "Authorization", ana.bearer(),
                            "Content-Type", "multipart/form-data; boundary=abc")
                    : http("POST", "/api/v1/contacts/imports", nulName, "Authorization", ana.bearer(),
                            "Content-Type", "multipart/form-data; boundary=abc", "Idempotency-Key", idempotencyKey);
            // a 400 on the broken upload, or (once the idempotency filter parsed it) a 422 on the missing file; never a 500
            assertThat(refused.statusCode()).as(refused.body()).isIn(400, 422);
            assertThat(refused.body()).contains("file").doesNotContain("Exception");
        }
    }

    @Test
    void nulInJsonTextIsRefusedNamingTheField() throws Exception {
        Account ana = newAccount("Ana Nul");
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), "{\"name\": \"Bob\\u0000Tables\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(apiPut("/api/v1/me/profile", ana.token(), "{\"skills\": [\"Java\", \"S\\u0007QL\"]}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(apiPost("/api/v1/asks", ana.token(), "{\"title\": \"Help\\u001b[31m me\", \"details\": \"\"}"))
                .andExpect(status().isUnprocessableContent());
        // line breaks and tabs are text
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), "{\"name\": \"Bob\", \"notes\": \"line one\\nline\\ttwo\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void wrongTypesNameTheFieldWithoutInternals() throws Exception {
        Account ana = newAccount("Ana Types");
        String body = mvc.perform(apiPost("/api/v1/exchanges", ana.token(), "{\"weight\": \"heavy\"}"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("weight").doesNotContain("Exception").doesNotContain("tools.jackson");
        // a number or a boolean is not text: refused, not turned into "5"
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), "{\"name\": 5}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'name'")));
        mvc.perform(apiPost("/api/v1/contacts", ana.token(), "{\"name\": true}")).andExpect(status().isBadRequest());
        mvc.perform(apiPut("/api/v1/me/profile", ana.token(), "{\"skills\": [\"Java\", 7]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("skills[1]")));
        assertThat(mvc.perform(apiGet("/api/v1/contacts", ana.token())).andReturn().getResponse().getContentAsString())
                .doesNotContain("\"5\"").doesNotContain("\"true\"");
    }

    /** The fuzzer's seed 4798642906016717867: the firewall refused the parameter inside the controller, a 500. */
    @Test
    void aNulInAFormBodyToTheApiIsA400() throws Exception {
        Account ana = newAccount("Ana Form Nul");
        // over HTTP: MockMvc does not read a form body into parameters, so the firewall never sees it there
        HttpResponse<String> answer = http("POST", "/api/v1/blocks", "\u0000", "Authorization", ana.bearer(),
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "application/json");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("not allowed");
    }

    @Test
    void nulInAFormFieldIsRefused() throws Exception {
        HttpResponse<String> response = http("POST", "/login", "email=a%00b%40example.org&password=x",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeAnythingReadsIt() throws Exception {
        Account ana = newAccount("Ana Big");
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> withLength = http("POST", "/api/v1/contacts", huge, "Authorization", ana.bearer(),
                "Content-Type", "application/json");
        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(withLength.body()).contains("\"status\":413");
        assertThat(chunked("/api/v1/contacts", huge, ana.bearer(), null)).startsWith("HTTP/1.1 413");
        assertThat(chunked("/api/v1/contacts", huge, ana.bearer(), "big-key")).startsWith("HTTP/1.1 413");
    }

    /** Sends a request as written, over a raw socket (java.net.http refuses malformed escapes); returns the answer. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** A POST with a chunked body (no Content-Length), over a raw socket; returns the status line and body. */
    private String chunked(String path, String body, String bearer, String idempotencyKey) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + bearer
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n"
                    + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            try {
                for (int from = 0; from < bytes.length; from += 8192) {
                    int n = Math.min(8192, bytes.length - from);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, from, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server may answer and close before the whole body is sent
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
