package org.reciprocity.core.matching;

import java.util.List;

/** Small phrasing helpers shared by the reasons. */
final class Words {

    private Words() {
    }

    static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    /** "2.3×", "12×": a multiple as the reasons write it. */
    static String multiple(double times) {
        return String.format(java.util.Locale.ROOT, times >= 10 ? "%.0f×" : "%.1f×", times);
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    static String firstFew(List<String> values, int few) {
        return String.join(", ", values.subList(0, Math.min(few, values.size())));
    }

    static String quoted(String text, int max) {
        String clean = text.strip().replaceAll("\\s+", " ");
        return "\u201c" + (clean.length() <= max ? clean : clean.substring(0, max - 1).strip() + "\u2026") + "\u201d";
    }
}
