package org.reciprocity.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.reciprocity.db.MemberLocks;
import org.reciprocity.web.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal access tokens for the API: 256 random bits, shown once, stored as a SHA-256 hash,
 * revocable, and dead as soon as they are revoked or their member is suspended.
 */
@Service
public class ApiTokens {

    /** The prefix makes a leaked token recognisable to secret scanners and to people. */
    static final String PREFIX = "rcp_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(5);

    private final ApiTokenRows rows;
    private final MemberLocks locks;
    private final Principals principals;
    private final TransactionTemplate tx;
    private final int maxPerMember;

    ApiTokens(ApiTokenRows rows, MemberLocks locks, Principals principals, TransactionTemplate tx, LimitsProperties limits) {
        this.rows = rows;
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
            rows.insert(id, memberId, name, Secrets.sha256(token), now);
        });
        return new Issued(id, name, token, now);
    }

    public int countActive(long memberId) {
        return rows.countActive(memberId);
    }

    public List<Token> active(long memberId) {
        return rows.active(memberId);
    }

    /** Revokes every active token of the member (after a password change, say); returns how many. */
    public int revokeAll(long memberId, Instant now) {
        return rows.revokeAll(memberId, now);
    }

    /** Revokes the member's own token; false when no such active token belongs to them. */
    public boolean revoke(long memberId, String tokenId, Instant now) {
        return rows.revoke(memberId, tokenId, now);
    }

    /** The active member a presented token belongs to. */
    Optional<Authenticated> authenticate(String presented, Instant now) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(presented);
        Optional<ApiTokenRows.Found> found = rows.activeByHash(hash);
        Optional<Authenticated> authenticated = found
                .flatMap(f -> principals.active(f.memberId()).map(member -> new Authenticated(member, f.tokenId())));
        if (authenticated.isPresent()) {
            Instant lastUsed = found.get().lastUsed();
            if (lastUsed == null || lastUsed.plus(TOUCH_INTERVAL).isBefore(now)) {
                rows.touch(hash, now);
            }
        }
        return authenticated;
    }
}
