package org.reciprocity.core.matching;

import java.util.List;

/** A member suggested for an ask (or an ask suggested to a member), with the reasons a person reads. */
public record Suggestion(long id, double score, List<String> reasons) {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
