package org.reciprocity.member;

import java.util.Optional;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.security.Principals;
import org.springframework.stereotype.Component;

/** Accounts as authentication sees them. */
@Component
class MemberPrincipals implements Principals {

    private final MemberRows members;

    MemberPrincipals(MemberRows members) {
        this.members = members;
    }

    @Override
    public Optional<Credentials> byEmail(String normalizedEmail) {
        return members.credentialsByEmail(normalizedEmail)
                .map(c -> new Credentials(c.member().asCurrent(), c.member().isActive(), c.passwordHash()));
    }

    @Override
    public Optional<CurrentMember> active(long memberId) {
        return members.byId(memberId).filter(Member::isActive).map(Member::asCurrent);
    }

    @Override
    public void upgradePasswordHash(long memberId, String oldHash, String newHash) {
        members.upgradePasswordHash(memberId, oldHash, newHash);
    }
}
