package org.reciprocity.synthetic;

import java.util.List;
import java.util.Set;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;

/** One invented member of the demo or benchmark community. */
public record SyntheticMember(
        String displayName,
        String email,
        String headline,
        String bio,
        List<String> skills,
        List<String> interests,
        String industry,
        String location,
        String timeZone,
        CultureRegion culture,
        List<String> languages,
        Set<OpenTo> openTo,
        Integer capacityPerMonth,
        boolean givingPaused) {
}
