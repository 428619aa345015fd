package org.reciprocity.network;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an uploaded contacts file, whatever wrote it: UTF-8 with or without a byte-order mark,
 * UTF-16 with or without one (told by where the zero bytes fall: ASCII in UTF-16LE is "B\0E\0…"),
 * and 8-bit files from old Windows and phone exporters. In a vCard, a property's {@code CHARSET=}
 * decides its line, and a UTF-8 character split by a line fold is joined before decoding.
 *
 * <p>8-bit text without a CHARSET is guessed among Windows-1252, ISO-8859-1, Windows-1250 and
 * ISO-8859-2 by a small heuristic (juniversalchardet resolves here, but has no model for the Central
 * European code pages and reads Polish ISO-8859-2 as Windows-1252): decode with each, and score
 * letters inside words up, symbols inside words (³ ¹ ¶ in "Wi¶niewski") and C1 control characters
 * down, and words whose accented letters all belong to one language's alphabet up. Every candidate
 * maps every byte it accepts, so the text never holds U+FFFD.
 */
final class ImportText {

    /** A file's text and, for a vCard, the charset of quoted-printable values that name none. */
    record Decoded(String text, Charset quotedPrintable) {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");
    private static final List<Charset> EIGHT_BIT = List.of(WINDOWS_1252, StandardCharsets.ISO_8859_1, WINDOWS_1250,
            ISO_8859_2);
    private static final int SAMPLE = 256 * 1024;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern CHARSET = Pattern.compile(";\\s*CHARSET=\"?([A-Za-z0-9_.:+\\-]+)", Pattern.CASE_INSENSITIVE);
    // accented letters of the languages these code pages serve; a word mixing two alphabets is a wrong guess
    private static final List<String> ALPHABETS = List.of(
            "äöüß", "àâæçéèêëîïôœùûüÿ", "áéíñóúü", "áâãàçéêíóôõú", "àèéìíîòóùú", "éëïèöüáóíú",
            "æøåéäöüó", "åäöé", "áðéíóúýþæö", "ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž",
            "áéíóöőúüű", "čćđšž", "ăâîșțşţ", "äöõüšž", "āčēģīķļņōŗšūž", "ąčęėįšųūž");

    private ImportText() {
    }

    /** A CSV file's text. */
    static String csv(byte[] bytes) {
        String unicode = unicode(bytes);
        if (unicode != null) {
            return unicode;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            bytes = java.util.Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        return utf8 != null ? utf8 : new String(bytes, guessEightBit(bytes));
    }

    /** A vCard file's text, line by line: a line's CHARSET, else UTF-8 where it is valid, else the 8-bit guess. */
    static Decoded vcard(byte[] bytes) {
        String unicode = unicode(bytes);
        if (unicode != null) {
            return new Decoded(unicode, StandardCharsets.UTF_8);
        }
        List<byte[]> lines = logicalLines(bytes);
        String[] decoded = new String[lines.size()];
        ByteArrayOutputStream eightBit = new ByteArrayOutputStream();
        ByteArrayOutputStream quotedPrintable = new ByteArrayOutputStream();
        boolean qpNeedsGuess = false;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            String head = head(line);
            boolean qp = head.toUpperCase(Locale.ROOT).contains("QUOTED-PRINTABLE");
            Charset declared = declared(head);
            if (!qp) {
                line = unfold(line);
            } else if (declared == null) {
                byte[] value = unquote(line, head.length());
                quotedPrintable.writeBytes(value);
                qpNeedsGuess |= strict(value, StandardCharsets.UTF_8) == null;
            }
            String text = declared == null ? null : strict(line, declared);
            if (text == null) {
                text = strict(line, StandardCharsets.UTF_8);
            }
            if (text == null && eightBit.size() < SAMPLE) {
                eightBit.writeBytes(line);
            }
            decoded[i] = text;
            lines.set(i, line);
        }
        Charset guess = eightBit.size() == 0 ? WINDOWS_1252 : guessEightBit(eightBit.toByteArray());
        StringBuilder text = new StringBuilder(bytes.length);
        for (int i = 0; i < lines.size(); i++) {
            text.append(decoded[i] != null ? decoded[i] : new String(lines.get(i), guess));
        }
        String result = text.toString();
        return new Decoded(result.startsWith("\uFEFF") ? result.substring(1) : result,
                qpNeedsGuess ? guessEightBit(quotedPrintable.toByteArray()) : StandardCharsets.UTF_8);
    }

