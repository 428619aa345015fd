package org.reciprocity.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.Tier;
import org.reciprocity.web.FieldError;
import org.reciprocity.web.InvalidInput;

/**
 * A contact as submitted by the API or the page, before it is checked; {@link #validated} holds the rules.
 * {@code email} is the primary e-mail: alone it makes a one-entry {@code emails}; beside {@code emails} it
 * names the primary one (and is added when missing).
 */
public record ContactInput(String name, String email, String company, String position, List<String> tags,
                           String notes, String tier, String linkedMemberId, List<Point> emails, List<Point> phones) {

    /** One submitted e-mail or phone: {@code {value, type, primary}}, type and primary optional. */
    public record Point(String value, String type, Boolean primary) {}

    private static final Set<ContactPoint.Type> EMAIL_TYPES =
            Set.of(ContactPoint.Type.WORK, ContactPoint.Type.HOME, ContactPoint.Type.OTHER);

    /** The checked values: {@code email} is the primary of {@code emails}, each list has exactly one primary. */
    public record Valid(String name, String email, String company, String position, List<String> tags, String notes,
                        Tier tier, String linkedMemberId, List<ContactPoint> emails, List<ContactPoint> phones) {}

    public Valid validated() {
        List<FieldError> errors = new ArrayList<>();
        String cleanName = clean(name);
        if (cleanName == null || cleanName.length() > 120) {
            errors.add(new FieldError("name", "Enter the person's name (up to 120 characters)."));
        }
        List<ContactPoint> cleanEmails = emails(errors);
        List<ContactPoint> cleanPhones = phones(errors);
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
        return new Valid(cleanName, ContactPoint.primaryOf(cleanEmails), cleanCompany, cleanPosition,
                List.copyOf(uniqueTags.values()), cleanNotes, parsedTier, clean(linkedMemberId), cleanEmails, cleanPhones);
    }

    private List<ContactPoint> emails(List<FieldError> errors) {
        String single = null;
        if (clean(email) != null) {
            single = ContactPoint.email(email);
            if (single == null) {
                errors.add(new FieldError("email", "Enter an e-mail address such as name@example.org, or leave it empty."));
            }
        }
        Listed listed = EMAIL.read(emails, errors);
        List<ContactPoint> points = listed.points();
        int marked = listed.marked();
        if (single != null) {
            String primary = single;
            int at = indexOf(points, primary);
            if (at < 0) {
                points.add(0, new ContactPoint(primary, ContactPoint.Type.OTHER, false));
                marked = marked >= 0 ? marked + 1 : -1;
                at = 0;
            }
            if (marked >= 0 && marked != at) {
                errors.add(new FieldError("email", "The e-mail (" + primary
                        + ") is the primary one: mark that one primary in the e-mails, or leave it out."));
            }
            marked = at;
        }
        if (listed.twoMarked()) {
            errors.add(new FieldError("emails", "Mark only one e-mail as primary."));
        }
        if (points.size() > ContactPoint.MAX_PER_KIND) {
            errors.add(new FieldError("emails", "Keep at most " + ContactPoint.MAX_PER_KIND + " e-mail addresses."));
        }
        return primaryAt(points, marked);
    }

    private List<ContactPoint> phones(List<FieldError> errors) {
        Listed listed = PHONE.read(phones, errors);
        if (listed.twoMarked()) {
            errors.add(new FieldError("phones", "Mark only one phone as primary."));
        }
        if (listed.points().size() > ContactPoint.MAX_PER_KIND) {
            errors.add(new FieldError("phones", "Keep at most " + ContactPoint.MAX_PER_KIND + " phone numbers."));
        }
        return primaryAt(listed.points(), listed.marked());
    }

    /** One kind's list as given: each valid point once, and the index of the first one marked primary. */
    private record Listed(List<ContactPoint> points, int marked, boolean twoMarked) {}

    /**
     * How one kind of contact point is read from a list: its field, how it is named in messages, how a value
     * is normalised (null when invalid), the types it may have, and what makes two entries the same.
     */
    private record Kind(String field, String label, java.util.function.UnaryOperator<String> normal, String invalid,
                        Set<ContactPoint.Type> types, String typeHint,
                        java.util.function.BiFunction<String, ContactPoint.Type, String> sameness) {

        Listed read(List<Point> given, List<FieldError> errors) {
            List<ContactPoint> points = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            int marked = -1;
            boolean twoMarked = false;
            List<Point> all = given == null ? List.of() : given;
            for (int i = 0; i < all.size(); i++) {
                Point p = all.get(i);
                if (p == null || clean(p.value()) == null) {
                    continue;
                }
                String value = normal.apply(p.value());
                if (value == null) {
                    errors.add(new FieldError(field, label + " " + (i + 1) + " ('" + shown(p.value()) + "') " + invalid));
                    continue;
                }
                ContactPoint.Type type = type(p.type(), types, field, label + " " + (i + 1) + ": " + typeHint, errors);
                String key = sameness.apply(value, type);
                if (keys.contains(key)) {
                    continue;
                }
                if (Boolean.TRUE.equals(p.primary())) {
                    twoMarked |= marked >= 0;
                    marked = marked >= 0 ? marked : points.size();
                }
                keys.add(key);
                points.add(new ContactPoint(value, type, false));
            }
            return new Listed(points, marked, twoMarked);
        }
    }

    private static final Kind EMAIL = new Kind("emails", "E-mail", ContactPoint::email,
            "is not an address such as name@example.org.", EMAIL_TYPES, "use WORK, HOME or OTHER as its type.",
            (value, type) -> value);
    private static final Kind PHONE = new Kind("phones", "Phone", ContactPoint::phone, "is not a phone number: use 3 to 40"
            + " digits, spaces and + ( ) - . (an extension as 'ext 12').", Set.of(ContactPoint.Type.values()),
            "use WORK, HOME, MOBILE, FAX or OTHER as its type.", (value, type) -> ContactPoint.phoneKey(value) + "/" + type);

    /** The points with the one at {@code marked} primary, or the default (the first that is not a fax). */
    private static List<ContactPoint> primaryAt(List<ContactPoint> points, int marked) {
        if (marked < 0) {
            return ContactPoint.withOnePrimary(points);
        }
        List<ContactPoint> result = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            result.add(points.get(i).asPrimary(i == marked));
        }
        return List.copyOf(result);
    }

    private static int indexOf(List<ContactPoint> points, String value) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static ContactPoint.Type type(String given, Set<ContactPoint.Type> allowed, String field, String message,
                                          List<FieldError> errors) {
        if (clean(given) == null) {
            return ContactPoint.Type.OTHER;
        }
        ContactPoint.Type type = ContactPoint.Type.parse(given);
        if (type == null || !allowed.contains(type)) {
            errors.add(new FieldError(field, message));
            return ContactPoint.Type.OTHER;
        }
        return type;
    }

    private static String shown(String value) {
        String v = value.strip();
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
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
