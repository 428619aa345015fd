package org.reciprocity.network;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reciprocity.core.network.ContactPoint;

/**
 * Contacts written out as vCard 4.0 and as CSV in LinkedIn's column layout (plus tags, notes, tier
 * and a column per kind of e-mail and phone), so either file imports back with every field. CSV
 * cells that a spreadsheet would run as a formula are neutralised (OWASP CSV injection).
 */
final class ContactExport {

    static final String[] CSV_HEADER = header();

    private ContactExport() {
    }

    /** A name in parts: "Dr. Ana María van der Berg Jr." is prefix Dr., given Ana María, family van der Berg, suffix Jr. */
    record NameParts(String prefix, String given, String family, String suffix) {}

    private static final Set<String> PREFIXES = Set.of("dr", "prof", "mr", "mrs", "ms", "mx", "sir", "dame", "herr",
            "frau", "mme", "sr", "sra", "dott", "ing");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "ph.d", "md", "m.d", "esq",
            "mba", "msc", "bsc");
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "del", "della", "di", "da",
            "dos", "das", "du", "la", "le", "ten", "ter", "bin", "ibn", "al", "el", "af", "zu", "st.", "mac");

    /**
     * The name's parts for vCard's N. "Family, Given" is taken at its word; otherwise the family name
     * starts at a particle (van, de, bin…) or is the last word, and titles before and after are kept apart.
     */
    static NameParts split(String name) {
        String n = name.strip().replaceAll("\\s+", " ");
        int comma = n.indexOf(',');
        if (comma > 0 && !isSuffix(n.substring(comma + 1).strip())) {
            return new NameParts("", n.substring(comma + 1).strip(), n.substring(0, comma).strip(), "");
        }
        List<String> words = new ArrayList<>(Arrays.asList(n.replace(",", "").split(" ")));
        List<String> prefix = new ArrayList<>();
        while (words.size() > 1 && PREFIXES.contains(bare(words.get(0)))) {
            prefix.add(words.remove(0));
        }
        List<String> suffix = new ArrayList<>();
        while (words.size() > 1 && isSuffix(words.get(words.size() - 1))) {
            suffix.add(0, words.remove(words.size() - 1));
        }
        if (words.size() == 1) {
            return new NameParts(String.join(" ", prefix), words.get(0), "", String.join(" ", suffix));
        }
        int family = words.size() - 1;
        for (int i = 1; i < words.size() - 1; i++) {
            if (PARTICLES.contains(words.get(i).toLowerCase(Locale.ROOT))) {
                family = i;
                break;
            }
        }
        return new NameParts(String.join(" ", prefix), String.join(" ", words.subList(0, family)),
                String.join(" ", words.subList(family, words.size())), String.join(" ", suffix));
    }

    private static boolean isSuffix(String word) {
        return SUFFIXES.contains(bare(word));
    }

    private static String bare(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    static String vcard(List<Contact> contacts) {
        List<VCard> cards = contacts.stream().map(ContactExport::card).toList();
        return Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go();
    }

    private static VCard card(Contact c) {
        VCard v = new VCard();
        v.setFormattedName(c.name());
        NameParts parts = split(c.name());
        StructuredName n = new StructuredName();
        n.setGiven(parts.given().isEmpty() ? null : parts.given());
        n.setFamily(parts.family().isEmpty() ? null : parts.family());
        if (!parts.prefix().isEmpty()) {
            n.getPrefixes().add(parts.prefix());
        }
        if (!parts.suffix().isEmpty()) {
            n.getSuffixes().add(parts.suffix());
        }
        v.setStructuredName(n);
        v.setUid(new Uid("urn:uuid:" + c.id()));
        for (ContactPoint p : c.emails()) {
            Email email = new Email(p.value());
            switch (p.type()) {
                case WORK -> email.getTypes().add(EmailType.WORK);
                case HOME -> email.getTypes().add(EmailType.HOME);
                default -> { } // vCard 4.0 has no "other": no TYPE reads back as OTHER
            }
            if (p.primary()) {
                email.setPref(1);
            }
            v.addEmail(email);
        }
        for (ContactPoint p : c.phones()) {
            Telephone tel = new Telephone(p.value());
            switch (p.type()) {
                case WORK -> tel.getTypes().add(TelephoneType.WORK);
                case HOME -> tel.getTypes().add(TelephoneType.HOME);
                case MOBILE -> tel.getTypes().add(TelephoneType.CELL);
                case FAX -> tel.getTypes().add(TelephoneType.FAX);
                default -> { }
            }
            if (p.primary()) {
                tel.setPref(1);
            }
            v.addTelephoneNumber(tel);
        }
        if (c.company() != null) {
            Organization org = new Organization();
            org.getValues().add(c.company());
            v.setOrganization(org);
        }
        if (c.position() != null) {
            v.addTitle(c.position());
        }
        if (c.profileUrl() != null) {
            v.addUrl(c.profileUrl());
        }
        if (!c.tags().isEmpty()) {
            Categories categories = new Categories();
            categories.getValues().addAll(c.tags());
            v.setCategories(categories);
        }
        if (c.notes() != null) {
            v.addNote(c.notes());
        }
        v.addExtendedProperty(VCardFile.TIER_PROPERTY, c.tier().name());
        return v;
    }

    private static String[] header() {
        List<String> h = new ArrayList<>(Arrays.asList(LinkedInCsv.COLUMNS));
        h.addAll(List.of("Tags", "Notes", "Tier"));
        h.addAll(Arrays.asList(LinkedInCsv.EMAIL_COLUMNS));
        h.add(LinkedInCsv.PRIMARY_PHONE);
        h.addAll(Arrays.asList(LinkedInCsv.PHONE_COLUMNS));
        return h.toArray(String[]::new);
    }

    static String csv(List<Contact> contacts) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
            for (Contact c : contacts) {
                List<String> row = new ArrayList<>();
                String[] firstLast = firstLast(c.name());
                row.addAll(List.of(safe(firstLast[0]), safe(firstLast[1]), safe(c.profileUrl()), safe(c.email()),
                        safe(c.company()), safe(c.position()),
                        c.connectedOn() == null ? "" : c.connectedOn().toString(),
                        safe(String.join("; ", c.tags())), safe(c.notes()), c.tier().name()));
                for (ContactPoint.Type t : List.of(ContactPoint.Type.WORK, ContactPoint.Type.HOME, ContactPoint.Type.OTHER)) {
                    row.add(safe(joined(c.emails(), t)));
                }
                row.add(safe(ContactPoint.primaryOf(c.phones())));
                for (ContactPoint.Type t : List.of(ContactPoint.Type.WORK, ContactPoint.Type.MOBILE, ContactPoint.Type.HOME,
                        ContactPoint.Type.OTHER, ContactPoint.Type.FAX)) {
                    row.add(safe(joined(c.phones(), t)));
                }
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * LinkedIn's First Name and Last Name, chosen so that "First Last" is the name again on import:
     * the family name (with its particles and suffix) last; a "Family, Given" name whole in Last Name.
     */
    static String[] firstLast(String name) {
        String n = name.strip().replaceAll("\\s+", " ");
        NameParts parts = split(n);
        if (n.contains(",")) {
            return new String[] {"", n};
        }
        String last = (parts.family() + " " + parts.suffix()).strip();
        String first = last.isEmpty() ? n : n.substring(0, Math.max(0, n.length() - last.length())).strip();
        return (first + " " + last).strip().equals(n) ? new String[] {first, last} : new String[] {n, ""};
    }

    private static String joined(List<ContactPoint> points, ContactPoint.Type type) {
        return points.stream().filter(p -> p.type() == type).map(ContactPoint::value).collect(Collectors.joining("; "));
    }

    /** A leading = + - @ (or tab, carriage return) would make a spreadsheet evaluate the cell; quote it with '. */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
