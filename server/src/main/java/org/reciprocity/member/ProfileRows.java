package org.reciprocity.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.core.profile.ProfileField;
import org.reciprocity.core.profile.Visibility;
import org.reciprocity.db.InLists;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The profile tables: the profile row, its list fields (profile_tag) and per-field visibility. */
@Repository
public class ProfileRows {

    private static final String SKILLS = "skills";
    private static final String INTERESTS = "interests";
    private static final String LANGUAGES = "languages";
    private static final String OPEN_TO = "openTo";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ProfileRows(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void createEmpty(long memberId, Instant now) {
        jdbc.sql("insert into profile (member_id, giving_paused, updated_at) values (:id, false, :now)")
                .param("id", memberId).param("now", MemberRows.utc(now)).update();
    }

    /** The member's time zone as they set it (an id such as "Europe/Lisbon"), if they have a profile. */
    Optional<String> timeZone(long memberId) {
        return jdbc.sql("select time_zone from profile where member_id = :id").param("id", memberId)
                .query(String.class).optional();
    }

    /** The time zones of those members who have a profile (a null value: none set). */
    Map<Long, String> timeZones(Collection<Long> memberIds) {
        Map<Long, String> zones = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(memberIds)) {
            jdbc.sql("select member_id, time_zone from profile where member_id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> zones.put(rs.getLong(1), rs.getString(2))).list();
        }
        return zones;
    }

    /**
     * How much each member offers to give, as matching weighs it, for those of the members whose accounts
     * are active (one query for both: matching asks it of every candidate of every search).
     */
    public Map<Long, GivingCapacity> givingCapacityOfActive(Collection<Long> memberIds) {
        Map<Long, GivingCapacity> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(memberIds)) {
            jdbc.sql("""
                    select p.member_id, p.capacity_per_month, p.giving_paused from profile p
                    join member m on m.id = p.member_id
                    where m.status = 'ACTIVE' and p.member_id in (:ids)
                    """)
                    .param("ids", chunk)
                    .query((rs, n) -> map.put(rs.getLong(1),
                            new GivingCapacity(rs.getObject(2, Integer.class), rs.getBoolean(3))))
                    .list();
        }
        return map;
    }

    /** Favors a month the member is willing to give (null: no limit said), and whether they paused giving. */
    public record GivingCapacity(Integer perMonth, boolean paused) {}

    public Profile of(long memberId) {
        return of(List.of(memberId)).getOrDefault(memberId, Profile.empty());
    }

