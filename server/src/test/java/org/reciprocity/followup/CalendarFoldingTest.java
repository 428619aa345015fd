package org.reciprocity.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalendarFoldingTest {

    /** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
    static String unfold(String folded) {
        return folded.replaceAll("\r\n[ \t]", "");
    }

    static List<String> physicalLines(String folded) {
        assertThat(folded).endsWith("\r\n");
        return Arrays.asList(folded.substring(0, folded.length() - 2).split("\r\n", -1));
    }

    static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Every rule of §3.1 at once, on the bytes as they go over the wire. */
    static void assertWellFolded(String unfolded, String folded) {
        byte[] bytes = folded.getBytes(StandardCharsets.UTF_8);
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                assertThat(bytes[i]).as("CR at %d starts a CRLF", i).isEqualTo((byte) '\r');
                assertThat(bytes[i + 1]).as("CR at %d is followed by LF", i).isEqualTo((byte) '\n');
                byte[] line = Arrays.copyOfRange(bytes, lineStart, i);
                assertThat(line.length).as("octets of line %s", new String(line, StandardCharsets.UTF_8))
                        .isLessThanOrEqualTo(75);
                assertDecodesStrictly(line);
                i++;
                lineStart = i + 1;
            }
        }
        assertThat(lineStart).as("ends with CRLF").isEqualTo(bytes.length);
        assertThat(unfold(folded)).isEqualTo(unfolded.endsWith("\r\n") ? unfolded : unfolded + "\r\n");
    }

    /** A line cut inside a UTF-8 sequence does not decode on its own. */
    static void assertDecodesStrictly(byte[] line) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
        } catch (CharacterCodingException e) {
            throw new AssertionError("a physical line splits a UTF-8 sequence: " + Arrays.toString(line), e);
        }
    }

    @Test
    void shortAsciiLinesAreLeftAsTheyAre() {
        String calendar = "BEGIN:VCALENDAR\r\nSUMMARY:Keep in touch: Dora\r\nEND:VCALENDAR\r\n";
        assertThat(CalendarFolding.fold(calendar)).isEqualTo(calendar);
    }

    @Test
    void aLineOfExactly75OctetsIsNotFolded() {
        String line = "SUMMARY:" + "a".repeat(75 - 8);
        assertThat(octets(line)).isEqualTo(75);
        assertThat(CalendarFolding.fold(line + "\r\n")).isEqualTo(line + "\r\n");
    }

    @Test
    void aLineOf76OctetsFoldsItsLastOctetOntoAContinuationLine() {
        String line = "SUMMARY:" + "a".repeat(76 - 8);
        String folded = CalendarFolding.fold(line + "\r\n");
        assertThat(folded).isEqualTo(line.substring(0, 75) + "\r\n a\r\n");
        assertWellFolded(line, folded);
    }

    @Test
    void continuationLinesCountTheirLeadingSpaceTowardThe75() {
        String line = "DESCRIPTION:" + "x".repeat(300);
        String folded = CalendarFolding.fold(line + "\r\n");
        List<String> lines = physicalLines(folded);
        assertThat(lines.get(0)).hasSize(75);
        assertThat(lines.subList(1, lines.size() - 1)).allSatisfy(l -> assertThat(l).hasSize(75).startsWith(" x"));
        assertWellFolded(line, folded);
    }

    @Test
    void anAccentedLetterThatWouldCrossThe75thOctetMovesWhole() {
        // 74 octets, then é (2 octets): 76 in all, and é may not be cut after its first octet
        String line = "SUMMARY:" + "a".repeat(66) + "é";
        assertThat(octets(line)).isEqualTo(76);
        List<String> lines = physicalLines(CalendarFolding.fold(line + "\r\n"));
        assertThat(lines).containsExactly(line.substring(0, 74), " é");
        assertWellFolded(line, CalendarFolding.fold(line + "\r\n"));
    }

    @Test
    void accentedLatinTitlesFoldByOctets() {
        String line = "SUMMARY:Keep in touch: Zoë Ørsted-Müller, Françoise Lefèvre, Ñúñez Ågård, Łukasz Wójcik, Şükrü Çelik";
        assertThat(line.length()).isLessThan(110);
        String folded = CalendarFolding.fold(line + "\r\n");
        assertWellFolded(line, folded);
        assertThat(physicalLines(folded)).hasSizeGreaterThan(1);
    }

    @Test
    void japaneseTitlesFoldAtCharacterBoundariesWithin75Octets() {
        // ical4j folded this at 75 characters: lines of up to 3 × 75 octets
        String line = "SUMMARY:Keep in touch: 山田太郎（株式会社レシプロシティ代表取締役社長）、東京都千代田区丸の内一丁目の本社にて打ち合わせ";
        String folded = CalendarFolding.fold(line + "\r\n");
        assertWellFolded(line, folded);
        List<String> lines = physicalLines(folded);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(3);
        // 8 + 15 ASCII octets then 3-octet characters: 23 + 3 × 17 = 74, the 18th would make 77
        assertThat(octets(lines.get(0))).isEqualTo(74);
        // a continuation line: the space, then 24 characters of 3 octets = 73; a 25th would make 76
        assertThat(octets(lines.get(1))).isEqualTo(73);
    }

    @Test
    void emojiOfFourOctetsAreNeverSplitNorAreTheirSurrogatePairs() {
        String line = "SUMMARY:Keep in touch: Ana 🎉🚀👩‍💻🇯🇵 " + "😀".repeat(40);
        for (int pad = 0; pad < 4; pad++) { // every position of a 4-octet sequence against the 75th octet
            String padded = line.replace("Ana", "Ana" + "a".repeat(pad));
            String folded = CalendarFolding.fold(padded + "\r\n");
            assertWellFolded(padded, folded);
            assertThat(physicalLines(folded)).allSatisfy(l -> {
                assertThat(Character.isLowSurrogate(l.charAt(l.startsWith(" ") ? 1 : 0))).isFalse();
                assertThat(Character.isHighSurrogate(l.charAt(l.length() - 1))).isFalse();
            });
        }
    }

    @Test
    void aLastLineWithoutCrlfGetsOne() {
        assertThat(CalendarFolding.fold("BEGIN:VCALENDAR\r\nEND:VCALENDAR")).isEqualTo("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    }

    @Test
    void aBareLineBreakInsideALineIsRefusedNotPassedOnAsANewProperty() {
        assertThatThrownBy(() -> CalendarFolding.fold("SUMMARY:Dora\nATTENDEE:mailto:x@example.org\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarFolding.fold("SUMMARY:Dora\rX\r\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomTextInManyScriptsAlwaysFoldsWithinTheRules() {
        Random random = new Random(20261202L);
        int[][] ranges = {{0x20, 0x7e}, {0xc0, 0x17f}, {0x391, 0x3c9}, {0x3041, 0x30ff}, {0x4e00, 0x9fa5},
                {0xac00, 0xd7a3}, {0x1f300, 0x1f64f}, {0x1f900, 0x1f9ff}};
        for (int n = 0; n < 2000; n++) {
            StringBuilder calendar = new StringBuilder();
            int lines = 1 + random.nextInt(4);
            for (int l = 0; l < lines; l++) {
                calendar.append("SUMMARY:");
                int length = random.nextInt(200);
                for (int c = 0; c < length; c++) {
                    int[] range = ranges[random.nextInt(ranges.length)];
                    calendar.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
                }
                calendar.append("\r\n");
            }
            String unfolded = calendar.toString();
            assertWellFolded(unfolded, CalendarFolding.fold(unfolded));
        }
    }
}
