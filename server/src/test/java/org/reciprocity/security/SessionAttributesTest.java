package org.reciprocity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.convert.support.GenericConversionService;

class SessionAttributesTest {

    final GenericConversionService conversions = SessionAttributes.conversions(getClass().getClassLoader());

    @Test
    void aPrincipalSurvivesTheRoundTrip() {
        CurrentMember member = new CurrentMember(7, "p-7", "Ada", Role.MEMBER);
        byte[] bytes = conversions.convert(member, byte[].class);
        assertThat(conversions.convert(bytes, Object.class)).isEqualTo(member);
    }

    @Test
    void anAttributeOfAClassThatNoLongerExistsReadsAsAbsent() {
        byte[] bytes = conversions.convert(new HashMap<String, String>(), byte[].class);
        // the same stream naming a class this version does not have (same length, so the stream stays valid)
        String gone = new String(bytes, StandardCharsets.ISO_8859_1)
                .replace("java.util.HashMap", "java.util.HashMaX");
        assertThat(conversions.convert(gone.getBytes(StandardCharsets.ISO_8859_1), Object.class)).isNull();
        assertThat(conversions.convert(new byte[] {1, 2, 3}, Object.class)).isNull();
    }
}
