package org.reciprocity.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One lock per member for writes limited per member (tokens, requests, unsolicited favors, postings,
 * webhooks): each takes it before it counts, so concurrent requests are counted one after another and
 * cannot overshoot a limit. Table {@code member_lock}.
 */
@Repository
public class MemberLocks {

    private final JdbcClient jdbc;

    MemberLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the member's row until the transaction ends. */
    public void lockForLimits(long memberId) {
        // a row of its own, not the member row: inserts that reference the member take a key-share lock on
        // it, and two members acting on each other at once would deadlock on each other's member rows
        jdbc.sql("insert into member_lock (member_id) values (:id) on conflict do nothing").param("id", memberId).update();
        jdbc.sql("select member_id from member_lock where member_id = :id for update").param("id", memberId)
                .query(Long.class).optional();
    }
}
