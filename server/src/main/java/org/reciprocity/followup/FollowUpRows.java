package org.reciprocity.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.core.agenda.AgendaInput;
import org.reciprocity.core.agenda.Cadence;
import org.reciprocity.core.agenda.InteractionType;
import org.reciprocity.core.network.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The interaction, cadence, reminder and follow_up_setting tables, always scoped to their owner. */
@Repository
class FollowUpRows {

    record InteractionRow(String id, InteractionType type, LocalDate occurredOn, String note, String memberId,
                          String memberName, String contactId, String contactName, Instant createdAt) {

        String personKey() {
            return memberId != null ? "m:" + memberId : "c:" + contactId;
        }
    }

    record Reminder(String key, String state, LocalDate snoozedUntil) {}

    record Settings(String feedSecret, String digest, String digestToken, Instant lastDigestAt) {}

    private final JdbcClient jdbc;

    FollowUpRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- interactions ----------------------------------------------------------------------

    String insertInteraction(long owner, Long memberId, Long contactId, InteractionType type, LocalDate on, String note,
                             Instant now) {
        String publicId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into interaction (public_id, owner_id, member_id, contact_id, kind, occurred_on, note, created_at)
                values (:id, :owner, :member, :contact, :kind, :on, :note, :now)
                """).param("id", publicId).param("owner", owner).param("member", memberId, java.sql.Types.BIGINT)
                .param("contact", contactId, java.sql.Types.BIGINT).param("kind", type.name()).param("on", on)
                .param("note", note).param("now", utc(now)).update();
        return publicId;
    }

    /** The owner's interactions, newest first, with the public id and name of the person. */
    List<InteractionRow> interactions(long owner, int limit) {
        return interactions(owner, null, limit);
    }

    /** One of the owner's interactions by its public id. */
    Optional<InteractionRow> interaction(long owner, String publicId) {
        return interactions(owner, publicId, 1).stream().findFirst();
    }

    private List<InteractionRow> interactions(long owner, String publicId, int limit) {
        return jdbc.sql("""
                select i.public_id, i.kind, i.occurred_on, i.note, m.public_id, m.display_name, c.public_id, c.name, i.created_at
                from interaction i
                left join member m on m.id = i.member_id
                left join contact c on c.id = i.contact_id
                where i.owner_id = :owner and (:id is null or i.public_id = :id)
                order by i.occurred_on desc, i.id desc limit :limit
                """).param("owner", owner).param("id", publicId, java.sql.Types.VARCHAR).param("limit", limit)
                .query((rs, n) -> new InteractionRow(rs.getString(1), InteractionType.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    // --- cadences --------------------------------------------------------------------------

    Map<Tier, Cadence> cadences(long owner) {
        Map<Tier, Cadence> cadences = new EnumMap<>(AgendaInput.DEFAULT_CADENCES);
        jdbc.sql("select tier, ideal_days, max_days from cadence where owner_id = :owner").param("owner", owner)
                .query((rs, n) -> cadences.put(Tier.valueOf(rs.getString(1)), new Cadence(rs.getInt(2), rs.getInt(3))))
                .list();
        return cadences;
    }

    void saveCadence(long owner, Tier tier, Cadence cadence) {
        jdbc.sql("delete from cadence where owner_id = :owner and tier = :tier").param("owner", owner)
                .param("tier", tier.name()).update();
        jdbc.sql("insert into cadence (owner_id, tier, ideal_days, max_days) values (:owner, :tier, :ideal, :max)")
                .param("owner", owner).param("tier", tier.name()).param("ideal", cadence.idealDays())
                .param("max", cadence.maxDays()).update();
    }

    /** Contacts with their own cadence, by contact public id. */
    Map<String, Cadence> contactCadences(long owner) {
        Map<String, Cadence> map = new HashMap<>();
        jdbc.sql("""
                select public_id, cadence_ideal_days, cadence_max_days from contact
                where owner_id = :owner and cadence_ideal_days is not null
                """).param("owner", owner)
                .query((rs, n) -> map.put(rs.getString(1), new Cadence(rs.getInt(2), rs.getInt(3)))).list();
        return map;
    }

    boolean saveContactCadence(long owner, String contactPublicId, Cadence cadence) {
        return jdbc.sql("""
                update contact set cadence_ideal_days = :ideal, cadence_max_days = :max
                where owner_id = :owner and public_id = :id
                """).param("ideal", cadence == null ? null : cadence.idealDays(), java.sql.Types.INTEGER)
                .param("max", cadence == null ? null : cadence.maxDays(), java.sql.Types.INTEGER)
                .param("owner", owner).param("id", contactPublicId).update() == 1;
    }

    // --- reminders -------------------------------------------------------------------------

    Map<String, Reminder> reminders(long owner) {
        Map<String, Reminder> map = new HashMap<>();
        jdbc.sql("select item_key, state, snoozed_until from reminder where owner_id = :owner").param("owner", owner)
                .query((rs, n) -> map.put(rs.getString(1), new Reminder(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class)))).list();
        return map;
    }

    void setReminder(long owner, String key, String state, LocalDate until, Instant now) {
        jdbc.sql("delete from reminder where owner_id = :owner and item_key = :key").param("owner", owner)
                .param("key", key).update();
        jdbc.sql("""
                insert into reminder (owner_id, item_key, state, snoozed_until, updated_at)
                values (:owner, :key, :state, :until, :now)
                """).param("owner", owner).param("key", key).param("state", state).param("until", until)
                .param("now", utc(now)).update();
    }

    // --- settings: calendar feed and digest ------------------------------------------------

    Settings settings(long member) {
        return jdbc.sql("select feed_secret, digest, digest_token, last_digest_at from follow_up_setting where member_id = :m")
                .param("m", member)
                .query((rs, n) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3),
                        toInstant(rs.getObject(4, OffsetDateTime.class))))
                .optional().orElse(new Settings(null, "OFF", null, null));
    }

    private void ensureRow(long member) {
        jdbc.sql("insert into follow_up_setting (member_id, digest) values (:m, 'OFF') on conflict do nothing")
                .param("m", member).update();
    }

    void setFeedSecret(long member, String secret) {
        ensureRow(member);
        jdbc.sql("update follow_up_setting set feed_secret = :s where member_id = :m").param("s", secret).param("m", member)
                .update();
    }

    Optional<Long> memberByFeedSecret(String secret) {
        return jdbc.sql("select member_id from follow_up_setting where feed_secret = :s").param("s", secret)
                .query(Long.class).optional();
    }

    void setDigest(long member, String digest, String token) {
        ensureRow(member);
        jdbc.sql("update follow_up_setting set digest = :d, digest_token = coalesce(digest_token, :t) where member_id = :m")
                .param("d", digest).param("t", token).param("m", member).update();
    }

    Optional<Long> memberByDigestToken(String token) {
        return jdbc.sql("select member_id from follow_up_setting where digest_token = :t").param("t", token)
                .query(Long.class).optional();
    }

    /** Members whose daily or weekly digest is due: never sent, or sent longer ago than their period. */
    List<Long> digestsDue(Instant dayAgo, Instant weekAgo) {
        return jdbc.sql("""
                select s.member_id from follow_up_setting s join member m on m.id = s.member_id
                where m.status = 'ACTIVE' and (
                    (s.digest = 'DAILY' and (s.last_digest_at is null or s.last_digest_at <= :day))
                    or (s.digest = 'WEEKLY' and (s.last_digest_at is null or s.last_digest_at <= :week)))
                order by s.member_id
                """).param("day", utc(dayAgo)).param("week", utc(weekAgo)).query(Long.class).list();
    }

    /** Marks a digest sent; false if another run sent it since {@code seen}. */
    boolean markDigestSent(long member, Instant seen, Instant now) {
        return jdbc.sql("""
                update follow_up_setting set last_digest_at = :now
                where member_id = :m and (last_digest_at is null or last_digest_at = :seen)
                """).param("now", utc(now)).param("m", member).param("seen", seen == null ? null : utc(seen))
                .update() == 1;
    }

    private static Instant toInstant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
