package org.reciprocity.network;

import org.reciprocity.member.OnboardingStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The checklist's network steps: bring in your contacts, connect with three members. */
@Configuration(proxyBeanMethods = false)
class NetworkSteps {

    static final int CONNECTIONS_TO_START = 3;

    @Bean
    OnboardingStep importContactsStep(ContactRows contacts) {
        return memberId -> new OnboardingStep.Step(2, "Import your contacts",
                "Your LinkedIn connections or address book, so favors with people outside the community count too; "
                        + "nobody else sees them.", "/contacts/import", contacts.any(memberId));
    }

    @Bean
    OnboardingStep connectStep(ConnectionRows connections) {
        return memberId -> {
            int count = connections.of(memberId).size();
            return new OnboardingStep.Step(3, "Connect with " + CONNECTIONS_TO_START + " people"
                    + (count > 0 && count < CONNECTIONS_TO_START ? " (" + count + " so far)" : ""),
                    "Connections see more of your profile, and you can introduce them to each other.", "/members",
                    count >= CONNECTIONS_TO_START);
        };
    }
}
