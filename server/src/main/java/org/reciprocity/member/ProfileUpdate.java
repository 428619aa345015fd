package org.reciprocity.member;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.profile.CultureRegion;
import org.reciprocity.core.profile.OpenTo;
import org.reciprocity.core.profile.ProfileField;
import org.reciprocity.core.profile.Visibility;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.InvalidInput;

/**
 * A profile as submitted by the API ({@code PUT /api/v1/me/profile}) or the edit page, before it is
 * checked. {@link #validated} is the one place the profile rules live. Visibility entries that are
 * left out keep their current setting.
 */
public record ProfileUpdate(String displayName, String headline, String bio, List<String> skills,
                            List<String> interests, String industry, String location, String timeZone,
                            String culture, List<String> languages, List<String> openTo,
                            Integer capacityPerMonth, Boolean givingPaused, Map<String, String> visibility) {

    static final int MAX_TAGS = 30;
    static final int MAX_LANGUAGES = 10;
    static final int MAX_TAG_LENGTH = 60;

    /** The checked display name (null to keep it) and profile; throws with every broken rule. */
    record Valid(String displayName, Profile profile) {}

    Valid validated(Map<ProfileField, Visibility> current) {
        List<FieldError> errors = new ArrayList<>();
        String name = displayName == null ? null : displayName.strip();
        if (name != null && (name.isEmpty() || name.length() > 100 || hasControlCharacters(name))) {
            errors.add(new FieldError("displayName", "Use between 1 and 100 printable characters."));
        }
        String cleanHeadline = text("headline", headline, 160, errors);
        String cleanBio = text("bio", bio, 4000, errors);
        String cleanIndustry = text("industry", industry, 100, errors);
        String cleanLocation = text("location", location, 120, errors);
        String zone = blankToNull(timeZone);
        if (zone != null) {
            try {
                zone = ZoneId.of(zone).getId();
            } catch (DateTimeException e) {
                errors.add(new FieldError("timeZone", "Use a time zone name such as Europe/Berlin or America/Chicago."));
            }
        }
        CultureRegion region = null;
        String cultureName = blankToNull(culture);
        if (cultureName != null) {
            try {
                region = CultureRegion.valueOf(cultureName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("culture", "Choose one of: " + List.of(CultureRegion.values()) + "."));
            }
        }
        List<String> cleanSkills = tags("skills", skills, MAX_TAGS, errors);
        List<String> cleanInterests = tags("interests", interests, MAX_TAGS, errors);
        List<String> cleanLanguages = tags("languages", languages, MAX_LANGUAGES, errors);
        Set<OpenTo> open = EnumSet.noneOf(OpenTo.class);
        for (String o : openTo == null ? List.<String>of() : openTo) {
            try {
                open.add(OpenTo.valueOf(o.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new FieldError("openTo", "Choose from " + List.of(OpenTo.values()) + "."));
                break;
            }
        }
        if (capacityPerMonth != null && (capacityPerMonth < 0 || capacityPerMonth > 100)) {
            errors.add(new FieldError("capacityPerMonth", "Give a number of favors per month between 0 and 100, or leave it empty."));
        }
        Map<ProfileField, Visibility> vis = new EnumMap<>(ProfileField.class);
        vis.putAll(current);
        if (visibility != null) {
            for (Map.Entry<String, String> e : visibility.entrySet()) {
                ProfileField field = ProfileField.byApiName(e.getKey()).orElse(null);
                Visibility v = parseVisibility(e.getValue());
                if (field == null) {
                    errors.add(new FieldError("visibility." + e.getKey(), "There is no profile field called '" + e.getKey() + "'."));
                } else if (v == null) {
                    errors.add(new FieldError("visibility." + e.getKey(), "Use PUBLIC, COMMUNITY, CONNECTIONS or PRIVATE."));
                } else {
                    vis.put(field, v);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Valid(name, new Profile(cleanHeadline, cleanBio, cleanSkills, cleanInterests, cleanIndustry,
                cleanLocation, zone, region, cleanLanguages, open, capacityPerMonth,
                givingPaused != null && givingPaused, vis));
    }

    private static Visibility parseVisibility(String value) {
        try {
            return value == null ? null : Visibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(String field, String value, int max, List<FieldError> errors) {
        String clean = blankToNull(value);
        if (clean != null && clean.length() > max) {
            errors.add(new FieldError(field, "Use at most " + max + " characters (now " + clean.length() + ")."));
        }
        return clean;
    }

    /** Trimmed, blanks dropped, duplicates (ignoring case) dropped, order kept. */
    private static List<String> tags(String field, List<String> values, int max, List<FieldError> errors) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String v : values == null ? List.<String>of() : values) {
            String clean = blankToNull(v);
            if (clean == null) {
                continue;
            }
            if (clean.length() > MAX_TAG_LENGTH || hasControlCharacters(clean)) {
                errors.add(new FieldError(field, "Keep each entry under " + MAX_TAG_LENGTH + " characters: '"
                        + clean.substring(0, Math.min(clean.length(), 20)) + "…' is too long."));
                return List.of();
            }
            seen.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
        }
        if (seen.size() > max) {
            errors.add(new FieldError(field, "List at most " + max + " entries (now " + seen.size() + ")."));
        }
        return List.copyOf(seen.values());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean hasControlCharacters(String s) {
        return s.chars().anyMatch(c -> Character.isISOControl(c));
    }
}
