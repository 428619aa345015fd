package org.reciprocity.network;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reciprocity.core.network.Tier;
import org.reciprocity.db.InLists;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Writes the demo's contacts in one batch (the demo's plan comes from core). */
@Repository
public class ContactSeedRows {

    public record SeedContact(long ownerId, Long linkedMemberId, String name, String email, Tier tier, LocalDate knownSince) {}

    private final NamedParameterJdbcTemplate jdbc;

    ContactSeedRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the contacts and returns their internal ids, in the order given. */
    public List<Long> seed(List<SeedContact> seeds, Instant now) {
        List<String> publicIds = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (SeedContact c : seeds) {
            String id = UUID.randomUUID().toString();
            publicIds.add(id);
            rows.add(new MapSqlParameterSource("id", id).addValue("owner", c.ownerId()).addValue("name", c.name())
                    .addValue("email", c.email()).addValue("tier", c.tier().name()).addValue("linked", c.linkedMemberId())
                    .addValue("known", c.knownSince())
                    .addValue("created", c.knownSince().atStartOfDay().atOffset(ZoneOffset.UTC))
                    .addValue("now", now.atOffset(ZoneOffset.UTC)));
        }
        jdbc.batchUpdate("""
                insert into contact (public_id, owner_id, name, email, tier, linked_member_id, connected_on,
                                     created_at, updated_at)
                values (:id, :owner, :name, :email, :tier, :linked, :known, :created, :now)
                """, rows.toArray(SqlParameterSource[]::new));
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : InLists.chunks(publicIds)) {
            jdbc.query("select id, public_id from contact where public_id in (:ids)", Map.of("ids", chunk),
                    (rs, n) -> ids.put(rs.getString(2), rs.getLong(1)));
        }
        return publicIds.stream().map(ids::get).toList();
    }
}
