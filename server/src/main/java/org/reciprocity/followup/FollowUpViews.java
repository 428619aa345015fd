package org.reciprocity.followup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the follow-up API returns and its pages render. */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    /** A person an agenda item is about: a member or one of the caller's contacts, with a link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Counterpart(String memberId, String contactId, String displayName, String link) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgendaItemView(String type, String label, LocalDate dueOn, Counterpart counterpart, String reason,
                                 String reminderId, String link, String action, boolean overdue) {}

    /** Today's agenda: what is due and overdue; {@code moreKeepInTouch} more relationships wait on the losing-touch page. */
    public record AgendaView(List<AgendaItemView> items, int moreKeepInTouch, LocalDate today,
                             @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {

        /** One page of the items (the API's {@code limit} and {@code cursor}), the rest as they are. */
        public AgendaView page(org.reciprocity.web.Cursor cursor) {
            org.reciprocity.web.ListPage<AgendaItemView> slice = cursor.slice(items);
            return new AgendaView(slice.items(), moreKeepInTouch, today, slice.nextCursor());
        }

        /**
         * The items per person, for the page: one entry per person with all that is due with them, in the order of
         * each person's first item; items with nobody (a pledge, an expiring ask) stand alone.
         */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public List<PersonItems> byPerson() {
            java.util.Map<String, PersonItems> groups = new java.util.LinkedHashMap<>();
            int alone = 0;
            for (AgendaItemView item : items) {
                String key = item.counterpart() == null ? "alone:" + alone++ : item.counterpart().link();
                groups.computeIfAbsent(key, k -> new PersonItems(item.counterpart(), new java.util.ArrayList<>()))
                        .items().add(item);
            }
            return List.copyOf(groups.values());
        }
    }

    /** One moment of a contact's timeline: a favor or an interaction. */
    public record Moment(LocalDate on, org.reciprocity.ledger.LedgerViews.ExchangeView favor, InteractionView interaction) {}

    /** A person's items on today's agenda (the person null for items with nobody). */
    public record PersonItems(Counterpart counterpart, List<AgendaItemView> items) {}

    public record InteractionInput(String memberId, String contactId, String type, String occurredOn, String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InteractionView(String id, String type, LocalDate occurredOn, String note, Counterpart counterpart,
                                  Instant createdAt) {}

    public record StandingView(Counterpart counterpart, String tier, LocalDate lastTouch, long daysSince, int idealDays,
                               int maxDays, String level) {}

    public record CadenceView(String tier, String label, int idealDays, int maxDays) {}

    public record CadenceInput(Integer idealDays, Integer maxDays) {}

    public record SnoozeInput(Integer days, String until) {}

    public record FeedView(String url) {}

    public record DigestView(String frequency) {}
}
