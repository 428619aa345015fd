package org.reciprocity.followup;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.reciprocity.db.ClusterLocks;
import org.reciprocity.followup.FollowUpViews.AgendaItemView;
import org.reciprocity.followup.FollowUpViews.AgendaView;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.member.Today;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.Secrets;
import org.reciprocity.security.ServerKey;
import org.reciprocity.web.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The opt-in e-mail digest (F3): one message a day or a week with what the agenda holds, never one
 * per reminder, with an unsubscribe address that works without signing in. Without an SMTP server
 * configured nothing is sent and nothing fails.
 */
@Component
public class Digest {

    public enum Frequency { OFF, DAILY, WEEKLY }

    private static final Logger log = LoggerFactory.getLogger(Digest.class);
    static final String UNSUBSCRIBE = "digest-unsubscribe";

    private final FollowUpRows rows;
    private final FollowUp followUp;
    private final MemberRows members;
    private final JavaMailSenderImpl mail;
    private final MailConfig.MailProperties settings;
    private final Clock clock;
    private final String baseUrl;
    private final ServerKey key;
    private final int digestHour;
    private final ClusterLocks locks;
    private final Today today;
    private final Duration checkEvery;

    Digest(FollowUpRows rows, FollowUp followUp, MemberRows members, JavaMailSenderImpl mail,
           MailConfig.MailProperties settings, Clock clock, @Value("${reciprocity.base-url}") String baseUrl,
           ServerKey key, @Value("${reciprocity.mail.digest-hour:7}") int digestHour, ClusterLocks locks,
           @Value("${reciprocity.mail.digest-check:PT15M}") Duration checkEvery, Today today) {
        this.today = today;
        this.locks = locks;
        this.checkEvery = checkEvery;
        this.key = key;
        this.digestHour = digestHour;
        this.rows = rows;
        this.followUp = followUp;
        this.members = members;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Frequency frequency(CurrentMember me) {
        return Frequency.valueOf(rows.settings(me.id()).digest());
    }

    public Frequency set(CurrentMember me, String frequency) {
        Frequency f;
        try {
            f = Frequency.valueOf(frequency == null ? "" : frequency.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("frequency", "Choose OFF, DAILY or WEEKLY.");
        }
        rows.setDigest(me.id(), f.name(), Secrets.sha256(unsubscribeToken(me.publicId())));
        return f;
    }

    /** Turns the digest off for whoever holds this token; false if no one does. */
    public boolean unsubscribe(String token) {
        Optional<Long> member = token == null || !token.matches("[0-9a-f]{64}") ? Optional.empty()
                : rows.memberByDigestTokenHash(Secrets.sha256(token));
        member.ifPresent(m -> rows.setDigest(m, Frequency.OFF.name(), null));
        return member.isPresent();
    }

    /** The unsubscribe link's secret: an HMAC under the server's key, so the database keeps only its hash. */
    private String unsubscribeToken(String memberPublicId) {
        return key.hmacHex(UNSUBSCRIBE, memberPublicId);
    }

    public boolean mailConfigured() {
        return settings.configured();
    }

    /**
     * Sends the digests that are due, each in its member's morning: a daily digest once their local
     * clock has passed {@code reciprocity.mail.digest-hour} (default 7) and none was sent since that
     * morning, a weekly one when none was sent in the six mornings before. A member with nothing on
     * the agenda gets no message.
     */
    @Scheduled(fixedDelayString = "${reciprocity.mail.digest-check:PT15M}", initialDelayString = "${reciprocity.mail.digest-check:PT15M}")
    void sendDueOnOneInstance() {
        // each digest is also claimed by its row before it is sent, so even overlapping runs send it once
        locks.runAlone("digest", checkEvery, Duration.ofHours(1), this::sendDue);
    }

    public int sendDue() {
        if (!settings.configured()) {
            return 0;
        }
        Instant now = clock.instant();
        int sent = 0;
        List<FollowUpRows.Subscriber> subscribers = rows.subscribers();
        Map<Long, String> zones = today.timeZonesOf(subscribers.stream().map(FollowUpRows.Subscriber::memberId).toList());
        for (FollowUpRows.Subscriber s : subscribers) {
            if (!due(new Schedule(s.frequency(), zones.get(s.memberId()), s.lastDigestAt()), now, digestHour)) {
                continue;
            }
            Member member = members.byId(s.memberId()).filter(Member::isActive).orElse(null);
            if (member == null) {
                continue;
            }
            AgendaView agenda = followUp.agenda(member.asCurrent());
            // claimed before sending, so two runs (or two instances) never send the same digest twice
            if (!rows.markDigestSent(s.memberId(), s.lastDigestAt(), now) || agenda.items().isEmpty()) {
                continue;
            }
            try {
                send(member, agenda);
                sent++;
            } catch (MailException | jakarta.mail.MessagingException e) {
                log.warn("Digest for member {} not sent: {}", s.memberId(), e.getMessage());
            }
        }
        return sent;
    }

    /** Whether the subscriber's digest is due at {@code now}, judged by the clock where they live. */
    /** How often a member wants the digest, where they live, and when it was last sent. */
    record Schedule(String frequency, String timeZone, Instant lastDigestAt) {}

    static boolean due(Schedule s, Instant now, int digestHour) {
        ZonedDateTime local = now.atZone(Today.zoneOf(s.timeZone()));
        ZonedDateTime morning = local.toLocalDate().atTime(digestHour, 0).atZone(local.getZone());
        if (local.isBefore(morning)) {
            morning = morning.minusDays(1);
        }
        Instant since = (Frequency.WEEKLY.name().equals(s.frequency()) ? morning.minusDays(6) : morning).toInstant();
        return s.lastDigestAt() == null || s.lastDigestAt().isBefore(since);
    }

    private void send(Member member, AgendaView agenda) throws jakarta.mail.MessagingException {
        String unsubscribe = baseUrl + "/digest/unsubscribe/" + unsubscribeToken(member.publicId());
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(this.settings.sender());
        helper.setTo(member.email());
        int n = agenda.items().size();
        helper.setSubject("Your Reciprocity agenda: " + n + (n == 1 ? " thing" : " things") + " to do");
        helper.setText(text(member, agenda.items(), unsubscribe), html(member, agenda.items(), unsubscribe));
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        mail.send(message);
    }

    private String text(Member member, List<AgendaItemView> items, String unsubscribe) {
        StringBuilder b = new StringBuilder("Hello " + member.displayName() + ",\n\nToday on your agenda:\n\n");
        for (AgendaItemView i : items) {
            b.append("- ").append(i.label()).append(" (").append(i.dueOn()).append("): ").append(i.reason())
                    .append("\n  ").append(baseUrl).append(i.link()).append('\n');
        }
        return b.append("\nOpen your agenda: ").append(baseUrl).append("/agenda\n\nStop these e-mails: ")
                .append(unsubscribe).append('\n').toString();
    }

    private String html(Member member, List<AgendaItemView> items, String unsubscribe) {
        StringBuilder b = new StringBuilder("<p>Hello " + HtmlUtils.htmlEscape(member.displayName())
                + ",</p><p>Today on your agenda:</p><ul>");
        for (AgendaItemView i : items) {
            b.append("<li><strong>").append(HtmlUtils.htmlEscape(i.label())).append("</strong> (").append(i.dueOn())
                    .append("): ").append(HtmlUtils.htmlEscape(i.reason())).append(" <a href=\"")
                    .append(HtmlUtils.htmlEscape(baseUrl + i.link())).append("\">").append(HtmlUtils.htmlEscape(i.action()))
                    .append("</a></li>");
        }
        return b.append("</ul><p><a href=\"").append(HtmlUtils.htmlEscape(baseUrl)).append("/agenda\">Open your agenda</a></p>")
                .append("<p style=\"color:#666\"><a href=\"").append(HtmlUtils.htmlEscape(unsubscribe))
                .append("\">Stop these e-mails</a></p>").toString();
    }
}
