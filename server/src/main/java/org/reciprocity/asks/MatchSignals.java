package org.reciprocity.asks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.matching.HelperSignals;
import org.reciprocity.ledger.GivingHistory;
import org.reciprocity.member.ProfileRows;
import org.reciprocity.member.ProfileRows.GivingCapacity;
import org.reciprocity.network.ConnectionRows;
import org.springframework.stereotype.Component;

/**
 * Gathers what matching weighs besides text, for many members at once, from the features that keep it:
 * connections, capacity and pause, favors given lately, favors between two members, kept and lapsed pledges, trust.
 */
@Component
class MatchSignals {

    private static final GivingCapacity UNSAID = new GivingCapacity(null, false);

    private final PledgeRows pledges;
    private final ConnectionRows connections;
    private final ProfileRows profiles;
    private final GivingHistory giving;
    private final HelperTrust trust;

    MatchSignals(PledgeRows pledges, ConnectionRows connections, ProfileRows profiles,
                 GivingHistory giving, HelperTrust trust) {
        this.trust = trust;
        this.pledges = pledges;
        this.connections = connections;
        this.profiles = profiles;
        this.giving = giving;
    }

    /** The signals of each candidate as seen from {@code asker}; {@code unavailable} are blocked either way. */
    Map<Long, HelperSignals> signals(long asker, List<Long> candidates, Set<Long> unavailable, LocalDate today) {
        Set<Long> mine = Set.copyOf(connections.of(asker));
        Map<Long, Integer> mutual = connections.mutualCounts(asker, candidates);
        Map<Long, GivingCapacity> capacity = profiles.givingCapacityOfActive(candidates);
        Map<Long, Integer> given = giving.givenSince(candidates, today.minusDays(30));
        Map<Long, int[]> between = giving.favorsWith(asker, candidates);
        Map<Long, PledgeRecord> records = pledges.records(candidates);
        Map<Long, Double> trusted = trust.relativeTrustOf(candidates);
        Map<Long, HelperSignals> signals = new HashMap<>();
        for (long c : candidates) {
            GivingCapacity cap = capacity.getOrDefault(c, UNSAID);
            boolean active = capacity.containsKey(c);
            int[] favors = between.getOrDefault(c, new int[2]);
            PledgeRecord record = records.getOrDefault(c, PledgeRecord.NONE);
            signals.put(c, new HelperSignals(c, mine.contains(c), mutual.getOrDefault(c, 0), cap.perMonth(), given.getOrDefault(c, 0),
                    cap.paused(), active && !unavailable.contains(c), favors[0], favors[1], record.kept(),
                    record.lapsed(), trusted.get(c)));
        }
        return signals;
    }

    /** Those of the members who can give now: active, not paused, and under the favors a month they offer. */
    Set<Long> ableToGive(Collection<Long> members, LocalDate today) {
        Map<Long, GivingCapacity> capacity = profiles.givingCapacityOfActive(members);
        Map<Long, Integer> given = giving.givenSince(members, today.minusDays(30));
        Set<Long> able = new HashSet<>();
        for (long id : members) {
            GivingCapacity c = capacity.get(id);
            if (c != null && !c.paused()
                    && (c.perMonth() == null || given.getOrDefault(id, 0) < c.perMonth())) {
                able.add(id);
            }
        }
        return able;
    }
}
