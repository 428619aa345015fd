package org.reciprocity.network;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The member_block table (N2). A block stops everything between the two: requests, favors,
 * interactions, introductions, matches, and the blocker's page and posts are hidden from the blocked.
 */
@Repository
public class BlockRows {

    private final JdbcClient jdbc;

    BlockRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void block(long blocker, long blocked, Instant now) {
        jdbc.sql("insert into member_block (blocker_id, blocked_id, created_at) values (:a, :b, :now) on conflict do nothing")
                .param("a", blocker).param("b", blocked).param("now", now.atOffset(ZoneOffset.UTC)).update();
    }

    boolean unblock(long blocker, long blocked) {
        return jdbc.sql("delete from member_block where blocker_id = :a and blocked_id = :b")
                .param("a", blocker).param("b", blocked).update() == 1;
    }

    public boolean hasBlocked(long blocker, long blocked) {
        return jdbc.sql("select count(*) from member_block where blocker_id = :a and blocked_id = :b")
                .param("a", blocker).param("b", blocked).query(Long.class).single() > 0;
    }

    /** True if either member blocked the other. */
    public boolean eitherWay(long a, long b) {
        return jdbc.sql("""
                select count(*) from member_block
                where (blocker_id = :a and blocked_id = :b) or (blocker_id = :b and blocked_id = :a)
                """).param("a", a).param("b", b).query(Long.class).single() > 0;
    }

    /** Everyone the member blocked or who blocked the member. */
    public Set<Long> eitherWay(long member) {
        return new HashSet<>(jdbc.sql("""
                select blocked_id from member_block where blocker_id = :m
                union
                select blocker_id from member_block where blocked_id = :m
                """).param("m", member).query(Long.class).list());
    }

    List<Long> blockedBy(long blocker) {
        return jdbc.sql("select blocked_id from member_block where blocker_id = :a order by created_at")
                .param("a", blocker).query(Long.class).list();
    }
}
