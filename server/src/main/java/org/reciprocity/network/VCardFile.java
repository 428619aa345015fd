package org.reciprocity.network;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.ImportedContact;
import org.reciprocity.core.network.Tier;

/**
 * vCard 2.1, 3.0 and 4.0 files as Google, Apple, Outlook, Thunderbird, Evolution and phones write them
 * (folded lines, quoted-printable, photos), read with ez-vcard. Every EMAIL and TEL is kept with its
 * kind, from TYPE in its 2.1, 3.0 and 4.0 spellings or from Apple's grouped {@code itemN.X-ABLabel};
 * the preferred one is the lowest PREF (TYPE=pref in 2.1 and 3.0), a fax never being the number to
 * call. The file is split at each BEGIN:VCARD so that a broken card is reported with its line and the
 * others still import.
 */
final class VCardFile {

    static final String TIER_PROPERTY = "X-RECIPROCITY-TIER";
    private static final int NOT_PREFERRED = Integer.MAX_VALUE;

    private VCardFile() {
    }

    static int countCards(String text) {
        return (int) text.lines().filter(l -> l.strip().equalsIgnoreCase("BEGIN:VCARD")).count();
    }

    static ParsedFile parse(String text) {
        return parse(new ImportText.Decoded(text, StandardCharsets.UTF_8));
    }

