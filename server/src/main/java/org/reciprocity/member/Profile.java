package org.reciprocity.member;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.profile.Audience;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.core.profile.ProfileField;
import org.reciprocity.core.profile.Visibility;

/**
 * A member's profile (M2). Every field carries its own visibility; {@link #seenBy} gives the copy a
 * particular viewer may see, with the hidden fields absent (null), so pages and the API show exactly
 * the same thing.
 */
public record Profile(String headline, String bio, List<String> skills, List<String> interests,
                      String industry, String location, String timeZone, CultureRegion culture,
                      List<String> languages, Set<OpenTo> openTo, Integer capacityPerMonth,
                      Boolean givingPaused, Map<ProfileField, Visibility> visibility) {

    public static Profile empty() {
        return new Profile(null, null, List.of(), List.of(), null, null, null, null, List.of(), Set.of(),
                null, false, defaults());
    }

    public static Map<ProfileField, Visibility> defaults() {
        Map<ProfileField, Visibility> map = new EnumMap<>(ProfileField.class);
        for (ProfileField f : ProfileField.values()) {
            map.put(f, f.defaultVisibility());
        }
        return map;
    }

    public Visibility visibilityOf(ProfileField field) {
        return visibility.getOrDefault(field, field.defaultVisibility());
    }

    /** The fields {@code audience} may see; visibility settings are the owner's alone. */
    public Profile seenBy(Audience audience) {
        if (audience == Audience.OWNER) {
            return this;
        }
        return new Profile(
                show(ProfileField.HEADLINE, audience, headline),
                show(ProfileField.BIO, audience, bio),
                show(ProfileField.SKILLS, audience, skills),
                show(ProfileField.INTERESTS, audience, interests),
                show(ProfileField.INDUSTRY, audience, industry),
                show(ProfileField.LOCATION, audience, location),
                show(ProfileField.TIME_ZONE, audience, timeZone),
                show(ProfileField.CULTURE, audience, culture),
                show(ProfileField.LANGUAGES, audience, languages),
                show(ProfileField.OPEN_TO, audience, openTo),
                show(ProfileField.CAPACITY, audience, capacityPerMonth),
                show(ProfileField.GIVING_PAUSED, audience, givingPaused),
                null);
    }

    private <T> T show(ProfileField field, Audience audience, T value) {
        return visibilityOf(field).isVisibleTo(audience) ? value : null;
    }
}
