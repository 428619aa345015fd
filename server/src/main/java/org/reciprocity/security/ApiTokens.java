package org.reciprocity.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.db.MemberLocks;
import org.reciprocity.security.Role;
import org.reciprocity.web.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal access tokens for the API: 256 random bits, shown once, stored as a SHA-256 hash,
 * revocable, and dead as soon as they are revoked or their member is suspended.
 */
@Repository
public class ApiTokens {

    /** The prefix makes a leaked token recognisable to secret scanners and to people. */
    static final String PREFIX = "rcp_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final MemberLocks locks;
    private final Principals principals;
    private final TransactionTemplate tx;
    private final int maxPerMember;

    ApiTokens(JdbcClient jdbc, MemberLocks locks, Principals principals, TransactionTemplate tx, LimitsProperties limits) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.principals = principals;
        this.tx = tx;
        this.maxPerMember = limits.tokensPerMember();
    }

    public record Token(String id, String name, Instant createdAt, Instant lastUsedAt) {}

    public record Issued(String id, String name, String token, Instant createdAt) {}

    /** The member a presented token belongs to, and which of their tokens it is. */
    record Authenticated(CurrentMember member, String tokenId) {}

    /**
     * Creates a token for the member; the secret is in the result and nowhere else.
     *
     * @throws InvalidInput the name is too long, or the member holds the most tokens allowed
     */
    public Issued issue(long memberId, String requestedName, Instant now) {
        String name = requestedName == null || requestedName.isBlank() ? "API token" : requestedName.strip();
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("name", "Use at most 100 printable characters for the token's name.");
        }
        String token = PREFIX + Secrets.randomToken(32);
        String id = UUID.randomUUID().toString();
        tx.executeWithoutResult(status -> {
            locks.lockForLimits(memberId);
            if (countActive(memberId) >= maxPerMember) {
                throw new InvalidInput("name", "You have " + maxPerMember
                        + " active tokens, the most allowed. Revoke one you no longer use first.");
            }
            jdbc.sql("""
                    insert into api_token (public_id, member_id, name, token_hash, created_at)
                    values (:id, :member, :name, :hash, :now)
                    """)
                    .param("id", id).param("member", memberId).param("name", name)
                    .param("hash", Secrets.sha256(token)).param("now", now.atOffset(ZoneOffset.UTC)).update();
        });
        return new Issued(id, name, token, now);
    }

    public int countActive(long memberId) {
        return jdbc.sql("select count(*) from api_token where member_id = :m and revoked_at is null")
                .param("m", memberId).query(Integer.class).single();
    }

    public List<Token> active(long memberId) {
        return jdbc.sql("""
                select public_id, name, created_at, last_used_at from api_token
                where member_id = :m and revoked_at is null order by id desc
                """).param("m", memberId)
                .query((rs, n) -> new Token(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(4, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    /** Revokes every active token of the member (after a password change, say); returns how many. */
    public int revokeAll(long memberId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where member_id = :m and revoked_at is null")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("m", memberId).update();
    }

    /** Revokes the member's own token; false when no such active token belongs to them. */
    public boolean revoke(long memberId, String tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where public_id = :id and member_id = :m and revoked_at is null")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", tokenId).param("m", memberId).update() == 1;
    }

    /** The active member a presented token belongs to. */
    Optional<Authenticated> authenticate(String presented, Instant now) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(presented);
        record Found(long memberId, String tokenId, Instant lastUsed) {}
        Optional<Found> found = jdbc.sql("""
                select member_id, public_id, last_used_at from api_token
                where token_hash = :hash and revoked_at is null
                """).param("hash", hash)
                .query((rs, n) -> new Found(rs.getLong(1), rs.getString(2),
                        Optional.ofNullable(rs.getObject(3, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .optional();
        Optional<Authenticated> authenticated = found
                .flatMap(f -> principals.active(f.memberId()).map(member -> new Authenticated(member, f.tokenId())));
        if (authenticated.isEmpty()) {
            return Optional.empty();
        }
        found.filter(f -> f.lastUsed() == null || f.lastUsed().plus(TOUCH_INTERVAL).isBefore(now))
                .ifPresent(f -> jdbc.sql("update api_token set last_used_at = :now where token_hash = :hash")
                        .param("now", now.atOffset(ZoneOffset.UTC)).param("hash", hash).update());
        return authenticated;
    }
}
