package org.reciprocity.core.matching;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a member can give, as the matcher reads it: only what the community may see of their profile,
 * their open offers and the descriptions of favors they gave that were confirmed.
 */
public record HelperProfile(long memberId, List<String> skills, String headline, String bio, List<String> offers,
                            List<String> given) {

    public static final String SKILLS = "skills";
    public static final String OFFERS = "offers";
    public static final String HEADLINE = "headline";
    public static final String GIVEN = "given";
    public static final String BIO = "bio";

    /** Skills and offers say most about what someone can do, favors given prove it; a bio says something, loosely. */
    public static final Map<String, Integer> FIELD_WEIGHTS = Map.of(SKILLS, 3, OFFERS, 3, HEADLINE, 2, GIVEN, 2, BIO, 1);

    public HelperProfile {
        skills = List.copyOf(skills);
        offers = List.copyOf(offers);
        given = List.copyOf(given);
    }

    public TextIndex.Doc doc() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(SKILLS, skills);
        fields.put(OFFERS, offers);
        fields.put(HEADLINE, headline == null ? List.of() : List.of(headline));
        fields.put(GIVEN, given);
        fields.put(BIO, bio == null ? List.of() : List.of(bio));
        return new TextIndex.Doc(memberId, fields);
    }
}
