package org.reciprocity.network;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Each member's connections, for many members at once. */
    public Map<Long, Set<Long>> ofEach(Collection<Long> members) {
        Map<Long, Set<Long>> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(members)) {
            jdbc.sql("select member_low, member_high from connection where member_low in (:ids) or member_high in (:ids)")
                    .param("ids", chunk).query((rs, n) -> {
                        long low = rs.getLong(1);
                        long high = rs.getLong(2);
                        map.computeIfAbsent(low, k -> new HashSet<>()).add(high);
                        map.computeIfAbsent(high, k -> new HashSet<>()).add(low);
                        return null;
                    }).list();
        }
        return map;
    }
}
