package org.reciprocity.synthetic;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo community with its ledger: the generated members followed by the scenario personas,
 * their connections, and the favors between them. {@code personas} maps a persona's key to its
 * index in {@code members}.
 */
public record DemoWorld(List<SyntheticMember> members, List<SyntheticCommunity.Connection> connections,
                        List<SyntheticExchange> exchanges, Map<String, Integer> personas) {

    /**
     * The seed set an admin would choose: the {@code count} members, none of them a scenario persona, whom
     * the most people confirmed favors from, so that trust reaches the community through those they vouch
     * for (a member passes trust on to the people who helped them).
     */
    public List<Integer> vettedMembers(int count) {
        Set<Integer> personaIndexes = Set.copyOf(personas.values());
        Map<Integer, Set<Integer>> helpersOf = new HashMap<>();
        for (SyntheticExchange e : exchanges) {
            if (e.outcome() == SyntheticExchange.Outcome.CONFIRMED) {
                helpersOf.computeIfAbsent(e.receiver(), k -> new HashSet<>()).add(e.giver());
            }
        }
        return helpersOf.entrySet().stream().filter(e -> !personaIndexes.contains(e.getKey()))
                .sorted(Map.Entry.<Integer, Set<Integer>>comparingByValue(Comparator.comparingInt(Set::size)).reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(count).map(Map.Entry::getKey).toList();
    }
}
