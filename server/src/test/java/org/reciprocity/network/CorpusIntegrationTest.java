package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Real-world vCard files from other projects' test suites (imports/corpus/SOURCES.md says where each
 * comes from), each imported through the API into an empty account: how many cards came in, and a few
 * fields spelled exactly — accented names through every encoding, the e-mails and phones of
 * multi-value cards, faxes kept as faxes.
 */
@SuppressWarnings("unchecked")
class CorpusIntegrationTest extends IntegrationTest {

    /** One file and what importing it must give: cards in it, contacts imported, cards skipped, e-mails and phones kept. */
    private record Expected(String file, int cards, int imported, int skipped, int emails, int phones,
                            Consumer<List<Map<String, Object>>> fields) {}

    private static List<Expected> corpus() {
        return List.of(
                new Expected("aosp-v21_complicated.vcf", 1, 1, 0, 2, 5, all -> {
                    Map<String, Object> joe = find(all, "Joe Due");
                    assertThat((String) joe.get("notes")).contains("RFC 2045.\n\nNow's the time");
                    assertThat(joe).containsEntry("email", "forrestgump@walladalla.com").containsEntry("phone", "(111) 555-1212");
                }),
                new Expected("aosp-v21_japanese_1.vcf", 1, 1, 0, 0, 1, all -> find(all, "安藤ロイド")),
                new Expected("aosp-v21_multiple_entry.vcf", 3, 3, 0, 0, 0, all -> {
                    find(all, "安藤ロイド3");
                    find(all, "安藤ロイド5");
                }),
                new Expected("aosp-v21_pref_handling.vcf", 1, 1, 0, 2, 0,
                        all -> assertThat(find(all, "Smith")).containsEntry("email", "test@example.com")),
                new Expected("aosp-v21_winmo_65.vcf", 1, 1, 0, 0, 0, all -> find(all, "Example")),
                new Expected("aosp-v30_pager.vcf", 1, 1, 0, 0, 0, all -> find(all, "G M F")),
                new Expected("derived-eds-sorted-latin1.vcf", 4, 4, 0, 4, 4, all -> {
                    find(all, "First Name bäd");
                    find(all, "First Name coté");
                    find(all, "First Name côte");
                    find(all, "First Name Müller");
                }),
                new Expected("derived-gmail-utf16be-nobom.vcf", 1, 1, 0, 1, 2,
                        all -> assertThat(find(all, "Mr. John Richter, James Doe Sr.")).containsEntry("phone", "905-555-1234")),
                new Expected("derived-outlook-utf16le-bom.vcf", 1, 1, 0, 1, 2,
                        all -> assertThat(find(all, "Mr. John Richter James Doe Sr.")).containsEntry("email", "john.doe@ibm.cm")),
                new Expected("eds-sorted-20.vcf", 1, 1, 0, 1, 1, all -> find(all, "First Name Müller")),
                new Expected("ezvcard-John_Doe_ANDROID.vcf", 6, 6, 0, 4, 9, all -> {
                    find(all, "john.doe@company.com");
                    Map<String, Object> bob = find(all, "Ñ Ñ Ñ Ñ");
                    assertThat(types(bob, "phones")).containsExactly("MOBILE", "WORK", "FAX");
                    assertThat(bob).containsEntry("phone", "123456");
                }),
                new Expected("ezvcard-John_Doe_BLACK_BERRY.vcf", 1, 1, 0, 0, 1, all -> find(all, "John Doe")),
                new Expected("ezvcard-John_Doe_EVOLUTION.vcf", 1, 1, 0, 1, 2, all -> find(all, "Mr. John Richter, James Doe Sr.")),
                new Expected("ezvcard-John_Doe_GMAIL.vcf", 1, 1, 0, 1, 2,
                        all -> assertThat(types(find(all, "Mr. John Richter, James Doe Sr."), "emails")).containsExactly("HOME")),
                new Expected("ezvcard-John_Doe_IPHONE.vcf", 1, 1, 0, 1, 7, all -> {
                    Map<String, Object> john = find(all, "Mr. John Richter James Doe Sr.");
                    assertThat(types(john, "phones")).containsExactly("MOBILE", "HOME", "WORK", "FAX", "FAX", "OTHER", "OTHER");
                    assertThat(john).containsEntry("phone", "905-555-1234");
                }),
                new Expected("ezvcard-John_Doe_LOTUS_NOTES.vcf", 1, 1, 0, 2, 2,
                        all -> assertThat(types(find(all, "Mr. Doe John I Johny"), "phones")).containsExactly("MOBILE", "FAX")),
                new Expected("ezvcard-John_Doe_MAC_ADDRESS_BOOK.vcf", 1, 1, 0, 1, 7, all -> {
                    Map<String, Object> john = find(all, "Mr. John Richter,James Doe Sr.");
                    assertThat(types(john, "phones")).containsExactly("WORK", "HOME", "MOBILE", "FAX", "FAX", "OTHER", "OTHER");
                    assertThat(john).containsEntry("company", "IBM");
                }),
                new Expected("ezvcard-John_Doe_MS_OUTLOOK.vcf", 1, 1, 0, 1, 2,
                        all -> assertThat(find(all, "Mr. John Richter James Doe Sr.")).containsEntry("phone", "(905) 555-1234")),
                new Expected("ezvcard-fullcontact.vcf", 1, 1, 0, 5, 9, all -> {
                    Map<String, Object> c = find(all, "Prefix FirstName MiddleName LastName Suffix");
                    assertThat(types(c, "emails")).containsExactly("HOME", "WORK", "OTHER", "OTHER", "OTHER");
                    assertThat(types(c, "phones")).filteredOn("FAX"::equals).hasSize(2);
                }),
                new Expected("ezvcard-gmail-list.vcf", 3, 3, 0, 3, 0, all -> find(all, "Doug White")),
                new Expected("ezvcard-gmail-single2.vcf", 1, 1, 0, 5, 11, all -> {
                    Map<String, Object> c = find(all, "VCard Test");
                    assertThat(types(c, "phones")).filteredOn("FAX"::equals).hasSize(2);
                    assertThat(c).containsEntry("email", "email@example.com");
                }),
                new Expected("ezvcard-outlook-2003.vcf", 1, 1, 0, 1, 0, all -> find(all, "John Doe III")),
                new Expected("ezvcard-outlook-2007.vcf", 1, 1, 0, 1, 4, all -> {
                    Map<String, Object> mike = find(all, "Mr. Michael Angstadt Jr.");
                    assertThat(types(mike, "phones")).containsExactly("WORK", "HOME", "MOBILE", "FAX");
                    assertThat(mike).containsEntry("phone", "(111) 555-1111");
                }),
                new Expected("ezvcard-rfc6350-example.vcf", 1, 1, 0, 1, 2,
                        all -> assertThat(find(all, "Simon Perreault")).containsEntry("phone", "+1-418-656-9254 ext 102")),
                new Expected("ezvcard-thunderbird-MoreFunctionsForAddressBook-extension.vcf", 1, 1, 0, 5, 5,
                        all -> assertThat(types(find(all, "John Doe"), "phones")).contains("FAX")),
                // the two "Field after Address" cards share a web address, so the second merges into the first
                new Expected("kcontacts-vcard10.vcf", 5, 4, 0, 0, 0, all -> {
                    find(all, "Bike Shop");
                    assertThat(find(all, "Dr. med. Surname Name")).containsEntry("position", "Facharzt für Allgemeinmedizin");
                }),
                new Expected("kcontacts-vcard9.vcf", 1, 1, 0, 0, 0,
                        all -> assertThat((String) all.get(0).get("name")).startsWith("βγδεαβγδ1")),
                new Expected("kcontacts-vcardwithitemasapplesupport.vcf", 1, 1, 0, 0, 1, all -> find(all, "Name of Broken Card")),
                new Expected("own-central-european-iso-8859-2.vcf", 3, 3, 0, 2, 4, CorpusIntegrationTest::centralEuropean),
                new Expected("own-central-european-windows-1250.vcf", 3, 3, 0, 2, 4, CorpusIntegrationTest::centralEuropean),
                new Expected("sabre-issue64.vcf", 1, 0, 1, 0, 0, all -> assertThat(all).isEmpty()));
    }

