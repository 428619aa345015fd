package org.reciprocity.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "give first" list (A2): open asks a member could help with, best first. Text relevance to what
 * the member can give comes first; asks from people close to them, from people who helped them, asks
 * nobody has pledged to yet and asks about to expire rise.
 */
public final class GiveFirst {

    private GiveFirst() {
    }

    /**
     * An ask the member might help with.
     *
     * @param matchedSkills     the member's skills or offers that share words with the ask
     * @param authorHelpedYou   favors the ask's author gave the member
     * @param activePledges     pledges already made to the ask
     * @param daysLeft          days until the ask expires, or null if it does not
     */
    public record Candidate(long postingId, double textScore, List<String> matchedSkills, boolean authorConnected,
                            int mutualConnections, int authorHelpedYou, int activePledges, Integer daysLeft) {}

    public static List<Suggestion> rank(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        double best = candidates.stream().mapToDouble(Candidate::textScore).max().orElse(1);
        List<Suggestion> ranked = new ArrayList<>();
        for (Candidate c : candidates) {
            List<String> reasons = new ArrayList<>();
            if (!c.matchedSkills().isEmpty()) {
                reasons.add("matches what you give: " + Words.firstFew(c.matchedSkills(), 3));
            }
            double bonus = 0;
            if (c.authorConnected()) {
                bonus += 0.30;
                reasons.add("from one of your connections");
            } else if (c.mutualConnections() > 0) {
                bonus += Math.min(0.20, 0.05 * c.mutualConnections());
                reasons.add("2nd-degree: " + Words.plural(c.mutualConnections(), "connection", "connections") + " in common");
            }
            if (c.authorHelpedYou() > 0) {
                bonus += Math.min(0.40, 0.15 * c.authorHelpedYou());
                reasons.add("has helped you " + Words.times(c.authorHelpedYou()) + ": a chance to give back");
            }
            if (c.activePledges() == 0) {
                bonus += 0.15;
                reasons.add("no one has pledged to help yet");
            }
            if (c.daysLeft() != null && c.daysLeft() <= 7) {
                bonus += 0.10;
                reasons.add(c.daysLeft() <= 0 ? "expires today" : "expires in " + Words.plural(c.daysLeft(), "day", "days"));
            }
            ranked.add(new Suggestion(c.postingId(), c.textScore() / best * (1 + bonus), reasons));
        }
        ranked.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparingLong(Suggestion::id));
        return ranked;
    }
}
