package org.reciprocity.member;

import java.time.Instant;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.Role;

/** An account of the community. The password hash never leaves {@link MemberRows}. */
public record Member(long id, String publicId, String email, String displayName, Role role,
                     MemberStatus status, Instant createdAt) {

    public CurrentMember asCurrent() {
        return new CurrentMember(id, publicId, displayName, role);
    }

    public boolean isActive() {
        return status == MemberStatus.ACTIVE;
    }
}
