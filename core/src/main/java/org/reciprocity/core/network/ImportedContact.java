package org.reciprocity.core.network;

import java.time.LocalDate;
import java.util.List;

/**
 * A contact read from an import file, before it is matched with the member's existing contacts.
 *
 * @param line the line of the file it starts on, for error messages
 * @param emails every e-mail address it carries, the first one preferred
 * @param connectedOn LinkedIn's "Connected On": the baseline of the keep-in-touch timer
 */
public record ImportedContact(int line, String name, List<String> emails, String company, String position,
                              String phone, String profileUrl, LocalDate connectedOn, List<String> tags, String notes,
                              Tier tier) {

    public String email() {
        return emails.isEmpty() ? null : emails.get(0);
    }
}
