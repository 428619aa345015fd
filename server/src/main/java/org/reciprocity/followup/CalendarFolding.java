package org.reciprocity.followup;

/**
 * Line folding as RFC 5545 §3.1 has it: no physical line longer than 75 octets of UTF-8 (the CRLF not
 * counted), a continuation line starting with one space that counts toward its 75, and no break inside
 * a character's UTF-8 sequence. ical4j's own folding counts characters, so a Japanese title came out as
 * lines of up to three times the limit, and cut a 4-octet emoji's surrogate pair in two (sent as "??"); the feed
 * takes the calendar's unfolded text and folds it here instead.
 */
final class CalendarFolding {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private CalendarFolding() {
    }

    /**
     * Folds content lines that each end with CRLF (a last line without one gets it). A bare CR or LF
     * is refused: values reach here escaped, so one would be a bug that lets a name start a property.
     */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 24);
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf(CRLF, start);
            if (end < 0) {
                end = unfolded.length();
            }
            foldLine(unfolded, start, end, out);
            out.append(CRLF);
            start = end + CRLF.length();
        }
        return out.toString();
    }

    private static void foldLine(String text, int start, int end, StringBuilder out) {
        int octets = 0;
        for (int i = start; i < end; ) {
            int codePoint = text.codePointAt(i);
            if (codePoint == '\r' || codePoint == '\n') {
                throw new IllegalArgumentException("A bare CR or LF inside a content line at index " + i);
            }
            int size = utf8Length(codePoint);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            int next = i + Character.charCount(codePoint);
            out.append(text, i, next);
            octets += size;
            i = next;
        }
    }

    /** Octets of one code point in UTF-8; a lone surrogate counts 3, more than the 1 ('?') Java writes for it. */
    static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
