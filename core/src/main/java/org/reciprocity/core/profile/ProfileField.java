package org.reciprocity.core.profile;

import java.util.Arrays;
import java.util.Optional;

/**
 * The fields of a profile that carry their own visibility, with the name they have in the API
 * and the visibility a new member starts with. Defaults lean to the community: the profile exists
 * to be found by people who can help, but location, time zone and capacity are personal.
 */
public enum ProfileField {
    HEADLINE("headline", Visibility.PUBLIC),
    BIO("bio", Visibility.COMMUNITY),
    SKILLS("skills", Visibility.COMMUNITY),
    INTERESTS("interests", Visibility.COMMUNITY),
    INDUSTRY("industry", Visibility.COMMUNITY),
    LOCATION("location", Visibility.CONNECTIONS),
    TIME_ZONE("timeZone", Visibility.CONNECTIONS),
    CULTURE("culture", Visibility.COMMUNITY),
    LANGUAGES("languages", Visibility.COMMUNITY),
    OPEN_TO("openTo", Visibility.COMMUNITY),
    CAPACITY("capacityPerMonth", Visibility.PRIVATE),
    GIVING_PAUSED("givingPaused", Visibility.COMMUNITY),
    /** Trust and the reputation signals (T1, T2): a value computed by the community, not written by the member. */
    REPUTATION("reputation", Visibility.COMMUNITY);

    private final String apiName;
    private final Visibility defaultVisibility;

    ProfileField(String apiName, Visibility defaultVisibility) {
        this.apiName = apiName;
        this.defaultVisibility = defaultVisibility;
    }

    public String apiName() {
        return apiName;
    }

    public Visibility defaultVisibility() {
        return defaultVisibility;
    }

    public static Optional<ProfileField> byApiName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst();
    }
}
