package org.reciprocity.member;

import org.springframework.stereotype.Component;

/** "Complete your profile": a headline and at least one skill, what matching and the directory read. */
@Component
class ProfileStep implements OnboardingStep {

    private final ProfileRows profiles;

    ProfileStep(ProfileRows profiles) {
        this.profiles = profiles;
    }

    @Override
    public Step of(long memberId) {
        Profile p = profiles.of(memberId);
        return new Step(1, "Complete your profile", "People who could help you, and people you could help, find you by "
                + "your headline and skills.", "/profile/edit", p.headline() != null && !p.skills().isEmpty());
    }
}
