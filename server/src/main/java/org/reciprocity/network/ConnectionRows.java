package org.reciprocity.network;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.db.InLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Connections between members, stored once per pair with the lower id first. */
@Repository
public class ConnectionRows {

    private final JdbcClient jdbc;

    ConnectionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean areConnected(long a, long b) {
        if (a == b) {
            return false;
        }
        return jdbc.sql("select count(*) from connection where member_low = :low and member_high = :high")
                .param("low", Math.min(a, b)).param("high", Math.max(a, b))
                .query(Long.class).single() > 0;
    }

    /** Removes a connection; false when there was none. */
    public boolean disconnect(long a, long b) {
        return jdbc.sql("delete from connection where member_low = :low and member_high = :high")
                .param("low", Math.min(a, b)).param("high", Math.max(a, b)).update() == 1;
    }

    /** The member's connections with the time each began, newest first. */
    public java.util.List<java.util.Map.Entry<Long, Instant>> since(long memberId) {
        return jdbc.sql("""
                select member_high, since from connection where member_low = :m
                union all
                select member_low, since from connection where member_high = :m
                order by since desc
                """).param("m", memberId)
                .query((rs, n) -> java.util.Map.entry(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    /** How many connections two members have in common. */
    public int mutual(long a, long b) {
        java.util.Set<Long> mine = new java.util.HashSet<>(of(a));
        return (int) of(b).stream().filter(mine::contains).count();
    }

    /** The internal ids of the members connected to {@code memberId}. */
    public java.util.List<Long> of(long memberId) {
        return jdbc.sql("""
                select member_high from connection where member_low = :m
                union all
                select member_low from connection where member_high = :m
                """).param("m", memberId).query(Long.class).list();
    }

    /** Connects two members; does nothing if they already are. */
    public void connect(long a, long b, Instant since) {
        if (a == b) {
            throw new IllegalArgumentException("a member cannot connect to themselves");
        }
        jdbc.sql("""
                insert into connection (member_low, member_high, since) values (:low, :high, :since)
                on conflict do nothing
                """)
                .param("low", Math.min(a, b)).param("high", Math.max(a, b))
                .param("since", since.atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * For each of {@code others} who shares a connection with {@code me}, how many they share. Counted in
     * the database: sending every connection of two hundred candidates to count them here cost more.
     */
    public Map<Long, Integer> mutualCounts(long me, Collection<Long> others) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(others)) {
            jdbc.sql("""
                    with mine (friend) as (
                        select member_high from connection where member_low = :me
                        union all select member_low from connection where member_high = :me)
                    select t.other, count(*) from (
                        select member_low as other, member_high as friend from connection where member_low in (:ids)
                        union all
                        select member_high, member_low from connection where member_high in (:ids)) t
                    join mine m on m.friend = t.friend
                    group by t.other
                    """).param("me", me).param("ids", chunk)
                    .query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return counts;
    }
}
