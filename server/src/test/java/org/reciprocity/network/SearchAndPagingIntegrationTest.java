package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.reciprocity.member.MemberRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Search and paging (issue 11, item 1) and imports that do not nag (item 2): through the API and the pages,
 * never showing one member's contacts to another, nor a member through a field hidden from the viewer.
 */
class SearchAndPagingIntegrationTest extends IntegrationTest {

    @Autowired
    ConnectionRows connections;

    @Autowired
    MemberRows members;

    void connect(Account a, Account b) {
        connections.connect(members.byPublicId(a.id()).orElseThrow().id(), members.byPublicId(b.id()).orElseThrow().id(),
                clock.instant());
    }

    private void contact(Account owner, String name, String company, String tier, String... tags) throws Exception {
        String tagList = java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"").collect(java.util.stream.Collectors.joining(","));
        mvc.perform(apiPost("/api/v1/contacts", owner.token(), json("name", name, "company", company, "tier", tier)
                .replaceFirst("}$", ",\"tags\":[" + tagList + "]}"))).andExpect(status().isCreated());
    }

    private List<String> names(String json) {
        return JsonPath.read(json, "$.items[*].name");
    }

    @Test
    void contactsAreSearchedByNameCompanyTagAndTierAndPagedWithCursors() throws Exception {
        Account owner = newAccount("Searcher");
        Account other = newAccount("Snooper");
        for (int i = 0; i < 7; i++) {
            contact(owner, "Person " + i, i % 2 == 0 ? "Acme 100% Foods" : "Globex", i < 3 ? "CLOSE" : "ACQUAINTANCE",
                    i == 5 ? "investor" : "friend");
        }
        contact(other, "Person Elsewhere", "Acme 100% Foods", "CLOSE", "investor");
        assertThat(names(api(owner, "/api/v1/contacts?q=acme"))).containsExactly("Person 0", "Person 2", "Person 4", "Person 6");
        // wildcards in the search are plain characters
        assertThat(names(api(owner, "/api/v1/contacts?q=100%"))).hasSize(4);
        assertThat(names(api(owner, "/api/v1/contacts?q=_"))).isEmpty();
        assertThat(names(api(owner, "/api/v1/contacts?q=acme person 6"))).containsExactly("Person 6");
        assertThat(names(api(owner, "/api/v1/contacts?tier=CLOSE"))).containsExactly("Person 0", "Person 1", "Person 2");
        assertThat(names(api(owner, "/api/v1/contacts?tag=Investor"))).containsExactly("Person 5");
        assertThat(names(api(other, "/api/v1/contacts?q=person"))).containsExactly("Person Elsewhere");
        mvc.perform(apiGet("/api/v1/contacts?tier=BEST_FRIEND", owner.token())).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("tier"));
        mvc.perform(apiGet("/api/v1/contacts?limit=0", owner.token())).andExpect(status().isUnprocessableContent());
        mvc.perform(apiGet("/api/v1/contacts?limit=201", owner.token())).andExpect(status().isUnprocessableContent());
        // three pages of three, the cursor keeping the search
        List<String> seen = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            String page = api(owner, "/api/v1/contacts?q=person&limit=3" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            seen.addAll(names(page));
            cursor = JsonPath.read(page, "$.nextCursor") == null ? "" : JsonPath.read(page, "$.nextCursor");
            pages++;
        } while (!cursor.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().doesNotContain("Person Elsewhere");
    }

    @Test
    void theContactsPageIsPagedSearchableAndChangesManyAtOnce() throws Exception {
        Account owner = newAccount("Bulk Owner");
        Account other = newAccount("Bulk Other");
        for (int i = 0; i < 55; i++) {
            contact(owner, String.format("Contact %02d", i), i < 5 ? "Initech" : "Other Co", "UNTRACKED");
        }
        contact(other, "Not Yours", "Initech", "CLOSE");
        MockHttpSession session = pageSession(owner);
        mvc.perform(get("/contacts").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("1–50 of 55")))
                .andExpect(content().string(containsString("Contact 49")))
                .andExpect(content().string(not(containsString("Contact 50"))))
                .andExpect(content().string(containsString("href=\"/contacts?page=2\"")));
        mvc.perform(get("/contacts?page=2").session(session))
                .andExpect(content().string(containsString("51–55 of 55")))
                .andExpect(content().string(containsString("Contact 54")))
                .andExpect(content().string(containsString("rel=\"prev\"")));
        String initech = mvc.perform(get("/contacts?q=initech").session(session))
                .andExpect(content().string(containsString("1–5 of 5 matching contacts")))
                .andReturn().getResponse().getContentAsString();
        List<String> ids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"ids\" value=\"([0-9a-f-]{36})\"").matcher(initech);
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).hasSize(5);
        String notYours = JsonPath.read(api(other, "/api/v1/contacts"), "$.items[0].id");
        mvc.perform(post("/contacts/bulk").session(session).with(csrf()).param("action", "tier:CLOSE")
                        .param("ids", ids.get(0), ids.get(1), notYours).param("q", "initech"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/contacts?page=1&q=initech&done=tier&changed=2"));
        assertThat(names(api(owner, "/api/v1/contacts?tier=CLOSE"))).containsExactly("Contact 00", "Contact 01");
        mvc.perform(post("/contacts/bulk").session(session).with(csrf()).param("action", "tag").param("newTag", "vip")
                .param("ids", ids.get(2), notYours)).andExpect(status().is3xxRedirection());
        assertThat(names(api(owner, "/api/v1/contacts?tag=vip"))).containsExactly("Contact 02");
        // deleting asks for a tick, and leaves another member's contact alone
        mvc.perform(post("/contacts/bulk").session(session).with(csrf()).param("action", "delete").param("ids", ids.get(3)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Yes, delete them")));
        mvc.perform(post("/contacts/bulk").session(session).with(csrf()).param("action", "delete").param("confirm", "yes")
                .param("ids", ids.get(3), notYours)).andExpect(status().is3xxRedirection());
        assertThat(names(api(owner, "/api/v1/contacts?q=initech"))).hasSize(4);
        assertThat(names(api(other, "/api/v1/contacts"))).containsExactly("Not Yours");
        assertThat(JsonPath.<String>read(api(other, "/api/v1/contacts"), "$.items[0].tier")).isEqualTo("CLOSE");
        mvc.perform(post("/contacts/bulk").session(session).with(csrf()).param("action", "tier:CLOSE"))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("Tick the contacts")));
        mvc.perform(post("/contacts/bulk").session(session).param("action", "delete").param("confirm", "yes")
                .param("ids", ids.get(4))).andExpect(status().isForbidden());
    }

    @Test
    void theDirectorySearchesOnlyTheFieldsTheViewerMaySee() throws Exception {
        String tag = "Zq" + Long.toString(System.nanoTime(), 36);
        Account viewer = newAccount("Directory Viewer");
        Account friend = newAccount("Friend " + tag);
        Account stranger = newAccount("Stranger Person");
        connect(viewer, friend);
        mvc.perform(apiPut("/api/v1/me/profile", stranger.token(), json("headline", "Cold chain " + tag,
                "location", "Porto " + tag, "industry", "Food").replaceFirst("}$", ",\"skills\":[\"logistics" + tag + "\"]}"))).andExpect(status().isOk());
        mvc.perform(apiPut("/api/v1/me/profile", friend.token(), json("location", "Lisbon " + tag)))
                .andExpect(status().isOk());
        // the stranger's location is for connections only: the viewer finds them by headline and skill, not by town
        assertThat(memberNames(viewer, "cold chain " + tag)).containsExactly("Stranger Person");
        assertThat(memberNames(viewer, "logistics" + tag)).containsExactly("Stranger Person");
        assertThat(memberNames(viewer, "porto " + tag)).isEmpty();
        assertThat(memberNames(viewer, "lisbon " + tag)).containsExactly("Friend " + tag);
        assertThat(memberNames(stranger, "lisbon " + tag)).isEmpty();
        assertThat(memberNames(stranger, "porto " + tag)).containsExactly("Stranger Person"); // their own
        assertThat(memberNames(viewer, "friend " + tag)).containsExactly("Friend " + tag);
        // a block hides either way
        mvc.perform(apiPost("/api/v1/blocks", viewer.token(), json("memberId", stranger.id())))
                .andExpect(status().is2xxSuccessful());
        assertThat(memberNames(stranger, "friend " + tag)).containsExactly("Friend " + tag);
        assertThat(memberNames(stranger, "directory viewer")).isEmpty();
    }

    @Test
    void directoryPagesGoForwardAndBackWithTheSearch() throws Exception {
        String tag = "Pg" + Long.toString(System.nanoTime(), 36);
        Account viewer = newAccount("Pager " + tag + " 00");
        for (int i = 1; i < 65; i++) {
            newAccount(String.format("Pager %s %02d", tag, i));
        }
        MockHttpSession session = pageSession(viewer);
        String first = page(session, "/members?q=pager " + tag);
        assertThat(first).contains("Pager " + tag + " 00").contains("Pager " + tag + " 29").doesNotContain("Pager " + tag + " 30")
                .doesNotContain("rel=\"prev\"");
        String next = link(first, "next");
        String second = page(session, next);
        assertThat(second).contains("Pager " + tag + " 30").contains("Pager " + tag + " 59").doesNotContain(tag + " 29<");
        String third = page(session, link(second, "next"));
        assertThat(third).contains("Pager " + tag + " 64").doesNotContain("rel=\"next\"");
        String back = page(session, link(third, "prev"));
        assertThat(back).contains("Pager " + tag + " 30").contains("Pager " + tag + " 59").doesNotContain("Pager " + tag + " 60");
        String backAgain = page(session, link(back, "prev"));
        assertThat(backAgain).contains("Pager " + tag + " 00").contains("Pager " + tag + " 29");
        // the API pages the same search with its cursor
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            String json = api(viewer, "/api/v1/members?limit=25&q=pager " + tag + (cursor == null ? "" : "&cursor=" + cursor));
            all.addAll(JsonPath.read(json, "$.items[*].displayName"));
            cursor = JsonPath.read(json, "$.nextCursor");
        } while (cursor != null);
        assertThat(all).hasSize(65).doesNotHaveDuplicates();
    }

    @Test
    void aPickerFindsConnectionsAndContactsByNameOncePerPersonAndNeverAnothersContacts() throws Exception {
        Account me = newAccount("Picker Owner");
        Account friend = newAccount("Rosalind Picker");
        Account other = newAccount("Other Picker");
        connect(me, friend);
        mvc.perform(apiPost("/api/v1/contacts", me.token(), json("name", "Rosalind Picker", "tier", "CLOSE",
                "linkedMemberId", friend.id()))).andExpect(status().isCreated());
        contact(me, "Rosa Contact", "Initech", "CLOSE");
        contact(other, "Rosa Secret", "Hidden", "CLOSE");
        MockHttpSession session = pageSession(me);
        String found = mvc.perform(get("/people/suggest?field=counterpart&counterpartQuery=ros").session(session)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains("value=\"member:" + friend.id() + "\"").contains("Rosa Contact").doesNotContain("Rosa Secret");
        assertThat(found.split("Rosalind Picker", -1)).hasSize(2); // once, as the member
        // without JavaScript: "Find" reloads the form with the people found and what was typed
        mvc.perform(get("/ledger/record?counterpartQuery=rosa&description=Kept this&weight=3&direction=RECEIVED").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rosa Contact")))
                .andExpect(content().string(containsString("Kept this")))
                .andExpect(content().string(not(containsString("<option value=\"member:"))));
        mvc.perform(get("/agenda?personQuery=rosalind").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"member:" + friend.id() + "\"")));
        mvc.perform(get("/introductions?firstMemberIdQuery=rosalind").session(session)).andExpect(status().isOk());
        mvc.perform(get("/people/suggest?field=nope&q=ros").session(session)).andExpect(status().isNotFound());
        mvc.perform(get("/people/suggest?field=counterpart&q=ros")).andExpect(status().is3xxRedirection());
    }

    @Test
    void importedContactsStartUntrackedAndTheImportSuggestsWhomToTrack() throws Exception {
        Account me = newAccount("Quiet Importer");
        contact(me, "Already Tracked", "Umbrella", "CLOSE");
        String recent = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusDays(20).format(java.time.format.DateTimeFormatter.ofPattern("dd MMM yyyy",
                java.util.Locale.ENGLISH));
        String csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                + "Old,Friend,https://www.linkedin.com/in/old,,Nowhere Ltd,CEO,12 Mar 2009\n"
                + "New,Colleague,https://www.linkedin.com/in/new,,Somewhere,Dev," + recent + "\n"
                + "Same,Company,https://www.linkedin.com/in/same,,Umbrella,Dev,12 Mar 2019\n";
        MockHttpSession session = pageSession(me);
        String location = mvc.perform(multipart("/contacts/import").file(new MockMultipartFile("file", "c.csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("format", "LINKEDIN_CSV").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = "";
        for (int i = 0; i < 200 && !page.contains("Import finished"); i++) {
            page = page(session, location);
            Thread.sleep(50);
        }
        assertThat(page).contains("Whom to track first").contains("Same Company").contains("where you track someone")
                .contains("New Colleague").doesNotContain("Old Friend</label>");
        List<Map<String, Object>> imported = JsonPath.read(api(me, "/api/v1/contacts?tier=UNTRACKED"), "$.items");
        assertThat(imported).hasSize(3).allSatisfy(c -> assertThat(c).containsKey("connectedOn"));
        // the agenda does not ask to keep in touch with anyone imported, however old the connection
        String agenda = mvc.perform(apiGet("/api/v1/agenda", me.token())).andReturn().getResponse().getContentAsString();
        assertThat(agenda).doesNotContain("Old Friend").doesNotContain("New Colleague");
        // the contacts page says "connected since"
        mvc.perform(get("/contacts?q=old").session(session))
                .andExpect(content().string(containsString("Connected since")))
                .andExpect(content().string(containsString("March 2009")));
    }

    private List<String> memberNames(Account viewer, String q) throws Exception {
        return JsonPath.read(api(viewer, "/api/v1/members?limit=50&q=" + q), "$.items[*].displayName");
    }

    private String api(Account who, String path) throws Exception {
        return mvc.perform(apiGet(path, who.token())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String page(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String link(String html, String rel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\" rel=\"" + rel + "\">").matcher(html);
        assertThat(m.find()).as("a link rel=" + rel).isTrue();
        // MockMvc reads a query as written: the form encoding's "+" for a space is turned back here
        return m.group(1).replace("&amp;", "&").replace('+', ' ');
    }
}
