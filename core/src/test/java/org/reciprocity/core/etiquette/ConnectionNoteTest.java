package org.reciprocity.core.etiquette;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectionNoteTest {

    private static ConnectionNote.Problem problemOf(String note) {
        return ConnectionNote.check(note, "Maria Schmidt", "Jonas Weber").map(ConnectionNote.Refusal::problem).orElse(null);
    }

    @Test
    void anEmptyNoteIsRefused() {
        assertThat(problemOf(null)).isEqualTo(ConnectionNote.Problem.EMPTY);
        assertThat(problemOf("   ")).isEqualTo(ConnectionNote.Problem.EMPTY);
    }

    @Test
    void aNoteUnderTwentyCharactersIsRefused() {
        assertThat(problemOf("Nice to meet you!")).isEqualTo(ConnectionNote.Problem.TOO_SHORT);
        assertThat(problemOf("We met at JavaLand.")).isEqualTo(ConnectionNote.Problem.TOO_SHORT);
        assertThat(problemOf("We met at JavaLand 24")).isNull();
    }

    @Test
    void aNoteOverThreeHundredCharactersIsRefused() {
        assertThat(problemOf("a".repeat(300))).isNull();
        assertThat(problemOf("a".repeat(301))).isEqualTo(ConnectionNote.Problem.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'd like to add you to my professional network on LinkedIn.",
            "i'd like to add you to my professional network",
            "Hi Maria, I'd like to add you to my professional network.",
            "Hello Maria Schmidt! I’d like to add you to my professional network on LinkedIn - Jonas",
            "I would like to add you to my professional network!!",
            "Dear Maria, I'd like to connect with you. Best regards, Jonas Weber",
            "Let's connect!",
            "Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen.",
            "Hallo Frau Schmidt, ich würde mich gerne mit Ihnen vernetzen. Viele Grüße",
            "Bonjour Maria, j'aimerais vous inviter à rejoindre mon réseau professionnel sur LinkedIn.",
            "Hola Maria, me gustaría añadirte a mi red profesional en LinkedIn",
            "Olá Maria! Gostaria de adicioná-lo à minha rede profissional no LinkedIn.",
            "Ciao Maria, vorrei aggiungerti alla mia rete professionale su LinkedIn",
            "Hoi Maria, ik wil je graag toevoegen aan mijn professionele netwerk op LinkedIn"})
    void defaultInvitationTextsAreRefusedInAnyLanguageCaseOrGreeting(String note) {
        assertThat(problemOf(note)).isEqualTo(ConnectionNote.Problem.GENERIC);
    }

    @Test
    void aStockPhraseWithAPersonalReasonIsAccepted() {
        assertThat(problemOf("I'd like to connect with you because your talk on Rust async changed how I teach it.")).isNull();
        assertThat(problemOf("Hi Maria, Anna suggested I reach out about your grant-writing workshop.")).isNull();
    }

    @Test
    void eachRefusalSaysWhatToDo() {
        assertThat(ConnectionNote.check("Let's connect", "Maria", "Jonas").orElseThrow().message())
                .contains("shared interest");
    }
}
