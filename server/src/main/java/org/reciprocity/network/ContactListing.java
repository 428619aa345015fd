package org.reciprocity.network;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.reciprocity.core.network.Tier;
import org.reciprocity.network.ContactRows.ContactQuery;

/**
 * One page of the contacts page: the contacts shown, how many match in all, and links to the other pages that
 * keep the search. Pages are numbered from 1; a number past the last shows the last.
 */
public record ContactListing(List<Contact> contacts, int total, int page, int pageSize, ContactQuery query) {

    public static final int PAGE_SIZE = 50;

    public int pageCount() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public int firstShown() {
        return total == 0 ? 0 : (page - 1) * pageSize + 1;
    }

    public int lastShown() {
        return Math.min(total, page * pageSize);
    }

    public boolean searching() {
        return !query.isAll();
    }

    public String text() {
        return query.text() == null ? "" : query.text();
    }

    public String tag() {
        return query.tag() == null ? "" : query.tag();
    }

    public boolean tierIs(Tier tier) {
        return query.tier() == tier;
    }

    /** The URL of page {@code n} of this search. */
    public String link(int n) {
        StringBuilder url = new StringBuilder("/contacts?page=").append(n);
        append(url, "q", query.text());
        append(url, "tier", query.tier() == null ? null : query.tier().name());
        append(url, "tag", query.tag());
        return url.toString();
    }

    /** This search's parameters, for a form that comes back to it. */
    public String searchParameters() {
        String link = link(page);
        return link.substring(link.indexOf('?') + 1);
    }

    private static void append(StringBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }
}
