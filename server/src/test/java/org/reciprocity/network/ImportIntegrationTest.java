package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

class ImportIntegrationTest extends IntegrationTest {

    private byte[] sample(String name) throws Exception {
        return getClass().getResourceAsStream("/imports/" + name).readAllBytes();
    }

    private ResultActions upload(Account who, String format, String filename, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/api/v1/contacts/imports")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", bytes))
                .param("format", format).header("Authorization", who.bearer()));
    }

    /** Starts an import and waits for it to end; returns the final job, with the progress values seen on the way. */
    private String importAndWait(Account who, String format, byte[] bytes, List<Integer> progressSeen) throws Exception {
        // a small file may be imported before the answer is written: RUNNING or already DONE
        String id = JsonPath.read(upload(who, format, "file", bytes).andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value(org.hamcrest.Matchers.oneOf("RUNNING", "DONE")))
                .andReturn().getResponse().getContentAsString(), "$.id");
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            String job = mvc.perform(apiGet("/api/v1/contacts/imports/" + id, who.token())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            progressSeen.add(JsonPath.read(job, "$.processed"));
            if (!"RUNNING".equals(JsonPath.read(job, "$.status"))) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("import finished in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private List<Map<String, Object>> contacts(Account who) throws Exception {
        return JsonPath.read(mvc.perform(apiGet("/api/v1/contacts?limit=200", who.token()))
                .andReturn().getResponse().getContentAsString(), "$.items");
    }

    @Test
    void linkedInsExportImportsWithItsPreambleAndReportsBadRowsByLine() throws Exception {
        Account me = newAccount("Importer");
        String job = importAndWait(me, "LINKEDIN_CSV", sample("linkedin-connections.csv"), new ArrayList<>());
        assertThat(JsonPath.<String>read(job, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(job, "$.imported")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(job, "$.merged")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(job, "$.errors[*].line")).containsExactly(8, 9);
        assertThat(JsonPath.<String>read(job, "$.errors[0].message")).contains("no first or last name");
        assertThat(JsonPath.<String>read(job, "$.errors[1].message")).contains("31 Sept 2022");
        List<Map<String, Object>> all = contacts(me);
        assertThat(all).extracting(c -> c.get("name"))
                .containsExactlyInAnyOrder("Ana Lima", "Jonas Weber", "Priya Sharma", "Chloé Dubois", "Kenji Sato");
        Map<String, Object> ana = all.stream().filter(c -> c.get("name").equals("Ana Lima")).findFirst().orElseThrow();
        assertThat(ana).containsEntry("email", "ana.lima@example.org").containsEntry("position", "Director, Supply Chain")
                .containsEntry("lastInteractionOn", "2024-04-01");
        assertThat(all.stream().filter(c -> c.get("name").equals("Priya Sharma")).findFirst().orElseThrow())
                .containsEntry("company", "Infotech, Ltd.").containsEntry("lastInteractionOn", "2021-02-28");
        // importing the same file again duplicates nobody
        String again = importAndWait(me, "LINKEDIN_CSV", sample("linkedin-connections.csv"), new ArrayList<>());
        assertThat(JsonPath.<Integer>read(again, "$.imported")).isZero();
        assertThat(contacts(me)).hasSize(5);
    }

    @Test
    void vCardsFromGoogleAppleOutlookAndThunderbirdImportAndMergeByEmail() throws Exception {
        Account me = newAccount("Vcard Importer");
        mvc.perform(apiPost("/api/v1/contacts", me.token(), json("name", "Kenji S.", "email", "kenji.sato@example.jp")))
                .andExpect(status().isCreated());
        for (String file : new String[] {"google.vcf", "apple.vcf", "outlook.vcf", "thunderbird.vcf"}) {
            String job = importAndWait(me, "VCARD", sample(file), new ArrayList<>());
            assertThat(JsonPath.<String>read(job, "$.status")).as(file).isEqualTo("DONE");
            assertThat(JsonPath.<List<Object>>read(job, "$.errors")).as(file).isEmpty();
        }
        List<Map<String, Object>> all = contacts(me);
        assertThat(all).extracting(c -> c.get("name")).containsExactlyInAnyOrder(
                "Kenji S.", "Maria Schmidt", "Tunde Okafor", "Jürgen Müller", "Sofia Rossi");
        Map<String, Object> maria = find(all, "Maria Schmidt");
        assertThat(maria).containsEntry("email", "maria.schmidt@example.de").containsEntry("company", "Charité Research")
                .containsEntry("phone", "+49 170 1234567");
        assertThat((String) maria.get("notes")).contains("long-term follow-up");
        assertThat(find(all, "Kenji S.")).containsEntry("company", "Sakura Systems");
        assertThat(find(all, "Tunde Okafor")).containsEntry("email", "tunde@lagosfreight.example")
                .containsEntry("profileUrl", "https://www.linkedin.com/in/tunde-okafor");
        assertThat(find(all, "Jürgen Müller")).containsEntry("email", "j.mueller@example.de")
                .containsEntry("position", "Einkaufsleiter");
        assertThat(find(all, "Sofia Rossi")).containsEntry("email", "sofia.rossi@example.it");
    }

    @Test
    void aMalformedFileIsReportedByLineAndTheGoodCardsStillImport() throws Exception {
        Account me = newAccount("Malformed");
        String job = importAndWait(me, "VCARD", sample("malformed.vcf"), new ArrayList<>());
        assertThat(JsonPath.<String>read(job, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<List<Integer>>read(job, "$.errors[*].line")).containsExactly(6, 11);
        assertThat(contacts(me)).extracting(c -> c.get("name")).containsExactlyInAnyOrder("Good Person", "Another Good Person");
        String notAFile = importAndWait(me, "LINKEDIN_CSV", "just some text\nwithout a header".getBytes(), new ArrayList<>());
        assertThat(JsonPath.<String>read(notAFile, "$.errors[0].message")).contains("Connections.csv");
    }

    @Test
    void fiftyThousandRowsImportWithVisibleProgress() throws Exception {
        Account me = newAccount("Big Importer");
        StringBuilder csv = new StringBuilder("Notes:\n\"LinkedIn notes preamble\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("First").append(i).append(",Last").append(i).append(",https://www.linkedin.com/in/p").append(i)
                    .append(",").append(i % 3 == 0 ? "p" + i + "@example.org" : "").append(",Company ").append(i % 500)
                    .append(",Engineer,").append(1 + i % 28).append(" Mar 2024\n");
        }
        List<Integer> progress = new ArrayList<>();
        long started = System.nanoTime();
        String job = importAndWait(me, "LINKEDIN_CSV", csv.toString().getBytes(StandardCharsets.UTF_8), progress);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Imported 50,000 LinkedIn rows on %s in %.1f s: %.0f contacts/s%n",
                org.reciprocity.TestDatabases.kind(), seconds, 50_000 / seconds);
        assertThat(JsonPath.<String>read(job, "$.status")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(job, "$.imported")).isEqualTo(50_000);
        assertThat(JsonPath.<Integer>read(job, "$.total")).isEqualTo(50_000);
        assertThat(progress).as("progress moved through intermediate values").anyMatch(p -> p > 0 && p < 50_000);
        assertThat(progress).isSorted();
        String export = mvc.perform(apiGet("/api/v1/contacts/export?format=csv", me.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(export.lines().count()).as("every contact is exported, not the first 10,000").isEqualTo(50_001);
    }

    @Test
    void filesOverTheLimitsAreRefusedAtOnce() throws Exception {
        Account me = newAccount("Limits");
        StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < 50_001; i++) {
            csv.append("A,B").append(i).append(",,,,,\n");
        }
        upload(me, "LINKEDIN_CSV", "big.csv", csv.toString().getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("50000")));
        upload(me, "EXCEL", "x.xlsx", "x".getBytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        upload(me, "VCARD", "empty.vcf", new byte[0]).andExpect(status().isUnprocessableContent());
        // over 10 MB, sent as a real multipart upload through the servlet container
        String boundary = "----reciprocity-test";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.vcf\"\r\n"
                + "Content-Type: text/vcard\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(new byte[10 * 1024 * 1024 + 10]);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/api/v1/contacts/imports?format=VCARD"))
                .header("Authorization", me.bearer()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        var tooBig = httpClient(null).send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void anotherMemberCannotSeeSomeonesImport() throws Exception {
        Account me = newAccount("Owner Import");
        Account other = newAccount("Other Import");
        String id = JsonPath.read(upload(me, "VCARD", "g.vcf", sample("google.vcf")).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiGet("/api/v1/contacts/imports/" + id, other.token())).andExpect(status().isNotFound());
    }

    @Test
    void exportedContactsImportBackAsTheSameContacts() throws Exception {
        Account me = newAccount("Exporter");
        mvc.perform(apiPost("/api/v1/contacts", me.token(), """
                {"name": "Dana Outside", "email": "dana@example.org", "company": "Acme", "position": "CTO",
                 "tags": ["investor", "climate"], "notes": "Met at COP", "tier": "CLOSE"}"""));
        mvc.perform(apiPost("/api/v1/contacts", me.token(), json("name", "=HYPERLINK(\"http://evil\")", "company", "+Corp")));
        String vcf = mvc.perform(apiGet("/api/v1/contacts/export?format=vcard", me.token()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(vcf).contains("VERSION:4.0");
        String csv = mvc.perform(apiGet("/api/v1/contacts/export?format=csv", me.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("'=HYPERLINK").contains("'+Corp").doesNotContain(",=HYPERLINK");

        Account fromVcard = newAccount("Vcard Round Trip");
        importAndWait(fromVcard, "VCARD", vcf.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        Map<String, Object> dana = find(contacts(fromVcard), "Dana Outside");
        assertThat(dana).containsEntry("email", "dana@example.org").containsEntry("company", "Acme")
                .containsEntry("position", "CTO").containsEntry("notes", "Met at COP").containsEntry("tier", "CLOSE");
        assertThat((List<String>) dana.get("tags")).containsExactly("investor", "climate");

        Account fromCsv = newAccount("Csv Round Trip");
        importAndWait(fromCsv, "LINKEDIN_CSV", csv.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        Map<String, Object> danaCsv = find(contacts(fromCsv), "Dana Outside");
        assertThat(danaCsv).containsEntry("email", "dana@example.org").containsEntry("company", "Acme")
                .containsEntry("notes", "Met at COP").containsEntry("tier", "CLOSE");
        assertThat(contacts(fromCsv)).hasSize(2);
    }

    @Test
    void aRepeatedUploadWithTheSameIdempotencyKeyStartsOneImport() throws Exception {
        Account me = newAccount("Idem Import");
        MockMultipartFile file = new MockMultipartFile("file", "g.vcf", "text/vcard", sample("google.vcf"));
        String first = mvc.perform(multipart("/api/v1/contacts/imports").file(file).param("format", "VCARD")
                .header("Authorization", me.bearer()).header("Idempotency-Key", "import-1"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(multipart("/api/v1/contacts/imports").file(file).param("format", "VCARD")
                .header("Authorization", me.bearer()).header("Idempotency-Key", "import-1"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.<String>read(first, "$.id"));
    }

    private static Map<String, Object> find(List<Map<String, Object>> all, String name) {
        return all.stream().filter(c -> name.equals(c.get("name"))).findFirst().orElseThrow(() -> new AssertionError(name + " in " + all));
    }
}
