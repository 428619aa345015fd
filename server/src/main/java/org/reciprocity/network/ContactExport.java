package org.reciprocity.network;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Categories;
import ezvcard.property.Organization;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Contacts written out as vCard 4.0 and as CSV in LinkedIn's column layout (plus tags, notes and
 * tier), so either file imports back. CSV cells that a spreadsheet would run as a formula are
 * neutralised (OWASP CSV injection).
 */
final class ContactExport {

    private ContactExport() {
    }

    static String vcard(List<Contact> contacts) {
        List<VCard> cards = contacts.stream().map(ContactExport::card).toList();
        return Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go();
    }

    private static VCard card(Contact c) {
        VCard v = new VCard();
        v.setFormattedName(c.name());
        if (c.email() != null) {
            v.addEmail(c.email());
        }
        if (c.company() != null) {
            Organization org = new Organization();
            org.getValues().add(c.company());
            v.setOrganization(org);
        }
        if (c.position() != null) {
            v.addTitle(c.position());
        }
        if (c.phone() != null) {
            v.addTelephoneNumber(c.phone());
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

    static String csv(List<Contact> contacts) {
        StringWriter out = new StringWriter();
        String[] header = {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
                "Tags", "Notes", "Tier"};
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).get())) {
            for (Contact c : contacts) {
                int space = c.name().lastIndexOf(' ');
                String first = space < 0 ? c.name() : c.name().substring(0, space);
                String last = space < 0 ? "" : c.name().substring(space + 1);
                printer.printRecord(safe(first), safe(last), safe(c.profileUrl()), safe(c.email()), safe(c.company()),
                        safe(c.position()), c.lastInteractionOn() == null ? "" : c.lastInteractionOn().toString(),
                        safe(String.join("; ", c.tags())), safe(c.notes()), c.tier().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A leading = + - @ (or tab, carriage return) would make a spreadsheet evaluate the cell; quote it with '. */
    static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