    private static void centralEuropean(List<Map<String, Object>> all) {
        Map<String, Object> lukasz = find(all, "Łukasz Wiśniewski");
        assertThat(lukasz).containsEntry("company", "Zakład Usług Łączności").containsEntry("phone", "+48 22 555 01 23");
        assertThat(types(lukasz, "phones")).containsExactly("WORK", "FAX");
        assertThat(find(all, "Jiří Dvořák")).containsEntry("company", "Příliš žluťoučký kůň s.r.o.");
        assertThat(find(all, "Kovács Erzsébet")).containsEntry("company", "Győri Szőlő Kft.");
    }

    @Test
    void everyFileOfTheCorpusImportsWithItsNamesEmailsAndPhones() throws Exception {
        List<String> table = new ArrayList<>();
        table.add(String.format("%-62s %5s %8s %6s %7s %7s %6s", "file", "cards", "imported", "merged", "skipped",
                "e-mails", "phones"));
        try {
            for (Expected e : corpus()) {
                Account me = newAccount("Corpus");
                byte[] bytes = getClass().getResourceAsStream("/imports/corpus/" + e.file()).readAllBytes();
                String job = importAndWait(me, bytes);
                List<Map<String, Object>> all = JsonPath.read(mvc.perform(apiGet("/api/v1/contacts?limit=200", me.token()))
                        .andReturn().getResponse().getContentAsString(), "$.items");
                int emails = all.stream().mapToInt(c -> ((List<?>) c.get("emails")).size()).sum();
                int phones = all.stream().mapToInt(c -> ((List<?>) c.get("phones")).size()).sum();
                int imported = JsonPath.read(job, "$.imported");
                int merged = JsonPath.read(job, "$.merged");
                int skipped = JsonPath.read(job, "$.skipped");
                table.add(String.format("%-62s %5d %8d %6d %7d %7d %6d", e.file(), e.cards(), imported, merged, skipped,
                        emails, phones));
                assertThat(JsonPath.<String>read(job, "$.status")).as(e.file()).isEqualTo("DONE");
                assertThat(List.of(imported, skipped, emails, phones)).as(e.file() + ": imported, skipped, e-mails, phones")
                        .containsExactly(e.imported(), e.skipped(), e.emails(), e.phones());
                assertThat(imported + merged + skipped).as(e.file() + ": every card accounted for").isEqualTo(e.cards());
                assertThat(all).as(e.file()).allSatisfy(c -> assertThat(c.toString()).doesNotContain("\uFFFD"));
                e.fields().accept(all);
            }
        } finally {
            System.out.println("Contact import corpus on " + org.reciprocity.TestDatabases.kind() + ":");
            table.forEach(System.out::println);
        }
    }

    private String importAndWait(Account who, byte[] bytes) throws Exception {
        String id = JsonPath.read(mvc.perform(multipart("/api/v1/contacts/imports")
                        .file(new MockMultipartFile("file", "corpus.vcf", "text/vcard", bytes))
                        .param("format", "VCARD").header("Authorization", who.bearer()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            String job = mvc.perform(apiGet("/api/v1/contacts/imports/" + id, who.token())).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            if (!"RUNNING".equals(JsonPath.read(job, "$.status"))) {
                return job;
            }
            assertThat(System.currentTimeMillis()).as("import finished in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static List<String> types(Map<String, Object> contact, String list) {
        return ((List<Map<String, Object>>) contact.get(list)).stream().map(p -> (String) p.get("type")).toList();
    }

    private static Map<String, Object> find(List<Map<String, Object>> all, String name) {
        return all.stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " in " + all.stream().map(c -> c.get("name")).toList()));
    }
}
