package org.reciprocity.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Dates as pages write them: relative to the member's today ("3 days ago", "in 2 weeks"), with the full date
 * for a tooltip, and month and year for "connected since". Pages are in English, so the formats are too.
 */
public final class Dates {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private Dates() {
    }

    public static String full(LocalDate date) {
        return date == null ? "" : FULL.format(date);
    }

    public static String monthYear(LocalDate date) {
        return date == null ? "" : MONTH.format(date);
    }

    /** "today", "yesterday", "3 days ago", "in 5 weeks", "2 years ago": the largest unit that fits. */
    public static String relative(LocalDate date, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, date);
        if (days == 0) {
            return "today";
        }
        if (days == -1) {
            return "yesterday";
        }
        if (days == 1) {
            return "tomorrow";
        }
        long abs = Math.abs(days);
        String amount;
        if (abs < 14) {
            amount = abs + " days";
        } else if (abs < 60) {
            amount = abs / 7 + " weeks";
        } else if (abs < 730) {
            long months = ChronoUnit.MONTHS.between(days < 0 ? date : today, days < 0 ? today : date);
            amount = Math.max(2, months) + " months";
        } else {
            amount = abs / 365 + " years";
        }
        return days < 0 ? amount + " ago" : "in " + amount;
    }
}
