package org.reciprocity.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Dates typed into forms and API bodies, as ISO text: a wrong one becomes a message beside its field. */
public final class InputDates {

    private InputDates() {
    }

    /** The date, or null when the text is empty or not a date (then an error is added for {@code field}). */
    public static LocalDate parse(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Write the date as YYYY-MM-DD."));
            return null;
        }
    }
}
