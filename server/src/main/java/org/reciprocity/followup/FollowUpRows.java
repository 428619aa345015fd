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
import org.springframework.transaction.annotation.Transactional;

/** The interaction, cadence, reminder and follow_up_setting tables, always scoped to their owner. */
@Repository
class FollowUpRows {

    /** An interaction as stored: with a member or with one of the owner's contacts (internal ids). */
    record StoredInteraction(String id, InteractionType type, LocalDate occurredOn, String note, Long memberId,
                             Long contactId, Instant createdAt) {}

    record Reminder(String key, String state, LocalDate snoozedUntil) {}

    record Settings(int feedGeneration, String digest, Instant lastDigestAt) {}

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

    /** The owner's interactions, newest first. */
    List<StoredInteraction> interactions(long owner, int limit) {
        return interactions(owner, null, limit);
    }

    /** The owner's interactions with one contact, newest first. */
    List<StoredInteraction> interactionsWithContact(long owner, long contactId, int limit) {
        return jdbc.sql("""
                select public_id, kind, occurred_on, note, member_id, contact_id, created_at
                from interaction where owner_id = :owner and contact_id = :contact
                order by occurred_on desc, id desc limit :limit
                """).param("owner", owner).param("contact", contactId).param("limit", limit)
                .query((rs, n) -> new StoredInteraction(rs.getString(1), InteractionType.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class), rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One of the owner's interactions by its public id. */
    Optional<StoredInteraction> interaction(long owner, String publicId) {
        return interactions(owner, publicId, 1).stream().findFirst();
    }

    private List<StoredInteraction> interactions(long owner, String publicId, int limit) {
        return jdbc.sql("""
                select public_id, kind, occurred_on, note, member_id, contact_id, created_at
                from interaction
                where owner_id = :owner and (:id is null or public_id = :id)
                order by occurred_on desc, id desc limit :limit
                """).param("owner", owner).param("id", publicId, java.sql.Types.VARCHAR).param("limit", limit)
                .query((rs, n) -> new StoredInteraction(rs.getString(1), InteractionType.valueOf(rs.getString(2)),
                        rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, Long.class),
                        rs.getObject(6, Long.class), rs.getObject(7, OffsetDateTime.class).toInstant()))
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

    /** An upsert in two portable statements: the insert cannot collide, the update then sets the value. */
    @Transactional
    void saveCadence(long owner, Tier tier, Cadence cadence) {
        jdbc.sql("""
                insert into cadence (owner_id, tier, ideal_days, max_days) values (:owner, :tier, :ideal, :max)
                on conflict do nothing
                """).param("owner", owner).param("tier", tier.name()).param("ideal", cadence.idealDays())
                .param("max", cadence.maxDays()).update();
        jdbc.sql("update cadence set ideal_days = :ideal, max_days = :max where owner_id = :owner and tier = :tier")
                .param("owner", owner).param("tier", tier.name()).param("ideal", cadence.idealDays())
                .param("max", cadence.maxDays()).update();
    }

    // --- reminders -------------------------------------------------------------------------

    Map<String, Reminder> reminders(long owner) {
        Map<String, Reminder> map = new HashMap<>();
        jdbc.sql("select item_key, state, snoozed_until from reminder where owner_id = :owner").param("owner", owner)
                .query((rs, n) -> map.put(rs.getString(1), new Reminder(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class)))).list();
        return map;
    }

    /** An upsert, like {@link #saveCadence}: concurrent snoozes of one item never collide; the last one wins. */
    @Transactional
    void setReminder(long owner, String key, String state, LocalDate until, Instant now) {
        jdbc.sql("""
                insert into reminder (owner_id, item_key, state, snoozed_until, updated_at)
                values (:owner, :key, :state, :until, :now) on conflict do nothing
                """).param("owner", owner).param("key", key).param("state", state).param("until", until)
                .param("now", utc(now)).update();
        jdbc.sql("""
                update reminder set state = :state, snoozed_until = :until, updated_at = :now
                where owner_id = :owner and item_key = :key
                """).param("owner", owner).param("key", key).param("state", state).param("until", until)
                .param("now", utc(now)).update();
    }

    // --- settings: calendar feed and digest ------------------------------------------------

    Settings settings(long member) {
        return jdbc.sql("select feed_generation, digest, last_digest_at from follow_up_setting where member_id = :m")
                .param("m", member)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getString(2), toInstant(rs.getObject(3, OffsetDateTime.class))))
                .optional().orElse(new Settings(0, "OFF", null));
    }

    private void ensureRow(long member) {
        jdbc.sql("insert into follow_up_setting (member_id, digest) values (:m, 'OFF') on conflict do nothing")
                .param("m", member).update();
    }

    /** Moves the member's feed to its next generation and returns it; the caller stores the new address's hash. */
    int nextFeedGeneration(long member) {
        ensureRow(member);
        jdbc.sql("update follow_up_setting set feed_generation = feed_generation + 1 where member_id = :m")
                .param("m", member).update();
        return settings(member).feedGeneration();
    }

    void setFeedHash(long member, String hash) {
        jdbc.sql("update follow_up_setting set feed_hash = :h where member_id = :m").param("h", hash).param("m", member)
                .update();
    }

    Optional<Long> memberByFeedHash(String hash) {
        return jdbc.sql("select member_id from follow_up_setting where feed_hash = :h").param("h", hash)
                .query(Long.class).optional();
    }

    void setDigest(long member, String digest, String tokenHash) {
        ensureRow(member);
        jdbc.sql("update follow_up_setting set digest = :d, digest_token_hash = :t where member_id = :m")
                .param("d", digest).param("t", tokenHash).param("m", member).update();
    }

    Optional<Long> memberByDigestTokenHash(String hash) {
        return jdbc.sql("select member_id from follow_up_setting where digest_token_hash = :h").param("h", hash)
                .query(Long.class).optional();
    }

    /** A member who opted in to the digest, with when it was last sent. */
    record Subscriber(long memberId, String frequency, Instant lastDigestAt) {}

    List<Subscriber> subscribers() {
        return jdbc.sql("""
                select member_id, digest, last_digest_at from follow_up_setting
                where digest in ('DAILY', 'WEEKLY') order by member_id
                """).query((rs, n) -> new Subscriber(rs.getLong(1), rs.getString(2),
                        toInstant(rs.getObject(3, OffsetDateTime.class)))).list();
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
