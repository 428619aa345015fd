package org.reciprocity.member;

import java.util.List;
import org.reciprocity.security.CurrentMember;

/**
 * A part of a member's page that another feature knows (reputation from trust): lines the page shows under a
 * heading, with a link to the whole. Implemented by the feature; member decides nothing of its content.
 */
public interface ProfileSection {

    /** The section's lines for this viewer of this member, or null to show nothing. */
    Content of(long memberId, CurrentMember viewer);

    record Content(String heading, List<Line> lines, String link, String linkText) {}

    record Line(String label, String value, String detail) {}
}
