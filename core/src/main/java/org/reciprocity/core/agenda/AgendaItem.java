package org.reciprocity.core.agenda;

import java.time.LocalDate;

/**
 * One thing to do. {@code key} is stable for this occurrence (done and snooze are stored against it)
 * and changes when the situation does: a new meeting, a new last touch, a new favor.
 *
 * @param counterpartKey the person it is about, or null (an expiring ask)
 * @param subject        the id of what it is about: an exchange, a pledge, a posting, a person
 * @param overdue        past its date (for keep-in-touch: past the maximum interval)
 */
public record AgendaItem(String key, AgendaType type, LocalDate dueOn, String counterpartKey, String counterpartName,
                         String reason, String subject, boolean overdue) {
}
