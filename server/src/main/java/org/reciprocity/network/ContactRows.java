package org.reciprocity.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.reciprocity.core.agenda.Cadence;
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.Tier;
import org.reciprocity.db.SearchWords;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's private contacts. Every query is scoped by the owner: another member's contact is
 * indistinguishable from one that does not exist (N5).
 */
@Repository
public class ContactRows {

    private static final String COLUMNS = """
            c.id, c.public_id, c.name, c.email, c.company, c.position, c.notes, c.tier, c.linked_member_id,
            c.profile_url, c.connected_on, c.created_at, c.updated_at
            """;
    private static final String FROM = " from contact c ";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final MemberRows members;

    ContactRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch, MemberRows members) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.members = members;
    }

    @Transactional
    public Contact create(long ownerId, ContactInput.Valid input, Instant now) {
        Long linked = linkedMemberId(input.linkedMemberId());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String publicId = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into contact (public_id, owner_id, name, email, company, position, notes, tier, linked_member_id,
                                     created_at, updated_at)
                values (:publicId, :owner, :name, :email, :company, :position, :notes, :tier, :linked, :now, :now)
                """)
                .param("publicId", publicId).param("owner", ownerId).param("name", input.name())
                .param("email", input.email()).param("company", input.company()).param("position", input.position())
                .param("notes", input.notes()).param("tier", input.tier().name())
                .param("linked", linked, java.sql.Types.BIGINT).param("now", now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        saveTags(id, input.tags());
        savePoints(List.of(id), List.of(input.emails()), List.of(input.phones()));
        return byPublicId(ownerId, publicId).orElseThrow();
    }

    @Transactional
    public Contact update(long ownerId, String publicId, ContactInput.Valid input, Instant now) {
        Contact existing = byPublicId(ownerId, publicId).orElseThrow(ContactRows::notFound);
        Long linked = linkedMemberId(input.linkedMemberId());
        jdbc.sql("""
                update contact set name = :name, email = :email, company = :company, position = :position,
                       notes = :notes, tier = :tier, linked_member_id = :linked, updated_at = :now
                where id = :id and owner_id = :owner
                """)
                .param("name", input.name()).param("email", input.email()).param("company", input.company())
                .param("position", input.position()).param("notes", input.notes()).param("tier", input.tier().name())
                .param("linked", linked, java.sql.Types.BIGINT).param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", existing.internalId()).param("owner", ownerId).update();
        jdbc.sql("delete from contact_tag where contact_id = :id").param("id", existing.internalId()).update();
        saveTags(existing.internalId(), input.tags());
        deletePoints(List.of(existing.internalId()));
        savePoints(List.of(existing.internalId()), List.of(input.emails()), List.of(input.phones()));
        return byPublicId(ownerId, publicId).orElseThrow();
    }

    /** Deletes the contact and the private exchanges recorded with it; false if the owner has no such contact. */
    public boolean delete(long ownerId, String publicId) {
        return jdbc.sql("delete from contact where public_id = :id and owner_id = :owner")
                .param("id", publicId).param("owner", ownerId).update() == 1;
    }

    public Optional<Contact> byPublicId(long ownerId, String publicId) {
        List<Contact> found = query("where c.owner_id = :owner and c.public_id = :id",
                Map.of("owner", ownerId, "id", publicId), 1);
        return found.stream().findFirst();
    }

    /** The owner's contacts in creation order, after the contact with internal id {@code afterId}. */
    public List<Contact> pageAfter(long ownerId, long afterId, int limit) {
        return query("where c.owner_id = :owner and c.id > :after order by c.id", Map.of("owner", ownerId, "after", afterId), limit);
    }

    /** What to look for among one owner's contacts: words in name, e-mail, company, position or tags; a tier; a tag. */
    public record ContactQuery(String text, Tier tier, String tag) {

        public static final ContactQuery ALL = new ContactQuery(null, null, null);

        public boolean isAll() {
            return SearchWords.of(text).isEmpty() && tier == null && (tag == null || tag.isBlank());
        }
    }

    /** The owner's contacts that match, in creation order after internal id {@code afterId} (the API's pages). */
    public List<Contact> search(long ownerId, ContactQuery q, long afterId, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = matching(ownerId, q, params) + " and c.id > :after order by c.id";
        params.put("after", afterId);
        return query(where, params, limit);
    }

    /** One page of the owner's matching contacts by name (the contacts page: a few thousand rows at most). */
    public List<Contact> searchByName(long ownerId, ContactQuery q, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = matching(ownerId, q, params) + " order by lower(c.name), c.id limit " + limit
                + " offset " + Math.max(0, offset);
        return query(where, params, null);
    }

    /** Whether the owner has any contact (the first row found answers). */
    public boolean any(long ownerId) {
        return !jdbc.sql("select id from contact where owner_id = :owner limit 1").param("owner", ownerId)
                .query(Long.class).list().isEmpty();
    }

    public int count(long ownerId, ContactQuery q) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*)" + FROM + matching(ownerId, q, params)).params(params)
                .query(Integer.class).single();
    }

    private static String matching(long ownerId, ContactQuery q, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("where c.owner_id = :owner");
        params.put("owner", ownerId);
        if (q.tier() != null) {
            where.append(" and c.tier = :tier");
            params.put("tier", q.tier().name());
        }
        if (q.tag() != null && !q.tag().isBlank()) {
            where.append(" and exists (select 1 from contact_tag t where t.contact_id = c.id and lower(t.tag) = :tag)");
            params.put("tag", q.tag().strip().toLowerCase(java.util.Locale.ROOT));
        }
        SearchWords words = SearchWords.of(q.text());
        for (int i = 0; i < words.words().size(); i++) {
            String w = ":w" + i;
            where.append(" and (lower(c.name) like ").append(w).append(SearchWords.ESCAPE)
                    .append(" or lower(c.email) like ").append(w).append(SearchWords.ESCAPE)
                    .append(" or lower(c.company) like ").append(w).append(SearchWords.ESCAPE)
                    .append(" or lower(c.position) like ").append(w).append(SearchWords.ESCAPE)
                    .append(" or exists (select 1 from contact_tag t where t.contact_id = c.id and lower(t.tag) like ")
                    .append(w).append(SearchWords.ESCAPE).append("))");
            params.put("w" + i, words.pattern(i));
        }
        return where.toString();
    }

    /** Gives these contacts of the owner one tier; the others' ids are ignored. Returns how many changed. */
    @Transactional
    public int setTier(long ownerId, Collection<String> publicIds, Tier tier, Instant now) {
        int changed = 0;
        for (List<String> chunk : org.reciprocity.db.InLists.chunks(publicIds)) {
            changed += jdbc.sql("""
                    update contact set tier = :tier, updated_at = :now
                    where owner_id = :owner and public_id in (:ids) and tier <> :tier
                    """).param("tier", tier.name()).param("now", now.atOffset(ZoneOffset.UTC)).param("owner", ownerId)
                    .param("ids", chunk).update();
        }
        return changed;
    }

    /** Adds a tag to these contacts of the owner that do not have it yet. Returns how many changed. */
    @Transactional
    public int addTag(long ownerId, Collection<String> publicIds, String tag, Instant now) {
        int changed = 0;
        for (List<String> chunk : org.reciprocity.db.InLists.chunks(publicIds)) {
            changed += jdbc.sql("""
                    insert into contact_tag (contact_id, position, tag)
                    select c.id, coalesce((select max(t.position) + 1 from contact_tag t where t.contact_id = c.id), 0), :tag
                    from contact c
                    where c.owner_id = :owner and c.public_id in (:ids)
                      and not exists (select 1 from contact_tag t where t.contact_id = c.id and lower(t.tag) = lower(:tag))
                    """).param("tag", tag).param("owner", ownerId).param("ids", chunk).update();
            jdbc.sql("update contact set updated_at = :now where owner_id = :owner and public_id in (:ids)")
                    .param("now", now.atOffset(ZoneOffset.UTC)).param("owner", ownerId).param("ids", chunk).update();
        }
        return changed;
    }

    /** Deletes these contacts of the owner (and the private favors recorded with them). Returns how many. */
    @Transactional
    public int deleteAll(long ownerId, Collection<String> publicIds) {
        int deleted = 0;
        for (List<String> chunk : org.reciprocity.db.InLists.chunks(publicIds)) {
            deleted += jdbc.sql("delete from contact where owner_id = :owner and public_id in (:ids)")
                    .param("owner", ownerId).param("ids", chunk).update();
        }
        return deleted;
    }

    /** What suggesting whom to track weighs of an untracked contact: no tags, e-mails or phones. */
    public record Untracked(long internalId, String id, String name, String company, java.time.LocalDate connectedOn,
                            Long linkedMemberId) {}

    public List<Untracked> untracked(long ownerId) {
        return jdbc.sql("""
                select id, public_id, name, company, connected_on, linked_member_id from contact
                where owner_id = :owner and tier = 'UNTRACKED'
                """).param("owner", ownerId).query((rs, n) -> new Untracked(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, Long.class))).list();
    }

    /** How many of the owner's tracked contacts work at each company (lower-cased). */
    public Map<String, Integer> trackedCompanies(long ownerId) {
        Map<String, Integer> companies = new HashMap<>();
        jdbc.sql("""
                select lower(company), count(*) from contact
                where owner_id = :owner and tier <> 'UNTRACKED' and company is not null group by lower(company)
                """).param("owner", ownerId).query((rs, n) -> companies.put(rs.getString(1), rs.getInt(2))).list();
        return companies;
    }

    /** The owner's contacts among these internal ids; others' contacts are simply not found. */
    public Map<Long, Contact> byIds(long ownerId, java.util.Collection<Long> ids) {
        Map<Long, Contact> map = new HashMap<>();
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(ids)) {
            query("where c.owner_id = :owner and c.id in (:ids)", Map.of("owner", ownerId, "ids", chunk), null)
                    .forEach(c -> map.put(c.internalId(), c));
        }
        return map;
    }

    public List<Contact> all(long ownerId) {
        return query("where c.owner_id = :owner order by lower(c.name)", Map.of("owner", ownerId), null);
    }

    /** Contacts matching {@code where}, with their tags, e-mails and phones; {@code limit} null for all of them. */
    private List<Contact> query(String where, Map<String, Object> params, Integer limit) {
        Map<Long, Long> linkedTo = new HashMap<>();
        List<Contact> rows = jdbc.sql("select " + COLUMNS + FROM + where + (limit == null ? "" : " limit " + limit))
                .params(params).query((rs, n) -> {
                    Long linked = rs.getObject("linked_member_id", Long.class);
                    if (linked != null) {
                        linkedTo.put(rs.getLong("id"), linked);
                    }
                    return map(rs, n);
                }).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Member> linkedMembers = members.byIds(Set.copyOf(linkedTo.values()));
        Map<Long, List<String>> tags = new HashMap<>();
        Map<Long, List<ContactPoint>> emails = new HashMap<>();
        Map<Long, List<ContactPoint>> phones = new HashMap<>();
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(rows.stream().map(Contact::internalId).toList())) {
            jdbc.sql("select contact_id, tag from contact_tag where contact_id in (:ids) order by contact_id, position")
                    .param("ids", chunk)
                    .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
            jdbc.sql("""
                    select contact_id, email, kind, preferred from contact_email where contact_id in (:ids)
                    order by contact_id, position
                    """).param("ids", chunk)
                    .query((rs, n) -> emails.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(point(rs)))
                    .list();
            jdbc.sql("""
                    select contact_id, phone, kind, preferred from contact_phone where contact_id in (:ids)
                    order by contact_id, position
                    """).param("ids", chunk)
                    .query((rs, n) -> phones.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(point(rs)))
                    .list();
        }
        return rows.stream().map(c -> c.with(List.copyOf(tags.getOrDefault(c.internalId(), List.of())),
                        emailsOf(c, emails.get(c.internalId())),
                        List.copyOf(phones.getOrDefault(c.internalId(), List.of())),
                        Optional.ofNullable(linkedMembers.get(linkedTo.get(c.internalId()))).map(Member::publicId).orElse(null)))
                .toList();
    }

    /** A contact written without e-mail rows (the demo seeder writes contact.email alone) still lists its e-mail. */
    private static List<ContactPoint> emailsOf(Contact c, List<ContactPoint> rows) {
        if (rows != null) {
            return List.copyOf(rows);
        }
        return c.email() == null ? List.of() : List.of(new ContactPoint(c.email(), ContactPoint.Type.OTHER, true));
    }

    private static ContactPoint point(ResultSet rs) throws SQLException {
        return new ContactPoint(rs.getString(2), ContactPoint.Type.valueOf(rs.getString(3)), rs.getBoolean(4));
    }

    /** Deletes the e-mail and phone rows of these contacts; the caller writes the new ones in its transaction. */
    void deletePoints(List<Long> contactIds) {
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(contactIds)) {
            jdbc.sql("delete from contact_email where contact_id in (:ids)").param("ids", chunk).update();
            jdbc.sql("delete from contact_phone where contact_id in (:ids)").param("ids", chunk).update();
        }
    }

    /** Writes each contact's e-mails and phones in their order; the three lists run parallel. */
    void savePoints(List<Long> contactIds, List<List<ContactPoint>> emails, List<List<ContactPoint>> phones) {
        List<MapSqlParameterSource> emailRows = new ArrayList<>();
        List<MapSqlParameterSource> phoneRows = new ArrayList<>();
        for (int c = 0; c < contactIds.size(); c++) {
            addPoints(emailRows, contactIds.get(c), emails.get(c));
            addPoints(phoneRows, contactIds.get(c), phones.get(c));
        }
        if (!emailRows.isEmpty()) {
            batch.batchUpdate("""
                    insert into contact_email (contact_id, position, email, kind, preferred)
                    values (:id, :pos, :value, :kind, :preferred)
                    """, emailRows.toArray(MapSqlParameterSource[]::new));
        }
        if (!phoneRows.isEmpty()) {
            batch.batchUpdate("""
                    insert into contact_phone (contact_id, position, phone, kind, preferred)
                    values (:id, :pos, :value, :kind, :preferred)
                    """, phoneRows.toArray(MapSqlParameterSource[]::new));
        }
    }

    private static void addPoints(List<MapSqlParameterSource> into, long contactId, List<ContactPoint> points) {
        for (int i = 0; i < points.size(); i++) {
            ContactPoint p = points.get(i);
            into.add(new MapSqlParameterSource("id", contactId).addValue("pos", i).addValue("value", p.value())
                    .addValue("kind", p.type().name()).addValue("preferred", p.primary()));
        }
    }

    private void saveTags(long contactId, List<String> tags) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[tags.size()];
        for (int i = 0; i < tags.size(); i++) {
            rows[i] = new MapSqlParameterSource("id", contactId).addValue("pos", i).addValue("tag", tags.get(i));
        }
        batch.batchUpdate("insert into contact_tag (contact_id, position, tag) values (:id, :pos, :tag)", rows);
    }

    /** What keeping in touch weighs of a contact: who, its tier and own cadence, and since when it is known. */
    public record Tracked(String id, String name, Tier tier, Cadence cadence, String linkedMemberId,
                          java.time.LocalDate connectedOn, Instant createdAt) {}

    /**
     * Every contact of the owner as the agenda reads it: two queries (the contacts, their linked members)
     * where {@link #all} takes five, since the agenda needs neither tags, e-mails nor phones.
     */
    public List<Tracked> tracked(long owner) {
        record Row(Tracked contact, Long linkedMember) {}
        List<Row> rows = jdbc.sql("""
                select public_id, name, tier, cadence_ideal_days, cadence_max_days, linked_member_id,
                       connected_on, created_at
                from contact where owner_id = :owner order by lower(name)
                """).param("owner", owner).query((rs, n) -> {
                    Integer ideal = rs.getObject("cadence_ideal_days", Integer.class);
                    return new Row(new Tracked(rs.getString("public_id"), rs.getString("name"),
                            Tier.valueOf(rs.getString("tier")), ideal == null ? null : new Cadence(ideal, rs.getInt("cadence_max_days")),
                            null, rs.getObject("connected_on", java.time.LocalDate.class),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                            rs.getObject("linked_member_id", Long.class));
                }).list();
        Map<Long, Member> linked = members.byIds(rows.stream().map(Row::linkedMember)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return rows.stream().map(r -> {
            Member m = r.linkedMember() == null ? null : linked.get(r.linkedMember());
            Tracked t = r.contact();
            return m == null ? t : new Tracked(t.id(), t.name(), t.tier(), t.cadence(), m.publicId(), t.connectedOn(),
                    t.createdAt());
        }).toList();
    }

    /** Sets or (with null) clears the contact's own cadence; false when the owner has no such contact. */
    public boolean saveCadence(long owner, String contactPublicId, Cadence cadence) {
        return jdbc.sql("""
                update contact set cadence_ideal_days = :ideal, cadence_max_days = :max
                where owner_id = :owner and public_id = :id
                """).param("ideal", cadence == null ? null : cadence.idealDays(), java.sql.Types.INTEGER)
                .param("max", cadence == null ? null : cadence.maxDays(), java.sql.Types.INTEGER)
                .param("owner", owner).param("id", contactPublicId).update() == 1;
    }

    /** A contact's public id and name. */
    public record Named(String publicId, String name) {}

    /** Contacts by internal id, for naming them next to rows that refer to them. */
    /** The names of these contacts of the owner (others' ids are not found): what a ledger shows of each. */
    public Map<Long, Named> namesOwnedBy(long ownerId, Collection<Long> ids) {
        Map<Long, Named> names = new HashMap<>();
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(ids)) {
            jdbc.sql("select id, public_id, name from contact where owner_id = :owner and id in (:ids)")
                    .param("owner", ownerId).param("ids", chunk)
                    .query((rs, n) -> names.put(rs.getLong(1), new Named(rs.getString(2), rs.getString(3)))).list();
        }
        return names;
    }

    public Map<Long, Named> names(Collection<Long> ids) {
        Map<Long, Named> names = new HashMap<>();
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(ids)) {
            jdbc.sql("select id, public_id, name from contact where id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> names.put(rs.getLong(1), new Named(rs.getString(2), rs.getString(3)))).list();
        }
        return names;
    }

    // --- an import's batches: one statement per batch of rows ---------------------------------

    void insertImported(MapSqlParameterSource[] rows) {
        batch.batchUpdate("""
                insert into contact (public_id, owner_id, name, email, company, position, profile_url, notes, tier,
                                     connected_on, created_at, updated_at)
                values (:publicId, :owner, :name, :email, :company, :position, :url, :notes, :tier, :last, :now, :now)
                """, rows);
    }

    void updateImported(MapSqlParameterSource[] rows) {
        batch.batchUpdate("""
                update contact set email = :email, company = :company, position = :position,
                       profile_url = :url, notes = :notes, connected_on = :last, updated_at = :now
                where id = :id
                """, rows);
    }

    /** The internal ids of the owner's contacts with these public ids. */
    Map<String, Long> idsOf(long ownerId, Collection<String> publicIds) {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("select id, public_id from contact where owner_id = :owner and public_id in (:ids)")
                .param("owner", ownerId).param("ids", publicIds)
                .query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        return ids;
    }

    /** Rows of {@code id}, {@code pos} and {@code tag}. */
    void insertTags(List<MapSqlParameterSource> tags) {
        batch.batchUpdate("insert into contact_tag (contact_id, position, tag) values (:id, :pos, :tag)",
                tags.toArray(MapSqlParameterSource[]::new));
    }

    void deleteTags(List<Long> contactIds) {
        batch.batchUpdate("delete from contact_tag where contact_id = :id",
                contactIds.stream().map(id -> new MapSqlParameterSource("id", id)).toArray(MapSqlParameterSource[]::new));
    }

    private Long linkedMemberId(String memberPublicId) {
        if (memberPublicId == null) {
            return null;
        }
        return members.byPublicId(memberPublicId).filter(Member::isActive).map(Member::id)
                .orElseThrow(() -> new InvalidInput("linkedMemberId", "There is no member with this id."));
    }

    public static NotFound notFound() {
        return new NotFound("You have no contact with this id.");
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("public_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("company"), rs.getString("position"), List.of(), rs.getString("notes"),
                Tier.valueOf(rs.getString("tier")), null, List.of(), List.of(),
                rs.getString("profile_url"), rs.getObject("connected_on", java.time.LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
