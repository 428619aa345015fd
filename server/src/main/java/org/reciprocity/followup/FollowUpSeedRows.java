package org.reciprocity.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.reciprocity.core.agenda.InteractionType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** Writes the demo's interactions in one batch (the demo's plan comes from core). */
@Repository
public class FollowUpSeedRows {

    /** An interaction of the contact's owner with the contact (its internal id). */
    public record SeedInteraction(long ownerId, long contactId, InteractionType type, LocalDate on, String note) {}

    private final NamedParameterJdbcTemplate jdbc;

    FollowUpSeedRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void seed(List<SeedInteraction> interactions, Instant now) {
        List<SqlParameterSource> touches = new ArrayList<>();
        for (SeedInteraction i : interactions) {
            touches.add(new MapSqlParameterSource("id", UUID.randomUUID().toString()).addValue("owner", i.ownerId())
                    .addValue("contact", i.contactId()).addValue("kind", i.type().name()).addValue("on", i.on())
                    .addValue("note", i.note()).addValue("now", now.atOffset(ZoneOffset.UTC)));
        }
        jdbc.batchUpdate("""
                insert into interaction (public_id, owner_id, contact_id, kind, occurred_on, note, created_at)
                values (:id, :owner, :contact, :kind, :on, :note, :now)
                """, touches.toArray(SqlParameterSource[]::new));
    }
}
