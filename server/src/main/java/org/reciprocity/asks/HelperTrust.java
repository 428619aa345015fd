package org.reciprocity.asks;

import java.util.Collection;
import java.util.Map;

/**
 * Members' trust as matching weighs it (T1 in A2): each member's score relative to the average member's, as the
 * last trust computation stored it; members without a stored score are absent. Implemented by {@code trust},
 * which itself reads pledges from here, so the dependency points this way round.
 */
public interface HelperTrust {

    Map<Long, Double> relativeTrustOf(Collection<Long> memberIds);
}
