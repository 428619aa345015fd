package org.reciprocity.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.core.network.Tier;
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
public class Contacts {

    private static final String COLUMNS = """
            c.id, c.public_id, c.name, c.email, c.company, c.position, c.notes, c.tier, m.public_id as linked,
            c.phone, c.profile_url, c.last_interaction_on, c.created_at, c.updated_at
            """;
    private static final String FROM = " from contact c left join member m on m.id = c.linked_member_id ";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    Contacts(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
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
        return byPublicId(ownerId, publicId).orElseThrow();
    }

    @Transactional
    public Contact update(long ownerId, String publicId, ContactInput.Valid input, Instant now) {
        Contact existing = byPublicId(ownerId, publicId).orElseThrow(Contacts::notFound);
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

    /** Contacts matching {@code where}, with their tags; {@code limit} null for all of them. */
    private List<Contact> query(String where, Map<String, Object> params, Integer limit) {
        List<Contact> rows = jdbc.sql("select " + COLUMNS + FROM + where + (limit == null ? "" : " limit " + limit))
                .params(params).query(Contacts::map).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        for (List<Long> chunk : org.reciprocity.db.InLists.chunks(rows.stream().map(Contact::internalId).toList())) {
            jdbc.sql("select contact_id, tag from contact_tag where contact_id in (:ids) order by contact_id, position")
                    .param("ids", chunk)
                    .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        return rows.stream().map(c -> c.withTags(List.copyOf(tags.getOrDefault(c.internalId(), List.of())))).toList();
    }

    private void saveTags(long contactId, List<String> tags) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[tags.size()];
        for (int i = 0; i < tags.size(); i++) {
            rows[i] = new MapSqlParameterSource("id", contactId).addValue("pos", i).addValue("tag", tags.get(i));
        }
        batch.batchUpdate("insert into contact_tag (contact_id, position, tag) values (:id, :pos, :tag)", rows);
    }

    private Long linkedMemberId(String memberPublicId) {
        if (memberPublicId == null) {
            return null;
        }
        return jdbc.sql("select id from member where public_id = :id and status = 'ACTIVE'").param("id", memberPublicId)
                .query(Long.class).optional()
                .orElseThrow(() -> new InvalidInput("linkedMemberId", "There is no member with this id."));
    }

    static NotFound notFound() {
        return new NotFound("You have no contact with this id.");
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("public_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("company"), rs.getString("position"), List.of(), rs.getString("notes"),
                Tier.valueOf(rs.getString("tier")), rs.getString("linked"), rs.getString("phone"),
                rs.getString("profile_url"), rs.getObject("last_interaction_on", java.time.LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
