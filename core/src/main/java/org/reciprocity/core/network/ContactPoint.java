package org.reciprocity.core.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One e-mail address or phone number of a contact, with its kind and whether it is the one to use.
 * The rules for a valid value live here so that the API, the page and every import apply the same ones.
 */
public record ContactPoint(String value, Type type, boolean primary) {

    /** How a member reaches the person at this address or number. */
    public enum Type {
        WORK("work"), HOME("home"), MOBILE("mobile"), FAX("fax"), OTHER("other");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** WORK, work, Mobile, cell… as a type; null when the word names none. */
        public static Type parse(String word) {
            if (word == null) {
                return null;
            }
            return switch (word.strip().toLowerCase(Locale.ROOT)) {
                case "work" -> WORK;
                case "home" -> HOME;
                case "mobile", "cell" -> MOBILE;
                case "fax" -> FAX;
                case "other" -> OTHER;
                default -> null;
            };
        }
    }

    public static final int MAX_PER_KIND = 20;
    public static final int MAX_EMAIL = 320;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    // digits, spaces, + ( ) - . and an extension written "ext" (ext. 12, ext 12)
    private static final Pattern PHONE = Pattern.compile("^[0-9 +().\\-]+(?:ext\\.? ?[0-9]+)?$", Pattern.CASE_INSENSITIVE);

    public ContactPoint {
        if (value == null || value.isBlank() || type == null) {
            throw new IllegalArgumentException("A contact point needs a value and a type.");
        }
    }

    /** The address in the form it is stored and compared: trimmed, lower case; null if it is not an e-mail address. */
    public static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String e = raw.strip().toLowerCase(Locale.ROOT);
        if (e.startsWith("mailto:")) {
            e = e.substring("mailto:".length());
        }
        return e.length() <= MAX_EMAIL && EMAIL.matcher(e).matches() ? e : null;
    }

    /** The number with its runs of white space collapsed; null unless it has 3–40 characters of a phone number. */
    public static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String p = raw.strip().replaceAll("\\s+", " ");
        boolean hasDigit = p.chars().anyMatch(Character::isDigit);
        return p.length() >= 3 && p.length() <= 40 && hasDigit && PHONE.matcher(p).matches() ? p : null;
    }

    /** Two numbers are the same when their digits are ("+49 30 1234" and "+49-30-1234"). */
    public static String phoneKey(String phone) {
        return phone.replaceAll("[^0-9]", "");
    }

    /**
     * The points with exactly one primary: the first one marked primary, else the first that is not a
     * fax (a fax is never the number to call), else the first.
     */
    public static List<ContactPoint> withOnePrimary(List<ContactPoint> points) {
        if (points.isEmpty()) {
            return List.of();
        }
        int chosen = -1;
        for (int i = 0; i < points.size() && chosen < 0; i++) {
            if (points.get(i).primary()) {
                chosen = i;
            }
        }
        for (int i = 0; i < points.size() && chosen < 0; i++) {
            if (points.get(i).type() != Type.FAX) {
                chosen = i;
            }
        }
        chosen = Math.max(chosen, 0);
        List<ContactPoint> result = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            ContactPoint p = points.get(i);
            result.add(new ContactPoint(p.value(), p.type(), i == chosen));
        }
        return List.copyOf(result);
    }

    /** The primary point's value, or null when there are none. */
    public static String primaryOf(List<ContactPoint> points) {
        return points.stream().filter(ContactPoint::primary).map(ContactPoint::value).findFirst()
                .orElse(points.isEmpty() ? null : points.get(0).value());
    }

    /** The number to call: the primary phone unless it is a fax, then the first phone that is not. */
    public static String mainPhone(List<ContactPoint> phones) {
        return phones.stream().filter(p -> p.primary() && p.type() != Type.FAX).map(ContactPoint::value).findFirst()
                .orElse(phones.stream().filter(p -> p.type() != Type.FAX).map(ContactPoint::value).findFirst().orElse(null));
    }

    public ContactPoint asPrimary(boolean isPrimary) {
        return new ContactPoint(value, type, isPrimary);
    }
}