    /** The text of a file with a byte-order mark or the zero bytes of UTF-16; null for an 8-bit or UTF-8 file. */
    static String unicode(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            // a UTF-8 mark on a file with 8-bit lines in it: null, and the callers decode it line by line
            return strict(java.util.Arrays.copyOfRange(b, 3, b.length), StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, (b.length - 2) & ~1, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, (b.length - 2) & ~1, StandardCharsets.UTF_16BE);
        }
        int n = Math.min(b.length, 4096) & ~1;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        int pairs = n / 2;
        if (pairs >= 4 && zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) {
            return new String(b, 0, b.length & ~1, StandardCharsets.UTF_16LE);
        }
        if (pairs >= 4 && zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) {
            return new String(b, 0, b.length & ~1, StandardCharsets.UTF_16BE);
        }
        return null;
    }

    /** The most plausible 8-bit code page for these bytes; see the class comment. */
    static Charset guessEightBit(byte[] bytes) {
        byte[] sample = bytes.length > SAMPLE ? java.util.Arrays.copyOf(bytes, SAMPLE) : bytes;
        Charset best = StandardCharsets.ISO_8859_1;
        long bestScore = Long.MIN_VALUE;
        for (Charset candidate : EIGHT_BIT) {
            String text = strict(sample, candidate);
            if (text == null) {
                continue;
            }
            long score = score(text);
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    static long score(String text) {
        long score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c <= 0x9F) {
                score -= 10;
                continue;
            }
            boolean before = i > 0 && Character.isLetter(text.charAt(i - 1));
            boolean after = i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
            if (Character.isLetter(c)) {
                score += before || after ? 2 : 0;
            } else if (before && after) {
                score -= 6;
            } else if (before || after) {
                score -= 2;
            }
        }
        Matcher words = WORD.matcher(text);
        while (words.find()) {
            Set<Character> accented = new HashSet<>();
            for (char c : words.group().toLowerCase(Locale.ROOT).toCharArray()) {
                if (c >= 0x80) {
                    accented.add(c);
                }
            }
            if (!accented.isEmpty()) {
                boolean fits = ALPHABETS.stream().anyMatch(a -> accented.stream().allMatch(c -> a.indexOf(c) >= 0));
                score += fits ? 3 : -3;
            }
        }
        return score;
    }

    /** The file's lines with their folded continuations (and quoted-printable soft breaks) attached. */
    private static List<byte[]> logicalLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        ByteArrayOutputStream current = null;
        boolean currentQp = false;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, bytes.length);
            boolean fold = bytes[start] == ' ' || bytes[start] == '\t';
            boolean softBreak = current != null && currentQp && endsWithEquals(current.toByteArray());
            if (current != null && (fold || softBreak)) {
                current.write(bytes, start, end - start);
            } else {
                if (current != null) {
                    lines.add(current.toByteArray());
                }
                current = new ByteArrayOutputStream();
                current.write(bytes, start, end - start);
                currentQp = head(java.util.Arrays.copyOfRange(bytes, start, end)).toUpperCase(Locale.ROOT)
                        .contains("QUOTED-PRINTABLE");
            }
            start = end;
        }
        if (current != null) {
            lines.add(current.toByteArray());
        }
        return lines;
    }

    private static boolean endsWithEquals(byte[] line) {
        int i = line.length - 1;
        while (i >= 0 && (line[i] == '\n' || line[i] == '\r')) {
            i--;
        }
        return i >= 0 && line[i] == '=';
    }

    /** The property name and parameters: the bytes before the first colon, as ASCII. */
    private static String head(byte[] line) {
        int colon = 0;
        while (colon < line.length && line[colon] != ':' && line[colon] != '\n') {
            colon++;
        }
        return new String(line, 0, colon, StandardCharsets.ISO_8859_1);
    }

    private static Charset declared(String head) {
        Matcher m = CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            Charset charset = Charset.forName(m.group(1));
            // a line of an 8-bit file cannot be UTF-16 whatever it says
            return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32") ? null : charset;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The line without its folds (a line break and the one space or tab after it), as vCard unfolds. */
    private static byte[] unfold(byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length);
        for (int i = 0; i < line.length; i++) {
            int next = i + 1 < line.length && line[i] == '\r' && line[i + 1] == '\n' ? i + 2 : line[i] == '\n' ? i + 1 : -1;
            if (next > 0 && next < line.length && (line[next] == ' ' || line[next] == '\t')) {
                i = next;
                continue;
            }
            out.write(line[i]);
        }
        return out.toByteArray();
    }

    /** The bytes a quoted-printable value stands for (soft breaks removed). */
    private static byte[] unquote(byte[] line, int headLength) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = headLength + 1; i < line.length; i++) {
            byte c = line[i];
            if (c == '=' && i + 2 < line.length && hex(line[i + 1]) >= 0 && hex(line[i + 2]) >= 0) {
                out.write(hex(line[i + 1]) * 16 + hex(line[i + 2]));
                i += 2;
            } else if (c != '=' && c != '\r' && c != '\n') {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    /** The bytes decoded, or null if they are not valid in that charset. */
    static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
