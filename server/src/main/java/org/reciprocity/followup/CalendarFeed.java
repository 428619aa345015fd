package org.reciprocity.followup;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.reciprocity.followup.FollowUpViews.AgendaItemView;
import org.reciprocity.member.CurrentMember;
import org.reciprocity.security.Secrets;
import org.reciprocity.security.ServerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agenda as an iCalendar feed (F3, RFC 5545) at a secret address calendar apps subscribe to: one
 * all-day event per dated item from a month back to three months ahead. UIDs are the items' stable
 * keys, so an app updates an event instead of duplicating it.
 */
@Component
public class CalendarFeed {

    static final int DAYS_BACK = 30;
    static final int DAYS_AHEAD = 90;
    static final String PURPOSE = "calendar-feed";

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
        List<AgendaItemView> items = followUp.feedItems(memberId, DAYS_BACK, DAYS_AHEAD);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Reciprocity//Agenda 1.0//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        DtStamp stamp = new DtStamp(clock.instant());
        for (AgendaItemView item : items) {
            String summary = item.label() + (item.counterpart() == null ? "" : ": " + item.counterpart().displayName());
            VEvent event = new VEvent(item.dueOn(), summary);
            event.replace(stamp);
            event.add(new Uid(item.reminderId() + "@reciprocity"));
            event.add(new Description(item.reason()));
            event.add(new Url(URI.create(baseUrl + item.link())));
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
