package org.reciprocity.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reciprocity.core.network.ContactPoint;

/**
 * The contact form as the page shows it: tags as comma-separated text, e-mails and phones one a line
 * as "work: ana@example.org", the preferred one ending in "(preferred)". Works without JavaScript.
 */
public record ContactForm(String name, String email, String company, String position, String tags, String notes,
                          String tier, String emails, String phones) {

    static final String PREFERRED = "(preferred)";
    private static final Pattern TYPED = Pattern.compile("^([A-Za-z]+)\\s*:\\s*(.*)$");

    public static ContactForm blank() {
        return new ContactForm("", "", "", "", "", "", "ACQUAINTANCE", "", "");
    }

    static ContactForm of(Contact c) {
        return new ContactForm(c.name(), null, c.company(), c.position(), String.join(", ", c.tags()), c.notes(),
                c.tier().name(), lines(c.emails()), lines(c.phones()));
    }

    ContactInput toInput(String linkedMemberId) {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).toList();
        return new ContactInput(name, email, company, position, tagList, notes, tier, linkedMemberId, points(emails),
                points(phones));
    }

    /** One line per entry, "type: value", the primary one marked when there is a choice. */
    static String lines(List<ContactPoint> points) {
        StringBuilder text = new StringBuilder();
        for (ContactPoint p : points) {
            text.append(p.type().label()).append(": ").append(p.value());
            if (p.primary() && points.size() > 1) {
                text.append(' ').append(PREFERRED);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The lines back as submitted points; a leading word that is not a type stays part of the value, to be refused. */
    static List<ContactInput.Point> points(String text) {
        if (text == null) {
            return null;
        }
        List<ContactInput.Point> points = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean preferred = false;
            if (line.toLowerCase(Locale.ROOT).endsWith(PREFERRED)) {
                preferred = true;
                line = line.substring(0, line.length() - PREFERRED.length()).strip();
            }
            if (line.startsWith("*")) {
                preferred = true;
                line = line.substring(1).strip();
            }
            String type = null;
            Matcher m = TYPED.matcher(line);
            if (m.matches() && !List.of("mailto", "tel", "sip").contains(m.group(1).toLowerCase(Locale.ROOT))) {
                type = m.group(1);
                line = m.group(2).strip();
            }
            points.add(new ContactInput.Point(line, type, preferred ? Boolean.TRUE : null));
        }
        return points;
    }
}
