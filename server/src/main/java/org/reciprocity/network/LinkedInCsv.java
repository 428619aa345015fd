package org.reciprocity.network;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reciprocity.core.network.ImportedContact;
import org.reciprocity.core.network.Tier;

/**
 * LinkedIn's "Connections.csv" as LinkedIn exports it: a "Notes:" preamble (a quoted paragraph
 * about missing e-mail addresses) before the header row, quoted fields, often empty e-mails, and
 * "Connected On" dates such as {@code 12 Mar 2024}. Also reads the CSV that Reciprocity exports,
 * which uses the same columns and adds tags, notes and tier.
 */
final class LinkedInCsv {

    static final String[] COLUMNS = {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"};
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d-MMM-uu", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE};

    private LinkedInCsv() {
    }

    /** Counts the rows after the header, cheaply, to refuse oversized files before any work. */
    static int countRows(String text) {
        int header = headerLine(text);
        return header < 0 ? 0 : (int) text.lines().skip(header + 1L).filter(l -> !l.isBlank()).count();
    }

    static ParsedFile parse(String text) throws IOException {
        int header = headerLine(text);
        if (header < 0) {
            return new ParsedFile(List.of(), List.of(new ParsedFile.LineError(1,
                    "No header row with 'First Name,Last Name,...' was found: is this LinkedIn's Connections.csv?")));
        }
        String body = String.join("\n", text.lines().skip(header).toList());
        List<ImportedContact> contacts = new ArrayList<>();
        List<ParsedFile.LineError> errors = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            for (CSVRecord r : parser) {
                // the parser counts from the header; records may span lines, so take where this one started
                int line = header + 1 + (int) r.getRecordNumber();
                try {
                    contacts.add(contact(r, line, errors));
                } catch (IllegalArgumentException e) {
                    errors.add(new ParsedFile.LineError(line, e.getMessage()));
                }
            }
        }
        return new ParsedFile(contacts, errors);
    }

    private static ImportedContact contact(CSVRecord r, int line, List<ParsedFile.LineError> errors) {
        String name = (get(r, "First Name") + " " + get(r, "Last Name")).strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The row has no first or last name.");
        }
        String email = get(r, "Email Address");
        if (!email.isEmpty() && !email.contains("@")) {
            errors.add(new ParsedFile.LineError(line, "'" + email + "' is not an e-mail address; imported without it."));
            email = "";
        }
        LocalDate connected = null;
        String on = get(r, "Connected On");
        if (!on.isEmpty()) {
            connected = date(on);
            if (connected == null) {
                errors.add(new ParsedFile.LineError(line, "'" + on + "' is not a date like 12 Mar 2024; imported without it."));
            }
        }
        List<String> tags = get(r, "Tags").isEmpty() ? List.of()
                : java.util.Arrays.stream(get(r, "Tags").split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        Tier tier = Tier.ACQUAINTANCE;
        try {
            tier = get(r, "Tier").isEmpty() ? Tier.ACQUAINTANCE : Tier.valueOf(get(r, "Tier"));
        } catch (IllegalArgumentException ignored) {
            // an unknown tier falls back to the default
        }
        return new ImportedContact(line, truncate(name, 120), email.isEmpty() ? List.of() : List.of(email),
                truncate(get(r, "Company"), 120), truncate(get(r, "Position"), 120), null,
                truncate(get(r, "URL"), 300), connected, tags, truncate(get(r, "Notes"), 4000), tier);
    }

    private static LocalDate date(String text) {
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(text, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static String get(CSVRecord r, String column) {
        return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
    }

    private static String truncate(String value, int max) {
        return value == null || value.isEmpty() ? null : value.length() <= max ? value : value.substring(0, max);
    }

    /** The index of the header row: the first line that starts with "First Name,". */
    private static int headerLine(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).replace("\uFEFF", "").strip();
            if (l.startsWith("First Name,") || l.startsWith("\"First Name\",")) {
                return i;
            }
        }
        return -1;
    }
}
