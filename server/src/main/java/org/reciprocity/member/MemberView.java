package org.reciprocity.member;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.core.profile.Visibility;
import org.reciprocity.security.Role;

/**
 * A member as one viewer may see them, in the API and in pages alike. Fields the viewer may not see
 * are absent; e-mail, role and the visibility settings appear only in the member's own view.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberView(String id, String displayName, String email, Role role, Instant createdAt,
                         String headline, String bio, List<String> skills, List<String> interests,
                         String industry, String location, String timeZone, CultureRegion culture,
                         List<String> languages, Set<OpenTo> openTo, Integer capacityPerMonth,
                         Boolean givingPaused, Map<String, Visibility> visibility) {

    static MemberView of(Member member, Profile seen, boolean own) {
        Map<String, Visibility> visibility = null;
        if (own) {
            visibility = new java.util.LinkedHashMap<>();
            for (var e : seen.visibility().entrySet()) {
                visibility.put(e.getKey().apiName(), e.getValue());
            }
        }
        return new MemberView(member.publicId(), member.displayName(),
                own ? member.email() : null, own ? member.role() : null, own ? member.createdAt() : null,
                seen.headline(), seen.bio(), seen.skills(), seen.interests(), seen.industry(), seen.location(),
                seen.timeZone(), seen.culture(), seen.languages(), seen.openTo(), seen.capacityPerMonth(),
                seen.givingPaused(), visibility);
    }
}
