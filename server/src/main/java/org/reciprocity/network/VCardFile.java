package org.reciprocity.network;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Email;
import ezvcard.property.Organization;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import java.util.ArrayList;
import java.util.List;
import org.reciprocity.core.network.ImportedContact;
import org.reciprocity.core.network.Tier;

/**
 * vCard 2.1, 3.0 and 4.0 files as Google, Apple, Outlook and Thunderbird write them (folded lines,
 * quoted-printable, several e-mails and phones, photos), read with ez-vcard. The file is split at
 * each BEGIN:VCARD so that a broken card is reported with its line and the others still import.
 */
final class VCardFile {

    static final String TIER_PROPERTY = "X-RECIPROCITY-TIER";

    private VCardFile() {
    }

    static int countCards(String text) {
        return (int) text.lines().filter(l -> l.strip().equalsIgnoreCase("BEGIN:VCARD")).count();
    }

    static ParsedFile parse(String text) {
        List<ImportedContact> contacts = new ArrayList<>();
        List<ParsedFile.LineError> errors = new ArrayList<>();
        List<String> lines = text.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.equalsIgnoreCase("BEGIN:VCARD")) {
                if (start >= 0) {
                    errors.add(new ParsedFile.LineError(start + 1, "This card has no END:VCARD before the next one; skipped."));
                }
                start = i;
            } else if (l.equalsIgnoreCase("END:VCARD") && start >= 0) {
                read(String.join("\r\n", lines.subList(start, i + 1)), start + 1, contacts, errors);
                start = -1;
            }
        }
        if (start >= 0) {
            errors.add(new ParsedFile.LineError(start + 1, "The file ends inside this card (no END:VCARD); skipped."));
        }
        if (contacts.isEmpty() && errors.isEmpty()) {
            errors.add(new ParsedFile.LineError(1, "No BEGIN:VCARD found: is this a vCard (.vcf) file?"));
        }
        return new ParsedFile(contacts, errors);
    }

    private static void read(String card, int line, List<ImportedContact> into, List<ParsedFile.LineError> errors) {
        VCard vcard;
        try {
            vcard = Ezvcard.parse(card).first();
        } catch (RuntimeException e) {
            errors.add(new ParsedFile.LineError(line, "This card could not be read: its lines are not valid vCard."));
            return;
        }
        if (vcard == null) {
            errors.add(new ParsedFile.LineError(line, "This card could not be read."));
            return;
        }
        String name = vcard.getFormattedName() == null ? null : vcard.getFormattedName().getValue();
        if (name == null || name.isBlank()) {
            StructuredName n = vcard.getStructuredName();
            name = n == null ? null : ((n.getGiven() == null ? "" : n.getGiven()) + " "
                    + (n.getFamily() == null ? "" : n.getFamily())).strip();
        }
        if (name == null || name.isBlank()) {
            errors.add(new ParsedFile.LineError(line, "This card has no name (FN or N); skipped."));
            return;
        }
        List<String> emails = vcard.getEmails().stream().map(Email::getValue)
                .filter(e -> e != null && e.contains("@")).map(String::strip).toList();
        Organization org = vcard.getOrganization();
        String company = org == null || org.getValues().isEmpty() ? null : org.getValues().get(0);
        String position = vcard.getTitles().isEmpty() ? null : vcard.getTitles().get(0).getValue();
        String phone = vcard.getTelephoneNumbers().stream().map(VCardFile::phone).filter(p -> p != null && !p.isBlank())
                .findFirst().orElse(null);
        String url = vcard.getUrls().stream().map(Url::getValue).findFirst().orElse(null);
        List<String> tags = vcard.getCategories() == null ? List.of() : vcard.getCategories().getValues();
        String notes = vcard.getNotes().isEmpty() ? null : vcard.getNotes().get(0).getValue();
        Tier tier = Tier.ACQUAINTANCE;
        var tierProperty = vcard.getExtendedProperty(TIER_PROPERTY);
        if (tierProperty != null) {
            try {
                tier = Tier.valueOf(tierProperty.getValue().strip());
            } catch (IllegalArgumentException ignored) {
                // an unknown tier falls back to the default
            }
        }
        into.add(new ImportedContact(line, cut(name.strip(), 120), emails, cut(company, 120), cut(position, 120),
                cut(phone, 60), cut(url, 300), null, tags, cut(notes, 4000), tier));
    }

    private static String phone(Telephone t) {
        return t.getText() != null ? t.getText() : t.getUri() == null ? null : t.getUri().getNumber();
    }

    private static String cut(String value, int max) {
        return value == null || value.isBlank() ? null : value.length() <= max ? value.strip() : value.substring(0, max);
    }
}
