package org.reciprocity.network;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Connections between members, stored once per pair with the lower id first. */
@Repository
public class Connections {

    private final JdbcClient jdbc;

    Connections(JdbcClient jdbc) {
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
}
