package org.reciprocity.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommunityGeneratorTest {

    @Test
    void sameSeedGivesTheSameCommunity() {
        assertThat(new CommunityGenerator(7).generate(300)).isEqualTo(new CommunityGenerator(7).generate(300));
        assertThat(new CommunityGenerator(7).generate(50)).isNotEqualTo(new CommunityGenerator(8).generate(50));
    }

    @Test
    void membersAreVariedAcrossIndustriesCulturesAndTimeZones() {
        SyntheticCommunity community = new CommunityGenerator(42).generate(240);
        assertThat(community.members()).hasSize(240);
        assertThat(community.members().stream().map(SyntheticMember::industry).distinct().count()).isGreaterThanOrEqualTo(10);
        assertThat(community.members().stream().map(SyntheticMember::culture).distinct().count()).isGreaterThanOrEqualTo(8);
        assertThat(community.members().stream().map(SyntheticMember::timeZone).distinct().count()).isGreaterThanOrEqualTo(12);
        assertThat(community.members().stream().flatMap(m -> m.skills().stream()).distinct().count()).isGreaterThan(60);
        assertThat(community.members()).allSatisfy(m -> {
            assertThat(m.skills()).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
            assertThat(m.interests()).isNotEmpty();
            assertThat(m.openTo()).isNotEmpty();
            assertThat(m.bio()).doesNotContain("%");
            assertThat(m.email()).matches("[a-z0-9.-]+@demo\\.reciprocity\\.test");
        });
    }

    @Test
    void emailsAreUniqueAndConnectionsAreDistinctPairs() {
        SyntheticCommunity community = new CommunityGenerator(1).generate(2000);
        assertThat(community.members().stream().map(SyntheticMember::email).distinct().count()).isEqualTo(2000);
        Set<String> pairs = new HashSet<>();
        for (SyntheticCommunity.Connection c : community.connections()) {
            assertThat(pairs.add(c.first() + "-" + c.second())).isTrue();
            assertThat(c.second()).isLessThan(2000);
        }
        assertThat(community.connections().size()).isBetween(2000 * 2, 2000 * 3);
    }
}
