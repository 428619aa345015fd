package org.reciprocity.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.network.ContactPoint;

/** LinkedIn's Connections.csv and its variants, without Spring. */
class LinkedInCsvTest {

    @Test
    void anotherProgramsCsvIsRefusedWithTheColumnsItHas() {
        String google = "First Name,Middle Name,Last Name,E-mail 1 - Value,Phone 1 - Value\nAna,,Lima,ana@example.org,+351 1\n";
        assertThat(LinkedInCsv.problem(google)).isEqualTo("This file has no LinkedIn columns: expected First Name,"
                + " Last Name, URL, Email Address, Company, Position, Connected On; found First Name, Middle Name,"
                + " Last Name, E-mail 1 - Value, Phone 1 - Value. Is this LinkedIn's Connections.csv?");
        assertThat(LinkedInCsv.problem("")).isEqualTo("The file is empty.");
    }

    @Test
    void rowsWithoutAHeaderInLinkedInsOrderAreRead() throws Exception {
        ParsedFile file = LinkedInCsv.parse("Ana;Lima;https://www.linkedin.com/in/ana;ana@example.org;Acme;CTO;2024-03-12\r\n");
        assertThat(LinkedInCsv.problem("Ana;Lima;https://www.linkedin.com/in/ana;ana@example.org;Acme;CTO;2024-03-12")).isNull();
        assertThat(file.contacts()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Ana Lima");
            assertThat(c.emails()).containsExactly(new ContactPoint("ana@example.org", ContactPoint.Type.OTHER, true));
            assertThat(c.connectedOn()).isEqualTo(LocalDate.of(2024, 3, 12));
        });
    }

    @Test
    void datesAsSpreadsheetsWriteThem() {
        assertThat(LinkedInCsv.date("12/03/2024", false)).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(LinkedInCsv.date("3/12/2024", true)).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(LinkedInCsv.date("12.03.2024", true)).as("dots are always day first").isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(LinkedInCsv.date("2024-03-12 00:00:00", false)).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(LinkedInCsv.date("12 Mar 2024", false)).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(LinkedInCsv.date("12-Mar-24", false)).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(LinkedInCsv.date("31/02/2024", false)).isNull();
    }

    @Test
    void namesSplitSoThatFirstAndLastGiveTheNameBack() {
        for (String name : new String[] {"Ana Lima", "Dr. Ana María van der Berg Jr.", "Madonna", "Müller, Jürgen",
                "Martin Luther King, Jr.", "José de la Cruz"}) {
            String[] parts = ContactExport.firstLast(name);
            assertThat((parts[0] + " " + parts[1]).strip()).as(name).isEqualTo(name);
        }
        assertThat(ContactExport.split("José de la Cruz")).isEqualTo(new ContactExport.NameParts("", "José", "de la Cruz", ""));
        assertThat(ContactExport.split("Müller, Jürgen")).isEqualTo(new ContactExport.NameParts("", "Jürgen", "Müller", ""));
        assertThat(ContactExport.split("Prof. Kenji Sato PhD")).isEqualTo(new ContactExport.NameParts("Prof.", "Kenji", "Sato", "PhD"));
    }
}
