package org.reciprocity.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reciprocity.core.agenda.InteractionType;
import org.reciprocity.core.network.Tier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/** Writes demo contacts and interactions in batches (the demo's plan comes from core). */
@Component
public class FollowUpSeeder {

    public record SeedContact(long ownerId, Long linkedMemberId, String name, String email, Tier tier, LocalDate knownSince) {}

    public record SeedInteraction(int contact, InteractionType type, LocalDate on, String note) {}

    private final NamedParameterJdbcTemplate jdbc;

    FollowUpSeeder(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void seed(List<SeedContact> contacts, List<SeedInteraction> interactions, Instant now) {
        List<String> ids = new ArrayList<>();
        List<SqlParameterSource> rows = new ArrayList<>();
        for (SeedContact c : contacts) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            rows.add(new MapSqlParameterSource("id", id).addValue("owner", c.ownerId()).addValue("name", c.name())
                    .addValue("email", c.email()).addValue("tier", c.tier().name()).addValue("linked", c.linkedMemberId())
                    .addValue("known", c.knownSince())
                    .addValue("created", c.knownSince().atStartOfDay().atOffset(ZoneOffset.UTC))
                    .addValue("now", now.atOffset(ZoneOffset.UTC)));
        }
        jdbc.batchUpdate("""
                insert into contact (public_id, owner_id, name, email, tier, linked_member_id, last_interaction_on,
                                     created_at, updated_at)
                values (:id, :owner, :name, :email, :tier, :linked, :known, :created, :now)
                """, rows.toArray(SqlParameterSource[]::new));
        List<SqlParameterSource> touches = new ArrayList<>();
        for (SeedInteraction i : interactions) {
            touches.add(new MapSqlParameterSource("id", UUID.randomUUID().toString())
                    .addValue("contact", ids.get(i.contact())).addValue("kind", i.type().name()).addValue("on", i.on())
                    .addValue("note", i.note()).addValue("now", now.atOffset(ZoneOffset.UTC)));
        }
        jdbc.batchUpdate("""
                insert into interaction (public_id, owner_id, contact_id, kind, occurred_on, note, created_at)
                select :id, c.owner_id, c.id, :kind, :on, :note, :now from contact c where c.public_id = :contact
                """, touches.toArray(SqlParameterSource[]::new));
    }
}
