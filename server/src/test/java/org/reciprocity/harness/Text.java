package org.reciprocity.harness;

/** Small string helpers for reports. */
public final class Text {

    private Text() {
    }

    /** The start of a text, on one line, with control characters made visible, for reports. */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                b.append(' ');
            } else if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= max && text.length() > max) {
            b.append("… (").append(text.length()).append(" chars)");
        }
        return b.toString();
    }
}
