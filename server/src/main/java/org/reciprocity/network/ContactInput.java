package org.reciprocity.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.reciprocity.core.network.Tier;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.InvalidInput;

/** A contact as submitted by the API or the page, before it is checked; {@link #validated} holds the rules. */
public record ContactInput(String name, String email, String company, String position, List<String> tags,
                           String notes, String tier, String linkedMemberId) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** The checked values. */
    public record Valid(String name, String email, String company, String position, List<String> tags, String notes,
                        Tier tier, String linkedMemberId) {}

    public Valid validated() {
        List<FieldError> errors = new ArrayList<>();
        String cleanName = clean(name);
        if (cleanName == null || cleanName.length() > 120) {
            errors.add(new FieldError("name", "Enter the person's name (up to 120 characters)."));
        }
        String cleanEmail = clean(email);
        if (cleanEmail != null) {
            cleanEmail = cleanEmail.toLowerCase(Locale.ROOT);
            if (cleanEmail.length() > 320 || !EMAIL.matcher(cleanEmail).matches()) {
                errors.add(new FieldError("email", "Enter an e-mail address such as name@example.org, or leave it empty."));
            }
        }
        String cleanCompany = limited("company", company, 120, errors);
        String cleanPosition = limited("position", position, 120, errors);
        String cleanNotes = limited("notes", notes, 4000, errors);
        Map<String, String> uniqueTags = new LinkedHashMap<>();
        for (String t : tags == null ? List.<String>of() : tags) {
            String tag = clean(t);
            if (tag == null) {
                continue;
            }
            if (tag.length() > 60) {
                errors.add(new FieldError("tags", "Keep each tag under 60 characters."));
                break;
            }
            uniqueTags.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
        }
        if (uniqueTags.size() > 20) {
            errors.add(new FieldError("tags", "Use at most 20 tags."));
        }
        Tier parsedTier = Tier.ACQUAINTANCE;
        if (clean(tier) != null) {
            try {
                parsedTier = Tier.valueOf(clean(tier).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("tier", "Use INNER_CIRCLE, CLOSE or ACQUAINTANCE."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Valid(cleanName, cleanEmail, cleanCompany, cleanPosition, List.copyOf(uniqueTags.values()),
                cleanNotes, parsedTier, clean(linkedMemberId));
    }

    private static String limited(String field, String value, int max, List<FieldError> errors) {
        String clean = clean(value);
        if (clean != null && clean.length() > max) {
            errors.add(new FieldError(field, "Use at most " + max + " characters."));
        }
        return clean;
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
