package org.reciprocity.member;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.core.profile.ProfileField;
import org.reciprocity.core.profile.Visibility;
import org.springframework.util.MultiValueMap;

/**
 * The profile edit form as the page shows it: list fields as comma-separated text, numbers as text
 * (so a mistyped number comes back to the member as typed), one visibility choice per field.
 */
public record ProfileForm(String displayName, String headline, String bio, String skills, String interests,
                          String industry, String location, String timeZone, String culture, String languages,
                          Set<String> openTo, String capacityPerMonth, boolean givingPaused,
                          Map<ProfileField, Visibility> visibility) {

    static ProfileForm of(MemberView own) {
        Map<ProfileField, Visibility> visibility = new EnumMap<>(ProfileField.class);
        own.visibility().forEach((name, v) -> ProfileField.byApiName(name).ifPresent(f -> visibility.put(f, v)));
        return new ProfileForm(own.displayName(), own.headline(), own.bio(), String.join(", ", own.skills()),
                String.join(", ", own.interests()), own.industry(), own.location(), own.timeZone(),
                own.culture() == null ? "" : own.culture().name(), String.join(", ", own.languages()),
                own.openTo().stream().map(Enum::name).collect(Collectors.toSet()),
                own.capacityPerMonth() == null ? "" : own.capacityPerMonth().toString(),
                Boolean.TRUE.equals(own.givingPaused()), visibility);
    }

    static ProfileForm of(MultiValueMap<String, String> params) {
        Map<ProfileField, Visibility> visibility = new EnumMap<>(ProfileField.class);
        for (ProfileField f : ProfileField.values()) {
            String v = params.getFirst("visibility." + f.apiName());
            if (v != null) {
                try {
                    visibility.put(f, Visibility.valueOf(v));
                } catch (IllegalArgumentException ignored) {
                    // an unknown choice keeps the current setting
                }
            }
        }
        List<String> open = params.getOrDefault("openTo", List.of());
        return new ProfileForm(params.getFirst("displayName"), params.getFirst("headline"), params.getFirst("bio"),
                params.getFirst("skills"), params.getFirst("interests"), params.getFirst("industry"),
                params.getFirst("location"), params.getFirst("timeZone"), params.getFirst("culture"),
                params.getFirst("languages"), Set.copyOf(open), params.getFirst("capacityPerMonth"),
                params.containsKey("givingPaused"), visibility);
    }

    /** The same edit as the API would send it; a capacity that is not a number is reported on its field. */
    ProfileUpdate toUpdate() {
        Integer capacity = null;
        if (capacityPerMonth != null && !capacityPerMonth.isBlank()) {
            try {
                capacity = Integer.valueOf(capacityPerMonth.strip());
            } catch (NumberFormatException e) {
                throw new org.reciprocity.web.InvalidInput("capacityPerMonth", "Enter a whole number of favors per month, or leave it empty.");
            }
        }
        Map<String, String> vis = new HashMap<>();
        visibility.forEach((f, v) -> vis.put(f.apiName(), v.name()));
        return new ProfileUpdate(displayName, headline, bio, split(skills), split(interests), industry, location,
                timeZone, culture, split(languages), List.copyOf(openTo), capacity, givingPaused, vis);
    }

    public boolean isOpenTo(OpenTo o) {
        return openTo.contains(o.name());
    }

    public Visibility visibilityOf(ProfileField f) {
        return visibility.getOrDefault(f, f.defaultVisibility());
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null ? List.of() : Arrays.stream(commaSeparated.split("[,\\n]")).toList();
    }
}
