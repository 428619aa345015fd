package org.reciprocity.network;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.ImportedContact;
import org.reciprocity.core.network.Tier;

/**
 * LinkedIn's "Connections.csv" as LinkedIn exports it (a "Notes:" preamble before the header row,
 * quoted fields, often empty e-mails, "Connected On" dates such as {@code 12 Mar 2024}), the same
 * rows without a header, and the file after a spreadsheet saved it again: semicolons or tabs for
 * commas, a byte-order mark, CRLF, dates such as {@code 12/03/2024}, {@code 12.03.2024} or
 * {@code 2024-03-12}. Also reads the CSV that Reciprocity exports: LinkedIn's columns first, then
 * tags, notes, tier and a column per kind of e-mail and phone (several values joined by "; ").
 */
final class LinkedInCsv {

    static final String[] COLUMNS = {"First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"};
    /** Reciprocity's own columns after LinkedIn's: each kind of e-mail and phone, and which phone is primary. */
    static final String[] EMAIL_COLUMNS = {"Email Work", "Email Home", "Email Other"};
    static final String[] PHONE_COLUMNS = {"Phone Work", "Phone Mobile", "Phone Home", "Phone Other", "Fax"};
    static final String PRIMARY_PHONE = "Phone";
    private static final ContactPoint.Type[] EMAIL_TYPES = {ContactPoint.Type.WORK, ContactPoint.Type.HOME, ContactPoint.Type.OTHER};
    private static final ContactPoint.Type[] PHONE_TYPES = {ContactPoint.Type.WORK, ContactPoint.Type.MOBILE,
            ContactPoint.Type.HOME, ContactPoint.Type.OTHER, ContactPoint.Type.FAX};
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d-MMM-uu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE};
    private static final Pattern NUMERIC_DATE = Pattern.compile("^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{2}|\\d{4})$");
    private static final char[] DELIMITERS = {',', ';', '\t'};

    /** Where the rows are: the header's line (-1 without one), the first line of rows and the delimiter. */
    private record Layout(int header, int firstRow, char delimiter) {}

    private LinkedInCsv() {
    }

    /** Why the file cannot be read as Connections.csv, in words for the member; null when it can. */
    static String problem(String text) {
        if (layout(text) != null) {
            return null;
        }
        String first = text.lines().map(l -> l.replace("\uFEFF", "").strip()).filter(l -> !l.isEmpty()).findFirst().orElse(null);
        if (first == null) {
            return "The file is empty.";
        }
        char delimiter = delimiterOf(first);
        String found = cells(first, delimiter).stream().limit(8).map(c -> c.length() > 30 ? c.substring(0, 30) + "…" : c)
                .collect(Collectors.joining(", "));
        return "This file has no LinkedIn columns: expected " + String.join(", ", COLUMNS) + "; found " + found
                + ". Is this LinkedIn's Connections.csv?";
    }

    /** Counts the rows after the header, cheaply, to refuse oversized files before any work. */
    static int countRows(String text) {
        Layout layout = layout(text);
        return layout == null ? 0 : (int) text.lines().skip(layout.firstRow()).filter(l -> !l.isBlank()).count();
    }

    static ParsedFile parse(String text) throws IOException {
        Layout layout = layout(text);
        if (layout == null) {
            return new ParsedFile(List.of(), List.of(new ParsedFile.LineError(1, problem(text))), 0);
        }
        Map<String, Integer> columns = new HashMap<>();
        if (layout.header() < 0) {
            for (int i = 0; i < COLUMNS.length; i++) {
                columns.put(COLUMNS[i].toLowerCase(Locale.ROOT), i);
            }
        } else {
            List<String> header = cells(text.lines().skip(layout.header()).findFirst().orElseThrow().replace("\uFEFF", ""),
                    layout.delimiter());
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
            }
        }
        List<String> bodyLines = text.lines().skip(layout.firstRow()).toList();
        boolean monthFirst = monthFirst(bodyLines);
        List<ImportedContact> contacts = new ArrayList<>();
        List<ParsedFile.LineError> errors = new ArrayList<>();
        int skipped = 0;
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(String.join("\n", bodyLines)), format)) {
            for (CSVRecord r : parser) {
                // records may span lines; the line reported is where one would start in a file of one-line rows
                int line = layout.firstRow() + (int) r.getRecordNumber();
                Row row = new Row(r, columns);
                try {
                    contacts.add(contact(row, line, monthFirst, errors));
                } catch (IllegalArgumentException e) {
                    errors.add(new ParsedFile.LineError(line, e.getMessage()));
                    skipped++;
                }
            }
        }
        return new ParsedFile(contacts, errors, skipped);
    }

    /**
     * A record read by column name, whatever the case of the header. The apostrophe that Reciprocity's
     * export puts before a leading = + - @ (so that no spreadsheet runs the cell) comes off again.
     */
    private record Row(CSVRecord record, Map<String, Integer> columns) {
        String get(String column) {
            Integer i = columns.get(column.toLowerCase(Locale.ROOT));
            String value = i == null || i >= record.size() ? "" : record.get(i).strip();
            return value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0
                    ? value.substring(1) : value;
        }
    }

    private static ImportedContact contact(Row r, int line, boolean monthFirst, List<ParsedFile.LineError> errors) {
        String name = (r.get("First Name") + " " + r.get("Last Name")).strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The row has no first or last name; skipped.");
        }
        List<ContactPoint> emails = new ArrayList<>();
        for (int k = 0; k < EMAIL_COLUMNS.length; k++) {
            for (String value : values(r.get(EMAIL_COLUMNS[k]))) {
                String email = ContactPoint.email(value);
                if (email != null && emails.stream().noneMatch(p -> p.value().equals(email))) {
                    emails.add(new ContactPoint(email, EMAIL_TYPES[k], false));
                }
            }
        }
        String primary = r.get("Email Address");
        if (!primary.isEmpty()) {
            String email = ContactPoint.email(primary);
            if (email == null) {
                errors.add(new ParsedFile.LineError(line, "'" + primary + "' is not an e-mail address; imported without it."));
            } else {
                emails = markPrimary(emails, email, email, ContactPoint::value);
            }
        }
        List<ContactPoint> phones = new ArrayList<>();
        for (int k = 0; k < PHONE_COLUMNS.length; k++) {
            for (String value : values(r.get(PHONE_COLUMNS[k]))) {
                String phone = ContactPoint.phone(value);
                if (phone == null) {
                    errors.add(new ParsedFile.LineError(line, "'" + value + "' is not a phone number; imported without it."));
                } else {
                    phones.add(new ContactPoint(phone, PHONE_TYPES[k], false));
                }
            }
        }
        String primaryPhone = ContactPoint.phone(r.get(PRIMARY_PHONE));
        if (primaryPhone != null) {
            phones = markPrimary(phones, primaryPhone, ContactPoint.phoneKey(primaryPhone), p -> ContactPoint.phoneKey(p.value()));
        }
        LocalDate connected = null;
        String on = r.get("Connected On");
        if (!on.isEmpty()) {
            connected = date(on, monthFirst);
            if (connected == null) {
                errors.add(new ParsedFile.LineError(line, "'" + on + "' is not a date like 12 Mar 2024; imported without it."));
            }
        }
        List<String> tags = values(r.get("Tags"));
        Tier tier = Tier.UNTRACKED;
        try {
            tier = r.get("Tier").isEmpty() ? Tier.UNTRACKED : Tier.valueOf(r.get("Tier").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ignored) {
            // an unknown tier falls back to the default
        }
        return new ImportedContact(line, truncate(name, 120), limit(emails), truncate(r.get("Company"), 120),
                truncate(r.get("Position"), 120), limit(phones), truncate(r.get("URL"), 300), connected, tags,
                truncate(r.get("Notes"), 4000), tier);
    }

    /** The points with the one whose key is {@code key} primary, adding {@code value} as OTHER in front if missing. */
    private static List<ContactPoint> markPrimary(List<ContactPoint> points, String value, String key,
                                                  java.util.function.Function<ContactPoint, String> keyOf) {
        List<ContactPoint> result = new ArrayList<>();
        boolean found = false;
        for (ContactPoint p : points) {
            boolean match = !found && keyOf.apply(p).equals(key);
            found |= match;
            result.add(p.asPrimary(match));
        }
        if (!found) {
            result.add(0, new ContactPoint(value, ContactPoint.Type.OTHER, true));
        }
        return result;
    }

    private static List<ContactPoint> limit(List<ContactPoint> points) {
        return points.size() <= ContactPoint.MAX_PER_KIND ? points : points.subList(0, ContactPoint.MAX_PER_KIND);
    }

    private static List<String> values(String cell) {
        return cell.isEmpty() ? List.of()
                : Arrays.stream(cell.split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /**
     * Whether slashed dates put the month first (3/12/2024, as American spreadsheets write): only when
     * some date's second number is over 12 and none's first is. Otherwise day first, as LinkedIn's own
     * "12 Mar 2024" and most of the world do.
     */
    private static boolean monthFirst(List<String> lines) {
        boolean dayOver12 = false;
        boolean monthOver12 = false;
        Pattern anywhere = Pattern.compile("(?<![\\d/.])(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?![\\d/])");
        for (String line : lines) {
            Matcher m = anywhere.matcher(line);
            while (m.find()) {
                dayOver12 |= Integer.parseInt(m.group(1)) > 12;
                monthOver12 |= Integer.parseInt(m.group(2)) > 12;
            }
        }
        return monthOver12 && !dayOver12;
    }

    static LocalDate date(String text, boolean monthFirst) {
        String t = text.strip();
        if (t.matches("^\\d{4}-\\d{2}-\\d{2}[ T].*")) {
            t = t.substring(0, 10); // a spreadsheet's date-time
        }
        Matcher numeric = NUMERIC_DATE.matcher(t);
        if (numeric.matches()) {
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(2));
            int year = Integer.parseInt(numeric.group(3));
            year = numeric.group(3).length() == 2 ? 2000 + year : year;
            boolean slash = t.contains("/");
            try {
                return slash && monthFirst ? LocalDate.of(year, a, b) : LocalDate.of(year, b, a);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    private static String truncate(String value, int max) {
        return value == null || value.isEmpty() ? null : value.length() <= max ? value : value.substring(0, max);
    }

    /**
     * The header row (a line with "First Name" and "Last Name" cells, after LinkedIn's preamble), or
     * else rows in LinkedIn's column order from the first line; null when neither is there.
     */
    private static Layout layout(String text) {
        List<String> lines = text.lines().limit(200).map(l -> l.replace("\uFEFF", "")).toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            char delimiter = delimiterOf(l);
            List<String> cells = cells(l, delimiter).stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            // names and two more of LinkedIn's columns: Google's or Outlook's CSV also has "First Name"
            long linkedIn = Arrays.stream(COLUMNS).map(c -> c.toLowerCase(Locale.ROOT)).filter(cells::contains).count();
            if (cells.contains("first name") && cells.contains("last name") && linkedIn >= 4) {
                return new Layout(i, i + 1, delimiter);
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < lines.size() && rows.size() < 5; i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        char delimiter = delimiterOf(lines.get(rows.get(0)));
        long good = rows.stream().filter(i -> looksLikeRow(cells(lines.get(i), delimiter))).count();
        return good * 2 > rows.size() ? new Layout(-1, rows.get(0), delimiter) : null;
    }

    /** A header-less row: names, then a profile address, an e-mail and a date where LinkedIn puts them. */
    private static boolean looksLikeRow(List<String> c) {
        if (c.size() < 6 || c.size() > 8 || (c.get(0).isEmpty() && c.get(1).isEmpty())) {
            return false;
        }
        boolean url = c.get(2).isEmpty() || c.get(2).toLowerCase(Locale.ROOT).contains("linkedin.com/");
        boolean email = c.get(3).isEmpty() || c.get(3).contains("@");
        boolean date = c.size() < 7 || c.get(6).isEmpty() || date(c.get(6), false) != null;
        return url && email && date && (!c.get(2).isEmpty() || !c.get(3).isEmpty() || c.size() >= 7 && !c.get(6).isEmpty());
    }

    /** The delimiter that splits this line into the most cells, outside quotes. */
    private static char delimiterOf(String line) {
        char best = ',';
        int most = 0;
        for (char d : DELIMITERS) {
            int n = cells(line, d).size();
            if (n > most) {
                best = d;
                most = n;
            }
        }
        return best;
    }

    /** One line's cells, unquoted and trimmed: enough to recognise a header or a row. */
    private static List<String> cells(String line, char delimiter) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == delimiter && !quoted) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }
}
