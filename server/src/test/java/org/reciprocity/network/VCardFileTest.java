package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.ImportedContact;

/** The vCard reader and the encodings of uploaded files, on small hand-made cards. */
class VCardFileTest {

    private static ParsedFile parse(byte[] bytes) {
        return VCardFile.parse(ImportText.vcard(bytes));
    }

    private static ImportedContact only(byte[] bytes) {
        ParsedFile file = parse(bytes);
        assertThat(file.contacts()).hasSize(1);
        return file.contacts().get(0);
    }

    private static final String CARD = """
            BEGIN:VCARD
            VERSION:3.0
            FN:Jürgen Müller-Łukasiewicz
            item1.EMAIL;type=INTERNET:j@home.example
            item1.X-ABLabel:_$!<Home>!$_
            item2.EMAIL;type=INTERNET;type=pref:j@work.example
            item2.X-ABLabel:_$!<Work>!$_
            TEL;TYPE=WORK,FAX;TYPE=pref:+49 40 1234
            TEL;TYPE=CELL:+49 171 9876
            item3.TEL:+49 40 5555
            item3.X-ABLabel:_$!<HomeFAX>!$_
            TEL;TYPE=X-MOBILE:+49 172 1111
            NOTE:First note.
            NOTE:Second note.
            END:VCARD
            """;

    @Test
    void everyEmailAndPhoneIsKeptWithItsKindAndAFaxIsNeverTheMainPhone() {
        ImportedContact c = only(CARD.getBytes(StandardCharsets.UTF_8));
        assertThat(c.name()).isEqualTo("Jürgen Müller-Łukasiewicz");
        assertThat(c.emails()).containsExactly(new ContactPoint("j@home.example", ContactPoint.Type.HOME, false),
                new ContactPoint("j@work.example", ContactPoint.Type.WORK, true));
        assertThat(c.phones()).containsExactly(new ContactPoint("+49 40 1234", ContactPoint.Type.FAX, false),
                new ContactPoint("+49 171 9876", ContactPoint.Type.MOBILE, true),
                new ContactPoint("+49 40 5555", ContactPoint.Type.FAX, false),
                new ContactPoint("+49 172 1111", ContactPoint.Type.MOBILE, false));
        assertThat(c.notes()).isEqualTo("First note.\n\nSecond note.");
    }

    @Test
    void theSameCardReadsAlikeInUtf16WithAndWithoutAMarkAndInUtf8WithAMark() {
        for (byte[] bytes : List.of(withMark(new byte[] {(byte) 0xFF, (byte) 0xFE}, CARD.getBytes(StandardCharsets.UTF_16LE)),
                CARD.getBytes(StandardCharsets.UTF_16LE), CARD.getBytes(StandardCharsets.UTF_16BE),
                withMark(new byte[] {(byte) 0xFE, (byte) 0xFF}, CARD.getBytes(StandardCharsets.UTF_16BE)),
                withMark(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CARD.getBytes(StandardCharsets.UTF_8)))) {
            ImportedContact c = only(bytes);
            assertThat(c.name()).isEqualTo("Jürgen Müller-Łukasiewicz");
            assertThat(c.phones()).hasSize(4);
        }
    }

    @Test
    void eightBitFilesWithoutACharsetAreGuessedWithoutReplacementCharacters() {
        String western = "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nFN:Jürgen Müller\r\nORG:Hélène Françoise & Söhne – Straße\r\nEND:VCARD\r\n";
        String central = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Łukasz Wiśniewski\r\nORG:Zakład Usług Łączności\r\nNOTE:Poznaliśmy się w Łodzi.\r\nEND:VCARD\r\n";
        String czech = "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Jiří Dvořák\r\nORG:Příliš žluťoučký kůň\r\nEND:VCARD\r\n";
        assertThat(only(western.getBytes(Charset.forName("windows-1252"))).company()).isEqualTo("Hélène Françoise & Söhne – Straße");
        assertThat(only(western.getBytes(StandardCharsets.ISO_8859_1)).name()).isEqualTo("Jürgen Müller");
        assertThat(only(central.getBytes(Charset.forName("ISO-8859-2"))).name()).isEqualTo("Łukasz Wiśniewski");
        assertThat(only(central.getBytes(Charset.forName("windows-1250"))).company()).isEqualTo("Zakład Usług Łączności");
        assertThat(only(czech.getBytes(Charset.forName("ISO-8859-2"))).company()).isEqualTo("Příliš žluťoučký kůň");
        assertThat(only(czech.getBytes(Charset.forName("windows-1250"))).name()).isEqualTo("Jiří Dvořák");
        byte[] junk = new byte[256];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) i;
        }
        assertThat(ImportText.csv(junk)).doesNotContain("\uFFFD");
    }

    @Test
    void charsetParametersAndQuotedPrintableAreHonoured() {
        String card = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-2:Wiśniewski;Łukasz\r\nFN;CHARSET=windows-1252:Café Müller\r\n"
                + "NOTE;ENCODING=QUOTED-PRINTABLE:Gr=FC=DFe\r\nEND:VCARD\r\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String line : card.split("(?<=\r\n)")) {
            Charset cs = line.startsWith("N;") ? Charset.forName("ISO-8859-2") : Charset.forName("windows-1252");
            bytes.writeBytes(line.getBytes(cs));
        }
        ImportedContact c = only(bytes.toByteArray());
        assertThat(c.name()).isEqualTo("Café Müller");
        assertThat(c.notes()).isEqualTo("Grüße");
    }

    @Test
    void aCardWithAnEmailAndNoNameIsImportedUnderItsEmail() {
        ParsedFile file = parse("BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nEMAIL:Nameless@Example.org\nEND:VCARD\n".getBytes());
        assertThat(file.contacts()).extracting(ImportedContact::name).containsExactly("nameless@example.org");
        assertThat(file.errors()).extracting(ParsedFile.LineError::message).containsExactly(
                "This card has no name; imported under its e-mail (nameless@example.org).");
        assertThat(file.skipped()).isZero();
    }

    @Test
    void theCorpusParsesWithoutReplacementCharacters() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/test/resources/imports/corpus");
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".vcf")).sorted().toList()) {
                ParsedFile file = parse(java.nio.file.Files.readAllBytes(f));
                System.out.printf("%-60s cards %d skipped %d errors %s%n", f.getFileName(), file.contacts().size(),
                        file.skipped(), file.errors());
                for (ImportedContact c : file.contacts()) {
                    System.out.printf("    %s | %s | %s | %s%n", c.name(), c.emails(), c.phones(), c.company());
                    assertThat(c.name() + c.notes() + c.company()).as(f.toString()).doesNotContain("\uFFFD");
                }
            }
        }
    }

    private static byte[] withMark(byte[] mark, byte[] body) {
        byte[] all = new byte[mark.length + body.length];
        System.arraycopy(mark, 0, all, 0, mark.length);
        System.arraycopy(body, 0, all, mark.length, body.length);
        return all;
    }
}
