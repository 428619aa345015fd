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

@SuppressWarnings("unchecked")
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
        assertThat(JsonPath.<Integer>read(job, "$.skipped")).isEqualTo(1);
        assertThat(JsonPath.<String>read(job, "$.errors[0].message")).contains("no first or last name");
        assertThat(JsonPath.<String>read(job, "$.errors[1].message")).contains("31 Sept 2022");
        List<Map<String, Object>> all = contacts(me);
        assertThat(all).extracting(c -> c.get("name"))
                .containsExactlyInAnyOrder("Ana Lima", "Jonas Weber", "Priya Sharma", "Chloé Dubois", "Kenji Sato");
        Map<String, Object> ana = all.stream().filter(c -> c.get("name").equals("Ana Lima")).findFirst().orElseThrow();
        assertThat(ana).containsEntry("email", "ana.lima@example.org").containsEntry("position", "Director, Supply Chain")
                // two rows of hers merged: "connected since" keeps the earlier date, and the contact starts untracked
                .containsEntry("connectedOn", "2024-03-12").containsEntry("tier", "UNTRACKED");
        assertThat(all.stream().filter(c -> c.get("name").equals("Priya Sharma")).findFirst().orElseThrow())
                .containsEntry("company", "Infotech, Ltd.").containsEntry("connectedOn", "2021-02-28");
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
        assertThat((List<Map<String, Object>>) maria.get("emails")).containsExactly(
                Map.of("value", "maria.schmidt@example.de", "type", "WORK", "primary", true),
                Map.of("value", "maria@home.example", "type", "HOME", "primary", false));
        assertThat((List<Map<String, Object>>) maria.get("phones")).containsExactly(
                Map.of("value", "+49 170 1234567", "type", "MOBILE", "primary", true),
                Map.of("value", "+49 30 7654321", "type", "WORK", "primary", false));
        assertThat((List<Map<String, Object>>) find(all, "Tunde Okafor").get("emails")).containsExactly(
                Map.of("value", "tunde@lagosfreight.example", "type", "WORK", "primary", true),
                Map.of("value", "tunde.okafor@mail.example", "type", "OTHER", "primary", false));
        assertThat((List<Map<String, Object>>) find(all, "Jürgen Müller").get("phones")).extracting(p -> p.get("type"))
                .containsExactly("WORK", "MOBILE");
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
        assertThat(JsonPath.<String>read(job, "$.errors[0].message")).contains("imported under its e-mail");
        assertThat(JsonPath.<Integer>read(job, "$.skipped")).isEqualTo(1);
        assertThat(contacts(me)).extracting(c -> c.get("name"))
                .containsExactlyInAnyOrder("Good Person", "Another Good Person", "nameless@example.org");
        upload(me, "LINKEDIN_CSV", "notes.txt", "just some text\nwithout a header".getBytes())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("no LinkedIn columns: expected First Name, Last Name, URL"),
                        org.hamcrest.Matchers.containsString("found just some text"),
                        org.hamcrest.Matchers.containsString("Connections.csv"))));
        upload(me, "VCARD", "notes.txt", "just some text".getBytes()).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("BEGIN:VCARD")));
    }

    @Test
    void linkedInRowsWithoutAHeaderAndSpreadsheetResavedFilesImport() throws Exception {
        Account me = newAccount("Spreadsheet");
        String headerless = """
                Ana,Lima,https://www.linkedin.com/in/ana-lima,ana@example.org,Acme,"Director, Supply",12 Mar 2024
                Jonas,Weber,https://www.linkedin.com/in/jonasweber,,Weber & Söhne,Engineer,03 Jan 2023
                """;
        String job = importAndWait(me, "LINKEDIN_CSV", headerless.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        assertThat(JsonPath.<Integer>read(job, "$.imported")).isEqualTo(2);
        assertThat(find(contacts(me), "Ana Lima")).containsEntry("position", "Director, Supply")
                .containsEntry("connectedOn", "2024-03-12");

        // Excel's "Unicode text" and "CSV (semicolon)" saves: UTF-16 with a mark, CRLF, quotes, numeric dates
        String excel = "First Name;Last Name;URL;Email Address;Company;Position;Connected On\r\n"
                + "\"Chloé\";\"Dubois\";https://www.linkedin.com/in/chloe;chloe@example.fr;\"Studio; Lumière\";Designer;12/03/2024\r\n"
                + "Kenji;Sato;https://www.linkedin.com/in/kenji;;Sakura;CTO;2024-03-12\r\n"
                + ";;https://www.linkedin.com/in/nobody;;Ghost;;01/01/2020\r\n";
        byte[] utf16 = ("\uFEFF" + excel).getBytes(StandardCharsets.UTF_16LE);
        String resaved = importAndWait(me, "LINKEDIN_CSV", utf16, new ArrayList<>());
        assertThat(JsonPath.<Integer>read(resaved, "$.imported")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(resaved, "$.skipped")).isEqualTo(1);
        assertThat(JsonPath.<List<Integer>>read(resaved, "$.errors[*].line")).containsExactly(4);
        List<Map<String, Object>> all = contacts(me);
        assertThat(find(all, "Chloé Dubois")).containsEntry("company", "Studio; Lumière")
                .containsEntry("connectedOn", "2024-03-12").containsEntry("email", "chloe@example.fr");
        assertThat(find(all, "Kenji Sato")).containsEntry("connectedOn", "2024-03-12");
        // the same semicolon file as Windows-1252 without a mark: the accents survive, month-first US dates too
        String us = excel.replace("12/03/2024", "3/12/2024").replace("01/01/2020", "12/31/2020");
        Account other = newAccount("Spreadsheet Us");
        importAndWait(other, "LINKEDIN_CSV", us.getBytes(java.nio.charset.Charset.forName("windows-1252")), new ArrayList<>());
        assertThat(find(contacts(other), "Chloé Dubois")).containsEntry("company", "Studio; Lumière")
                .containsEntry("connectedOn", "2024-03-12");
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
                 "tags": ["investor", "climate"], "notes": "Met at COP.\\n\\nFollow up in May", "tier": "CLOSE",
                 "emails": [{"value": "d.outside@home.example", "type": "HOME"},
                            {"value": "dana@example.org", "type": "WORK", "primary": true},
                            {"value": "dana@other.example"}],
                 "phones": [{"value": "+1 555 0100", "type": "FAX"}, {"value": "+1 555 0101", "type": "WORK"},
                            {"value": "+1 555 0102", "type": "MOBILE", "primary": true}, {"value": "+1 555 0103 ext 7", "type": "HOME"},
                            {"value": "555 0104"}]}"""));
        mvc.perform(apiPost("/api/v1/contacts", me.token(), json("name", "=HYPERLINK(\"http://evil\")", "company", "+Corp")));
        mvc.perform(apiPost("/api/v1/contacts", me.token(), json("name", "Dr. Ana María van der Berg Jr.", "tier", "INNER_CIRCLE")));
        // a profile address arrives only by import
        importAndWait(me, "VCARD", """
                BEGIN:VCARD
                VERSION:3.0
                FN:Tunde Okafor
                N:Okafor;Tunde;;;
                URL:https://www.linkedin.com/in/tunde-okafor
                TEL;TYPE=CELL:+234 803 555 0101
                CATEGORIES:logistics
                END:VCARD
                """.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        List<Map<String, Object>> original = contacts(me);
        String vcf = mvc.perform(apiGet("/api/v1/contacts/export?format=vcard", me.token()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Map<String, Object> dana = find(original, "Dana Outside");
        assertThat(vcf).contains("VERSION:4.0").contains("UID:urn:uuid:" + dana.get("id"))
                .contains("N:Outside;Dana;;;").contains("N:van der Berg;Ana María;;Dr.;Jr.")
                .containsPattern("(?m)^TEL;.*TYPE=cell.*:\\+1 555 0102").containsPattern("(?m)^TEL;.*PREF=1.*:\\+1 555 0102")
                .containsPattern("(?m)^EMAIL;.*TYPE=work.*:dana@example.org").containsPattern("(?m)^EMAIL;.*PREF=1.*:dana@example.org");
        String csv = mvc.perform(apiGet("/api/v1/contacts/export?format=csv", me.token()))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("First Name,Last Name,URL,Email Address,Company,Position,Connected On,")
                .contains("'=HYPERLINK").contains("'+Corp").doesNotContain(",=HYPERLINK")
                .contains("Dr. Ana María,van der Berg Jr.");

        for (String[] format : new String[][] {{"VCARD", vcf}, {"LINKEDIN_CSV", csv}}) {
            Account back = newAccount("Round Trip " + format[0]);
            String job = importAndWait(back, format[0], format[1].getBytes(StandardCharsets.UTF_8), new ArrayList<>());
            assertThat(JsonPath.<List<Object>>read(job, "$.errors")).as(format[0]).isEmpty();
            List<Map<String, Object>> again = contacts(back);
            assertThat(again).as(format[0]).hasSameSizeAs(original);
            for (Map<String, Object> before : original) {
                Map<String, Object> after = find(again, (String) before.get("name"));
                for (String field : List.of("name", "email", "phone", "company", "position", "tags", "notes", "tier", "profileUrl")) {
                    assertThat(after.get(field)).as(format[0] + " " + before.get("name") + " " + field).isEqualTo(before.get(field));
                }
                assertThat((List<Object>) after.get("emails")).as(format[0] + " e-mails")
                        .containsExactlyInAnyOrderElementsOf((List<Object>) before.get("emails"));
                assertThat((List<Object>) after.get("phones")).as(format[0] + " phones")
                        .containsExactlyInAnyOrderElementsOf((List<Object>) before.get("phones"));
                if (format[0].equals("VCARD")) {
                    assertThat(after.get("emails")).as("vCard keeps the order").isEqualTo(before.get("emails"));
                    assertThat(after.get("phones")).isEqualTo(before.get("phones"));
                }
            }
        }
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
