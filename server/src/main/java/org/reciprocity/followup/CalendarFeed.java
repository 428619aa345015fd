package org.reciprocity.followup;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.reciprocity.followup.FollowUp.FeedAgenda;
import org.reciprocity.followup.FollowUp.FeedItem;
import org.reciprocity.followup.FollowUpViews.AgendaItemView;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.Secrets;
import org.reciprocity.security.ServerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agenda as an iCalendar feed (F3, RFC 5545, RFC 7986) at a secret address calendar apps subscribe
 * to: one all-day event per open item, however overdue, up to three months ahead; overdue items are on
 * today's date. UIDs are the items' stable keys, so an app updates an event instead of duplicating it.
 */
@Component
public class CalendarFeed {

    static final int DAYS_AHEAD = 90;
    static final String PURPOSE = "calendar-feed";
    static final String NAME_PREFIX = "Reciprocity agenda \u2014 ";
    /** The calendar's own description says what is in it and where overdue items go. */
    static final String DESCRIPTION = "Your open Reciprocity agenda: every item not yet done, however overdue, and what"
            + " is due in the next " + DAYS_AHEAD + " days. Overdue items are shown on today's date, with the day they"
            + " were due in their description; a snoozed item appears on the day it comes back, and a done one leaves"
            + " the calendar. Updated every hour.";
    /** How often apps should fetch again: overdue items move to the new today, done ones should leave soon. */
    static final Duration REFRESH = Duration.ofHours(1);

    private final FollowUpRows rows;
    private final FollowUp followUp;
    private final ServerKey key;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String baseUrl;

    CalendarFeed(FollowUpRows rows, FollowUp followUp, ServerKey key, TransactionTemplate tx, Clock clock,
                 @Value("${reciprocity.base-url}") String baseUrl) {
        this.rows = rows;
        this.followUp = followUp;
        this.key = key;
        this.tx = tx;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The caller's feed address, made on first use. */
    public String url(CurrentMember me) {
        int generation = rows.settings(me.id()).feedGeneration();
        return generation == 0 ? regenerate(me) : address(secret(me, generation));
    }

    /** A new address; the old one stops working at once. */
    public String regenerate(CurrentMember me) {
        String secret = tx.execute(status -> {
            String fresh = secret(me, rows.nextFeedGeneration(me.id()));
            rows.setFeedHash(me.id(), Secrets.sha256(fresh));
            return fresh;
        });
        return address(secret);
    }

    private String address(String secret) {
        return baseUrl + "/calendar/" + secret + ".ics";
    }

    /** The address's secret is an HMAC under the server's key: the database keeps only its hash. */
    private String secret(CurrentMember me, int generation) {
        return key.hmacHex(PURPOSE, me.publicId() + ":" + generation);
    }

    /** The feed behind a secret, or empty when no member has it. */
    public Optional<String> feed(String secret) {
        if (secret == null || !secret.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return rows.memberByFeedHash(Secrets.sha256(secret)).map(this::render);
    }

    String render(long memberId) {
        FeedAgenda agenda = followUp.feedAgenda(memberId, DAYS_AHEAD);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Reciprocity//Agenda 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // RFC 7986 names the calendar and its refresh; Apple, Google and Outlook still read the X-WR and TTL forms
        String name = NAME_PREFIX + agenda.memberName();
        calendar.add(new Name(name));
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new Description(DESCRIPTION));
        calendar.add(new XProperty("X-WR-CALDESC", DESCRIPTION));
        ParameterList duration = new ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION));
        calendar.add(new RefreshInterval(duration, REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        DtStamp stamp = new DtStamp(clock.instant());
        for (FeedItem feedItem : agenda.items()) {
            AgendaItemView item = feedItem.item();
            String summary = item.label() + (item.counterpart() == null ? "" : ": " + item.counterpart().displayName());
            VEvent event = new VEvent(feedItem.on(), summary);
            event.replace(stamp);
            event.add(new Uid(item.reminderId() + "@reciprocity"));
            event.add(new Description(feedItem.carried()
                    ? item.reason() + "\n\nDue on " + item.dueOn() + ": shown on today's date until it is done or snoozed."
                    : item.reason()));
            event.add(new Url(URI.create(baseUrl + item.link())));
            // a reminder, not an appointment: the member is not busy all day
            event.add(ImmutableTransp.TRANSPARENT);
            calendar.add(event);
        }
        // not CalendarOutputter: it always folds, by characters (its boolean turns validation off, not folding),
        // which cut emoji in half; the calendar's own text is unfolded, with CRLFs, for CalendarFolding to fold
        return CalendarFolding.fold(calendar.toString());
    }
}
