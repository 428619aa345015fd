package org.reciprocity.asks;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.reciprocity.IntegrationTest;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ConnectionRows;
import org.springframework.beans.factory.annotation.Autowired;

/** Members with skills, connections and asks, for the matching tests. */
abstract class AsksTestSupport extends IntegrationTest {

    @Autowired
    ConnectionRows connections;

    @Autowired
    MemberRows members;

    /** A made-up word no other test uses, so that tests sharing the index do not see each other's members. */
    static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    Account member(String name, String... skills) throws Exception {
        Account account = newAccount(name);
        if (skills.length > 0) {
            profile(account, "\"skills\": [" + String.join(",", List.of(skills).stream().map(s -> "\"" + s + "\"").toList()) + "]");
        }
        return account;
    }

    void profile(Account account, String fields) throws Exception {
        mvc.perform(apiPut("/api/v1/me/profile", account.token(), "{" + fields + "}")).andExpect(status().isOk());
    }

    void connect(Account a, Account b) {
        connections.connect(internal(a), internal(b), clock.instant());
    }

    long internal(Account a) {
        return members.byPublicId(a.id()).orElseThrow().id();
    }

    String ask(Account by, String title, String visibility) throws Exception {
        String body = json("title", title, "details", "", "visibility", visibility);
        String response = mvc.perform(apiPost("/api/v1/asks", by.token(), body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    String pledge(Account by, String askId, LocalDate due) throws Exception {
        String response = mvc.perform(apiPost("/api/v1/asks/" + askId + "/pledges", by.token(),
                        json("note", "I can help", "dueOn", due.toString())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    List<String> matchIds(Account asker, String askId) throws Exception {
        String response = mvc.perform(apiGet("/api/v1/asks/" + askId + "/matches", asker.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.items[*].memberId");
    }
}
