package org.reciprocity.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibilityTest {

    @Test
    void anonymousViewerSeesOnlyPublicFields() {
        assertThat(Visibility.PUBLIC.isVisibleTo(Audience.ANONYMOUS)).isTrue();
        assertThat(Visibility.COMMUNITY.isVisibleTo(Audience.ANONYMOUS)).isFalse();
        assertThat(Visibility.CONNECTIONS.isVisibleTo(Audience.ANONYMOUS)).isFalse();
        assertThat(Visibility.PRIVATE.isVisibleTo(Audience.ANONYMOUS)).isFalse();
    }

    @Test
    void memberSeesPublicAndCommunityButNotConnectionsOrPrivate() {
        assertThat(Visibility.COMMUNITY.isVisibleTo(Audience.MEMBER)).isTrue();
        assertThat(Visibility.CONNECTIONS.isVisibleTo(Audience.MEMBER)).isFalse();
        assertThat(Visibility.PRIVATE.isVisibleTo(Audience.MEMBER)).isFalse();
    }

    @Test
    void connectionSeesConnectionsFieldsButNotPrivate() {
        assertThat(Visibility.CONNECTIONS.isVisibleTo(Audience.CONNECTION)).isTrue();
        assertThat(Visibility.PRIVATE.isVisibleTo(Audience.CONNECTION)).isFalse();
    }

    @Test
    void ownerSeesEverything() {
        for (Visibility v : Visibility.values()) {
            assertThat(v.isVisibleTo(Audience.OWNER)).isTrue();
        }
    }

    @Test
    void audienceIsOwnerBeforeAnythingElse() {
        assertThat(Audience.of(true, true, false)).isEqualTo(Audience.OWNER);
        assertThat(Audience.of(false, false, true)).isEqualTo(Audience.ANONYMOUS);
        assertThat(Audience.of(true, false, true)).isEqualTo(Audience.CONNECTION);
        assertThat(Audience.of(true, false, false)).isEqualTo(Audience.MEMBER);
    }

    @Test
    void everyFieldIsFoundByItsApiName() {
        for (ProfileField f : ProfileField.values()) {
            assertThat(ProfileField.byApiName(f.apiName())).contains(f);
        }
        assertThat(ProfileField.byApiName("email")).isEmpty();
    }
}