    static ParsedFile parse(ImportText.Decoded file) {
        List<ImportedContact> contacts = new ArrayList<>();
        List<ParsedFile.LineError> errors = new ArrayList<>();
        int skipped = 0;
        List<String> lines = file.text().lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equalsIgnoreCase("BEGIN:VCARD")) {
                if (start >= 0) {
                    errors.add(new ParsedFile.LineError(start + 1, "This card has no END:VCARD before the next one; skipped."));
                    skipped++;
                }
                start = i;
            } else if (l.equalsIgnoreCase("END:VCARD") && start >= 0) {
                ImportedContact read = read(String.join("\r\n", lines.subList(start, i + 1)), start + 1,
                        file.quotedPrintable(), errors);
                if (read == null) {
                    skipped++;
                } else {
                    contacts.add(read);
                }
                start = -1;
            }
        }
        if (start >= 0) {
            errors.add(new ParsedFile.LineError(start + 1, "The file ends inside this card (no END:VCARD); skipped."));
            skipped++;
        }
        if (contacts.isEmpty() && errors.isEmpty()) {
            errors.add(new ParsedFile.LineError(1, "No BEGIN:VCARD found: is this a vCard (.vcf) file?"));
        }
        return new ParsedFile(contacts, errors, skipped);
    }

    /** The card as a contact, or null (with the reason in {@code errors}) when it cannot be one. */
    private static ImportedContact read(String card, int line, Charset quotedPrintable, List<ParsedFile.LineError> errors) {
        VCard vcard;
        try (VCardReader reader = new VCardReader(card)) {
            reader.setDefaultQuotedPrintableCharset(quotedPrintable);
            vcard = reader.readNext();
        } catch (RuntimeException | IOException e) {
            errors.add(new ParsedFile.LineError(line, "This card could not be read: its lines are not valid vCard; skipped."));
            return null;
        }
        if (vcard == null) {
            errors.add(new ParsedFile.LineError(line, "This card could not be read; skipped."));
            return null;
        }
        Map<String, String> labels = labels(vcard);
        List<ContactPoint> emails = emails(vcard, labels, line, errors);
        List<ContactPoint> phones = phones(vcard, labels, line, errors);
        Organization org = vcard.getOrganization();
        String company = org == null ? null : org.getValues().stream().filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        String name = name(vcard);
        if (name == null && !emails.isEmpty()) {
            name = ContactPoint.primaryOf(emails);
            errors.add(new ParsedFile.LineError(line, "This card has no name; imported under its e-mail (" + name + ")."));
        } else if (name == null && company != null) {
            name = company;
            errors.add(new ParsedFile.LineError(line, "This card has no name; imported under its organisation (" + company + ")."));
        } else if (name == null) {
            errors.add(new ParsedFile.LineError(line, "This card has no name (FN or N) and no e-mail; skipped."));
            return null;
        }
        String position = vcard.getTitles().stream().map(VCardProperty.class::cast).map(VCardFile::text)
                .filter(Objects::nonNull).findFirst().orElse(null);
        List<String> urls = vcard.getUrls().stream().map(Url::getValue).filter(u -> u != null && !u.isBlank()).toList();
        String url = urls.stream().filter(u -> u.toLowerCase(Locale.ROOT).contains("linkedin.com/")).findFirst()
                .orElse(urls.isEmpty() ? null : urls.get(0));
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (Categories c : vcard.getCategoriesList()) {
            c.getValues().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).forEach(tags::add);
        }
        // several NOTE properties (Outlook writes one per paragraph, phones one per memo) become one text
        String notes = vcard.getNotes().stream().map(Note::getValue).filter(n -> n != null && !n.isBlank())
                .map(String::strip).collect(Collectors.joining("\n\n"));
        Tier tier = Tier.UNTRACKED;
        RawProperty tierProperty = vcard.getExtendedProperty(TIER_PROPERTY);
        if (tierProperty != null && tierProperty.getValue() != null) {
            try {
                tier = Tier.valueOf(tierProperty.getValue().strip());
            } catch (IllegalArgumentException ignored) {
                // an unknown tier falls back to the default
            }
        }
        return new ImportedContact(line, cut(name, 120), emails, cut(company, 120), cut(position, 120), phones,
                cut(url, 300), null, List.copyOf(tags), cut(notes, 4000), tier);
    }

    /** FN, else the parts of N in reading order; null when both are empty. */
    private static String name(VCard vcard) {
        String fn = vcard.getFormattedNames().stream().map(f -> f.getValue()).filter(v -> v != null && !v.isBlank())
                .findFirst().orElse(null);
        if (fn != null) {
            return fn.strip().replaceAll("\\s+", " ");
        }
        StructuredName n = vcard.getStructuredName();
        if (n == null) {
            return null;
        }
        String joined = Stream.of(Stream.of(n.getGiven()), n.getAdditionalNames().stream(), Stream.of(n.getFamily()),
                        n.getSuffixes().stream())
                .flatMap(s -> s).filter(p -> p != null && !p.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
        return joined.isBlank() ? null : joined;
    }

    private static List<ContactPoint> emails(VCard vcard, Map<String, String> labels, int line,
                                             List<ParsedFile.LineError> errors) {
        List<ContactPoint> points = new ArrayList<>();
        List<Integer> prefs = new ArrayList<>();
        for (Email e : vcard.getEmails()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            String value = ContactPoint.email(e.getValue());
            if (value == null) {
                errors.add(new ParsedFile.LineError(line, "'" + shown(e.getValue()) + "' is not an e-mail address; imported without it."));
                continue;
            }
            if (points.stream().anyMatch(p -> p.value().equals(value))) {
                continue;
            }
            List<String> types = types(e);
            ContactPoint.Type type = types.contains("work") ? ContactPoint.Type.WORK
                    : types.contains("home") ? ContactPoint.Type.HOME : labelType(labels.get(group(e)), false);
            points.add(new ContactPoint(value, type, false));
            prefs.add(pref(e, types));
        }
        return limited(preferred(points, prefs), "e-mail addresses", line, errors);
    }

    private static List<ContactPoint> phones(VCard vcard, Map<String, String> labels, int line,
                                             List<ParsedFile.LineError> errors) {
        List<ContactPoint> points = new ArrayList<>();
        List<Integer> prefs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Telephone t : vcard.getTelephoneNumbers()) {
            String raw = t.getText() != null ? t.getText() : t.getUri() == null ? null
                    : t.getUri().getNumber() + (t.getUri().getExtension() == null ? "" : " ext " + t.getUri().getExtension());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = ContactPoint.phone(raw);
            if (value == null) {
                errors.add(new ParsedFile.LineError(line, "'" + shown(raw) + "' is not a phone number; imported without it."));
                continue;
            }
            List<String> types = types(t);
            ContactPoint.Type labelled = labelType(labels.get(group(t)), true);
            ContactPoint.Type type = types.contains("fax") || labelled == ContactPoint.Type.FAX ? ContactPoint.Type.FAX
                    : types.contains("cell") || types.contains("mobile") || types.contains("iphone")
                    ? ContactPoint.Type.MOBILE
                    : types.contains("work") ? ContactPoint.Type.WORK
                    : types.contains("home") ? ContactPoint.Type.HOME : labelled;
            String key = ContactPoint.phoneKey(value) + "/" + type;
            if (keys.contains(key)) {
                continue;
            }
            keys.add(key);
            points.add(new ContactPoint(value, type, false));
            // a fax may be marked preferred among faxes, but it is never the number to call
            prefs.add(type == ContactPoint.Type.FAX ? NOT_PREFERRED : pref(t, types));
        }
        return limited(preferred(points, prefs), "phone numbers", line, errors);
    }

    /** The points with the most preferred one (lowest PREF, first on a tie) primary, else the default. */
    private static List<ContactPoint> preferred(List<ContactPoint> points, List<Integer> prefs) {
        int best = -1;
        for (int i = 0; i < points.size(); i++) {
            if (prefs.get(i) != NOT_PREFERRED && (best < 0 || prefs.get(i) < prefs.get(best))) {
                best = i;
            }
        }
        List<ContactPoint> marked = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            marked.add(points.get(i).asPrimary(i == best));
        }
        return ContactPoint.withOnePrimary(marked);
    }

    private static List<ContactPoint> limited(List<ContactPoint> points, String what, int line,
                                              List<ParsedFile.LineError> errors) {
        if (points.size() <= ContactPoint.MAX_PER_KIND) {
            return points;
        }
        errors.add(new ParsedFile.LineError(line, "This card has " + points.size() + " " + what + "; the first "
                + ContactPoint.MAX_PER_KIND + " were kept."));
        return ContactPoint.withOnePrimary(points.subList(0, ContactPoint.MAX_PER_KIND));
    }

    /** TYPE values in lower case without an X- prefix: "WORK", "x-mobile", "pref" (2.1's bare INTERNET;PREF too). */
    private static List<String> types(VCardProperty p) {
        return p.getParameters().getTypes().stream().flatMap(t -> Stream.of(t.split(",")))
                .map(t -> t.strip().toLowerCase(Locale.ROOT)).map(t -> t.startsWith("x-") ? t.substring(2) : t).toList();
    }

    private static int pref(VCardProperty p, List<String> types) {
        Integer pref = p.getParameters().getPref();
        if (pref != null) {
            return pref;
        }
        return types.contains("pref") ? 1 : NOT_PREFERRED;
    }

    private static String group(VCardProperty p) {
        return p.getGroup() == null ? null : p.getGroup().toLowerCase(Locale.ROOT);
    }

    /** Apple's and Google's labels per group: {@code item1.X-ABLabel:_$!<Mobile>!$_} or a label the person typed. */
    private static Map<String, String> labels(VCard vcard) {
        Map<String, String> labels = new HashMap<>();
        for (RawProperty p : vcard.getExtendedProperties()) {
            if (p.getGroup() != null && p.getPropertyName().equalsIgnoreCase("X-ABLabel") && p.getValue() != null) {
                labels.put(p.getGroup().toLowerCase(Locale.ROOT), p.getValue());
            }
        }
        return labels;
    }

    private static ContactPoint.Type labelType(String label, boolean phone) {
        if (label == null) {
            return ContactPoint.Type.OTHER;
        }
        String l = label.replace("_$!<", "").replace(">!$_", "").toLowerCase(Locale.ROOT);
        if (phone && l.contains("fax")) {
            return ContactPoint.Type.FAX;
        }
        if (phone && (l.contains("mobile") || l.contains("cell") || l.contains("iphone") || l.contains("handy"))) {
            return ContactPoint.Type.MOBILE;
        }
        if (l.contains("work") || l.contains("office") || l.contains("business")) {
            return ContactPoint.Type.WORK;
        }
        return l.contains("home") ? ContactPoint.Type.HOME : ContactPoint.Type.OTHER;
    }

    private static String text(VCardProperty p) {
        if (p instanceof ezvcard.property.TextProperty t && t.getValue() != null && !t.getValue().isBlank()) {
            return t.getValue().strip();
        }
        return null;
    }

    private static String shown(String value) {
        String v = value.strip();
        return v.length() > 60 ? v.substring(0, 60) + "…" : v;
    }

    private static String cut(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() <= max ? v : v.substring(0, max);
    }
}
