package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;

/** A block stops everything naming the blocker: favors, interactions, corrections, the blocker's page and directory entry. */
class BlocksIntegrationTest extends IntegrationTest {

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    String favor(Account by, String direction, Account with) {
        return json("direction", direction, "counterpartMemberId", with.id(), "kind", "ADVICE",
                "description", "Looked at the plan", "weight", 2, "occurredOn", today().toString());
    }

    @Test
    void aBlockedMemberCanNoLongerNameTheBlocker() throws Exception {
        Account blocker = newAccount("Bea Blocker");
        Account blocked = newAccount("Carl Blocked");
        String earlier = JsonPath.read(mvc.perform(apiPost("/api/v1/exchanges", blocked.token(), favor(blocked, "GAVE", blocker)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(apiPost("/api/v1/blocks", blocker.token(), json("memberId", blocked.id()))).andExpect(status().isCreated());

        mvc.perform(apiPost("/api/v1/exchanges", blocked.token(), favor(blocked, "GAVE", blocker))).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/exchanges", blocked.token(), favor(blocked, "RECEIVED", blocker))).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/exchanges/" + earlier + "/corrections", blocked.token(), favor(blocked, "GAVE", blocker)))
                .andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/interactions", blocked.token(), json("memberId", blocker.id(), "type", "CALL",
                "occurredOn", today().toString()))).andExpect(status().isForbidden());
        mvc.perform(apiPost("/api/v1/connection-requests", blocked.token(), json("toMemberId", blocker.id(),
                "note", "We met at the meetup last week and talked about data."))).andExpect(status().isForbidden());
        // the blocker is, for the blocked member, no longer there
        mvc.perform(apiGet("/api/v1/members/" + blocker.id(), blocked.token())).andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/members/" + blocker.id())
                .session(pageSession(blocked))).andExpect(status().isNotFound());
        assertThat(allMemberIds(blocked)).doesNotContain(blocker.id());
        // the blocker is told to unblock first
        mvc.perform(apiPost("/api/v1/exchanges", blocker.token(), favor(blocker, "GAVE", blocked))).andExpect(status().isConflict());
        mvc.perform(apiPost("/api/v1/interactions", blocker.token(), json("memberId", blocked.id(), "type", "CALL",
                "occurredOn", today().toString()))).andExpect(status().isForbidden());
    }

    List<String> allMemberIds(Account viewer) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            String page = mvc.perform(apiGet("/api/v1/members?limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                    viewer.token())).andReturn().getResponse().getContentAsString();
            ids.addAll(JsonPath.read(page, "$.items[*].id"));
            cursor = JsonPath.read(page, "$.nextCursor");
        } while (cursor != null);
        return ids;
    }
}
