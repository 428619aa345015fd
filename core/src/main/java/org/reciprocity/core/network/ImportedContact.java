package org.reciprocity.core.network;

import java.time.LocalDate;
import java.util.List;

/**
 * A contact read from an import file, before it is matched with the member's existing contacts.
 *
 * @param line the line of the file it starts on, for error messages
 * @param emails every e-mail address it carries, with exactly one primary when there are any
 * @param phones every phone number it carries, with exactly one primary when there are any
 * @param connectedOn LinkedIn's "Connected On": the baseline of the keep-in-touch timer
 */
public record ImportedContact(int line, String name, List<ContactPoint> emails, String company, String position,
                              List<ContactPoint> phones, String profileUrl, LocalDate connectedOn, List<String> tags,
                              String notes, Tier tier) {

    public ImportedContact {
        emails = ContactPoint.withOnePrimary(emails);
        phones = ContactPoint.withOnePrimary(phones);
    }

    public String email() {
        return ContactPoint.primaryOf(emails);
    }

    public List<String> emailAddresses() {
        return emails.stream().map(ContactPoint::value).toList();
    }
}
