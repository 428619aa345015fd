package org.reciprocity.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.withShippedList();

    @Test
    void refusesPasswordsShorterThanEightCharacters() {
        assertThat(POLICY.problemWith("kT7#qz2")).hasValueSatisfying(p -> assertThat(p).contains("at least 8"));
        assertThat(POLICY.problemWith("")).isPresent();
        assertThat(POLICY.problemWith(null)).isPresent();
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        // seven emoji are fourteen UTF-16 units but seven characters to a person
        assertThat(POLICY.problemWith("🌱🌱🌱🌱🌱🌱🌱")).isPresent();
        assertThat(POLICY.problemWith("🌱🌿🌳🍀🌾🌵🌴🌲")).isEmpty();
    }

    @Test
    void acceptsLongPassphrasesUpTo128Characters() {
        assertThat(POLICY.problemWith("correct horse battery staple ".repeat(2) + "x".repeat(70))).isEmpty();
        assertThat(POLICY.problemWith("a".repeat(64) + "b".repeat(64))).isEmpty();
        assertThat(POLICY.problemWith("a".repeat(129))).hasValueSatisfying(p -> assertThat(p).contains("at most 128"));
    }

    @Test
    void refusesCommonPasswordsWhateverTheirCase() {
        assertThat(POLICY.problemWith("password")).hasValueSatisfying(p -> assertThat(p).contains("most common"));
        assertThat(POLICY.problemWith("PassWord")).isPresent();
        assertThat(POLICY.problemWith("iloveyou")).isPresent();
        assertThat(POLICY.problemWith("trustno1")).isPresent();
    }

    @Test
    void refusesTheAccountsOwnEmailOrName() {
        assertThat(POLICY.problemWith("ada@example.org", "ada@example.org", "Ada Lovelace")).isPresent();
        assertThat(POLICY.problemWith("Ada Lovelace", "ada@example.org", "Ada Lovelace")).isPresent();
        assertThat(POLICY.problemWith("analytical engine notes", "ada@example.org", "Ada Lovelace")).isEmpty();
    }

    @Test
    void shipsAListOfOverTenThousandPasswords() {
        PasswordPolicy empty = new PasswordPolicy(java.util.Set.of());
        assertThat(empty.problemWith("password")).isEmpty();
        assertThat(POLICY.problemWith("sunshine")).isPresent();
    }
}
