package org.reciprocity.web;

import java.util.Locale;

/** Figures as pages write them: one decimal at most, and what a give/take ratio means in words. */
public final class Figures {

    private Figures() {
    }

    /** "25.4", "3", "-2.3": one decimal, none when it is zero. */
    public static String of(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.format(Locale.ROOT, "%.0f", rounded)
                : String.format(Locale.ROOT, "%.1f", rounded);
    }

    /** A balance with its sign: "+2.3" when the member gave more, "-1" when they received more. */
    public static String signed(double value) {
        String text = of(value);
        return value > 0.05 ? "+" + text : text;
    }

    /** What giving {@code ratio} times what one receives means: the scale beside the figure. */
    public static String ratioInWords(double ratio) {
        if (ratio >= 4) {
            return "you give far more than you receive";
        }
        if (ratio >= 1.5) {
            return "you give more than you receive";
        }
        if (ratio > 0.67) {
            return "about even";
        }
        if (ratio > 0.25) {
            return "you receive more than you give";
        }
        return "you receive far more than you give";
    }
}
