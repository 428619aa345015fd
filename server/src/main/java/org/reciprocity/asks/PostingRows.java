package org.reciprocity.asks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.db.InLists;
import org.reciprocity.member.Today;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The posting and posting_tag tables. */
@Repository
class PostingRows {

    private static final String COLUMNS = """
            id, public_id, owner_id, kind, title, details, visibility, commercial, expires_on, status, created_at
            """;

    private final JdbcClient jdbc;
    private final Today today;

    PostingRows(JdbcClient jdbc, Today today) {
        this.jdbc = jdbc;
        this.today = today;
    }

    record Draft(long ownerId, PostingKind kind, String title, String details, List<String> tags, PostingVisibility visibility,
                 boolean commercial, LocalDate expiresOn) {}

    Posting insert(Draft d, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into posting (public_id, owner_id, kind, title, details, visibility, commercial, expires_on,
                                     status, created_at, status_changed_at)
                values (:publicId, :owner, :kind, :title, :details, :visibility, :commercial, :expires, 'OPEN', :now, :now)
                """)
                .param("publicId", UUID.randomUUID().toString()).param("owner", d.ownerId())
                .param("kind", d.kind().name()).param("title", d.title()).param("details", d.details())
                .param("visibility", d.visibility().name()).param("commercial", d.commercial())
                .param("expires", d.expiresOn()).param("now", utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < d.tags().size(); i++) {
            jdbc.sql("insert into posting_tag (posting_id, position, tag) values (:p, :i, :tag)")
                    .param("p", id).param("i", i).param("tag", d.tags().get(i)).update();
        }
        return byId(id).orElseThrow();
    }

    Optional<Posting> byId(long id) {
        return complete(jdbc.sql("select " + COLUMNS + " from posting where id = :id").param("id", id)
                .query(PostingRows::map).list()).stream().findFirst();
    }

    Optional<Posting> byPublicId(String publicId) {
        return complete(jdbc.sql("select " + COLUMNS + " from posting where public_id = :id").param("id", publicId)
                .query(PostingRows::map).list()).stream().findFirst();
    }

    Map<Long, Posting> byIds(Collection<Long> ids) {
        Map<Long, Posting> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(ids)) {
            complete(jdbc.sql("select " + COLUMNS + " from posting where id in (:ids)").param("ids", chunk)
                    .query(PostingRows::map).list()).forEach(p -> map.put(p.id(), p));
        }
        return map;
    }

    /** The member's postings of one kind, newest first, keyset-paged by id. */
    /** Whether the member ever posted anything (an ask, an offer, an opportunity). */
    boolean anyOf(long ownerId) {
        return !jdbc.sql("select id from posting where owner_id = :owner limit 1").param("owner", ownerId)
                .query(Long.class).list().isEmpty();
    }

    List<Posting> ofOwner(long ownerId, PostingKind kind, long beforeId, int limit) {
        return complete(jdbc.sql("select " + COLUMNS + """
                 from posting where owner_id = :owner and kind = :kind and id < :before order by id desc limit :limit
                """).param("owner", ownerId).param("kind", kind.name()).param("before", beforeId).param("limit", limit)
                .query(PostingRows::map).list());
    }

    /** Postings of the given kinds still open at {@code now}, each judged by its author's day. */
    List<Posting> open(Collection<PostingKind> kinds, Instant now) {
        return complete(jdbc.sql("select " + COLUMNS + """
                 from posting where status = 'OPEN' and kind in (:kinds) and (expires_on is null or expires_on >= :earliest)
                 order by id
                """).param("kinds", kinds.stream().map(Enum::name).toList()).param("earliest", Today.earliestAnywhere(now))
                .query(PostingRows::map).list()).stream().filter(p -> p.isOpen(now)).toList();
    }

    /** One member's postings of a kind still open at {@code now}. */
    List<Posting> openOf(long ownerId, PostingKind kind, Instant now) {
        return openOf(ownerId, Set.of(kind), now);
    }

    /** One member's postings of these kinds still open at {@code now}, oldest first. */
    List<Posting> openOf(long ownerId, Collection<PostingKind> kinds, Instant now) {
        return openOfOwners(List.of(ownerId), kinds, now);
    }

    /** These members' postings of these kinds still open at {@code now}, each member's oldest first. */
    List<Posting> openOfOwners(Collection<Long> ownerIds, Collection<PostingKind> kinds, Instant now) {
        List<Posting> open = new ArrayList<>();
        for (List<Long> chunk : InLists.chunks(ownerIds)) {
            open.addAll(complete(jdbc.sql("select " + COLUMNS + """
                     from posting where owner_id in (:owners) and kind in (:kinds) and status = 'OPEN'
                       and (expires_on is null or expires_on >= :earliest) order by id
                    """).param("owners", chunk).param("kinds", kinds.stream().map(Enum::name).toList())
                    .param("earliest", Today.earliestAnywhere(now))
                    .query(PostingRows::map).list()).stream().filter(p -> p.isOpen(now)).toList());
        }
        return open;
    }

    /** When the member posted anything since {@code since}, oldest first: for the daily limit. */
    List<Instant> createdSince(long ownerId, Instant since) {
        return jdbc.sql("select created_at from posting where owner_id = :owner and created_at > :since order by created_at")
                .param("owner", ownerId).param("since", utc(since))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** Moves an open posting to {@code to}; false if it was no longer open. */
    boolean close(long id, PostingStatus to, Instant now) {
        return jdbc.sql("update posting set status = :to, status_changed_at = :now where id = :id and status = 'OPEN'")
                .param("to", to.name()).param("now", utc(now)).param("id", id).update() == 1;
    }

    /** With their tags and their authors' time zones (in which they expire). */
    private List<Posting> complete(List<Posting> postings) {
        if (postings.isEmpty()) {
            return postings;
        }
        Map<Long, List<String>> tags = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(postings.stream().map(Posting::id).toList())) {
            jdbc.sql("select posting_id, tag from posting_tag where posting_id in (:ids) order by posting_id, position")
                    .param("ids", chunk)
                    .query((rs, n) -> tags.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                    .list();
        }
        Map<Long, String> zones = today.timeZonesOf(postings.stream().map(Posting::ownerId).distinct().toList());
        return postings.stream().map(p -> p.with(tags.getOrDefault(p.id(), List.of()), zones.get(p.ownerId()))).toList();
    }

    private static Posting map(ResultSet rs, int row) throws SQLException {
        return new Posting(rs.getLong("id"), rs.getString("public_id"), rs.getLong("owner_id"),
                PostingKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("details"), List.of(),
                PostingVisibility.valueOf(rs.getString("visibility")), rs.getBoolean("commercial"),
                rs.getObject("expires_on", LocalDate.class), PostingStatus.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), null);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
