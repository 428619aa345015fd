package org.reciprocity.core.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactKeysTest {

    @Test
    void emailsAreCaseInsensitive() {
        assertThat(ContactKeys.of(List.of(" Ana@Example.ORG "), null, null, null)).containsExactly("email:ana@example.org");
    }

    @Test
    void profileUrlsIgnoreSchemeWwwTrailingSlashAndQuery() {
        assertThat(ContactKeys.url("https://www.linkedin.com/in/ana-lima/?trk=x")).isEqualTo("linkedin.com/in/ana-lima");
        assertThat(ContactKeys.url("http://linkedin.com/in/Ana-Lima")).isEqualTo("linkedin.com/in/ana-lima");
    }

    @Test
    void nameAndCompanyMatchWhateverAccentsAndPunctuation() {
        assertThat(ContactKeys.of(List.of(), null, "José  Núñez", "Acme, Inc."))
                .isEqualTo(ContactKeys.of(List.of(), null, "jose nunez", "ACME Inc"));
        assertThat(ContactKeys.of(List.of(), null, "José Núñez", null)).isEmpty();
    }

    @Test
    void strongestKeysComeFirst() {
        assertThat(ContactKeys.of(List.of("a@b.org"), "linkedin.com/in/a", "A", "B"))
                .containsExactly("email:a@b.org", "url:linkedin.com/in/a", "name:a@b");
    }
}