    /**
     * The profiles of many members in three queries per thousand (the match index reads a million at start-up:
     * one member at a time that was three million queries). Members without a profile row are left out.
     */
    public Map<Long, Profile> of(Collection<Long> memberIds) {
        record Row(String headline, String bio, String industry, String location, String timeZone,
                   String culture, Integer capacity, boolean paused) {}
        Map<Long, Profile> profiles = new HashMap<>();
        for (List<Long> ids : InLists.chunks(memberIds)) {
            Map<Long, Row> rows = new HashMap<>();
            jdbc.sql("""
                    select member_id, headline, bio, industry, location, time_zone, culture, capacity_per_month, giving_paused
                    from profile where member_id in (:ids)
                    """).param("ids", ids)
                    .query((rs, n) -> rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), (Integer) rs.getObject(8, Integer.class),
                            rs.getBoolean(9))))
                    .list();
            if (rows.isEmpty()) {
                continue;
            }
            Map<Long, Map<String, List<String>>> tags = new HashMap<>();
            jdbc.sql("select member_id, field, tag from profile_tag where member_id in (:ids) order by member_id, field, position")
                    .param("ids", ids)
                    .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3)))
                    .list();
            Map<Long, Map<ProfileField, Visibility>> visibilities = new HashMap<>();
            jdbc.sql("select member_id, field, visibility from profile_visibility where member_id in (:ids)").param("ids", ids)
                    .query((rs, n) -> {
                        long member = rs.getLong(1);
                        Visibility v = Visibility.valueOf(rs.getString(3));
                        ProfileField.byApiName(rs.getString(2)).ifPresent(f ->
                                visibilities.computeIfAbsent(member, k -> Profile.defaults()).put(f, v));
                        return null;
                    }).list();
            rows.forEach((id, row) -> {
                Map<String, List<String>> own = tags.getOrDefault(id, Map.of());
                Set<OpenTo> openTo = EnumSet.noneOf(OpenTo.class);
                own.getOrDefault(OPEN_TO, List.of()).forEach(o -> openTo.add(OpenTo.valueOf(o)));
                profiles.put(id, new Profile(row.headline, row.bio, List.copyOf(own.getOrDefault(SKILLS, List.of())),
                        List.copyOf(own.getOrDefault(INTERESTS, List.of())), row.industry, row.location, row.timeZone,
                        row.culture == null ? null : CultureRegion.valueOf(row.culture),
                        List.copyOf(own.getOrDefault(LANGUAGES, List.of())), openTo, row.capacity, row.paused,
                        new EnumMap<>(visibilities.getOrDefault(id, Profile.defaults()))));
            });
        }
        return profiles;
    }

    /** Changes this one field: a concurrent edit of the rest of the profile is not overwritten. */
    void setGivingPaused(long memberId, boolean paused, Instant now) {
        jdbc.sql("update profile set giving_paused = :paused, updated_at = :now where member_id = :id")
                .param("paused", paused).param("now", MemberRows.utc(now)).param("id", memberId).update();
    }

    @Transactional
    public void save(long memberId, Profile profile, Instant now) {
        jdbc.sql("""
                update profile set headline = :headline, bio = :bio, industry = :industry, location = :location,
                       time_zone = :zone, culture = :culture, capacity_per_month = :capacity,
                       giving_paused = :paused, updated_at = :now
                where member_id = :id
                """)
                .param("headline", profile.headline()).param("bio", profile.bio())
                .param("industry", profile.industry()).param("location", profile.location())
                .param("zone", profile.timeZone())
                .param("culture", profile.culture() == null ? null : profile.culture().name())
                .param("capacity", profile.capacityPerMonth(), java.sql.Types.INTEGER)
                .param("paused", Boolean.TRUE.equals(profile.givingPaused()))
                .param("now", MemberRows.utc(now)).param("id", memberId)
                .update();
        jdbc.sql("delete from profile_tag where member_id = :id").param("id", memberId).update();
        List<MapSqlParameterSource> tags = new ArrayList<>();
        addTags(tags, memberId, SKILLS, profile.skills());
        addTags(tags, memberId, INTERESTS, profile.interests());
        addTags(tags, memberId, LANGUAGES, profile.languages());
        addTags(tags, memberId, OPEN_TO, profile.openTo().stream().sorted().map(Enum::name).toList());
        batch.batchUpdate("insert into profile_tag (member_id, field, position, tag) values (:id, :field, :pos, :tag)",
                tags.toArray(MapSqlParameterSource[]::new));
        jdbc.sql("delete from profile_visibility where member_id = :id").param("id", memberId).update();
        // only settings that differ from the default are stored, so a changed default reaches everyone who kept it
        MapSqlParameterSource[] settings = profile.visibility().entrySet().stream()
                .filter(e -> e.getValue() != e.getKey().defaultVisibility())
                .map(e -> new MapSqlParameterSource("id", memberId).addValue("field", e.getKey().apiName())
                        .addValue("v", e.getValue().name()))
                .toArray(MapSqlParameterSource[]::new);
        batch.batchUpdate("insert into profile_visibility (member_id, field, visibility) values (:id, :field, :v)", settings);
    }

    private static void addTags(List<MapSqlParameterSource> into, long memberId, String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            into.add(new MapSqlParameterSource("id", memberId).addValue("field", field).addValue("pos", i)
                    .addValue("tag", values.get(i)));
        }
    }
}
