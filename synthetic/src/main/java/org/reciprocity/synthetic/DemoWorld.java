package org.reciprocity.synthetic;

import java.util.List;
import java.util.Map;

/**
 * The demo community with its ledger: the generated members followed by the scenario personas,
 * their connections, and the favors between them. {@code personas} maps a persona's key to its
 * index in {@code members}.
 */
public record DemoWorld(List<SyntheticMember> members, List<SyntheticCommunity.Connection> connections,
                        List<SyntheticExchange> exchanges, Map<String, Integer> personas) {
}
