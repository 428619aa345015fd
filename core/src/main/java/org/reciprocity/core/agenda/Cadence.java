package org.reciprocity.core.agenda;

/** How often to be in touch: ideally every {@code idealDays}, at the latest every {@code maxDays}. */
public record Cadence(int idealDays, int maxDays) {

    public Cadence {
        if (idealDays < 1 || maxDays < idealDays || maxDays > 3650) {
            throw new IllegalArgumentException("need 1 <= ideal <= max <= 3650, was " + idealDays + "/" + maxDays);
        }
    }
}
