package org.reciprocity.core.trust;

/**
 * How trust is computed from confirmed favors (T1, T3).
 *
 * @param teleport the share of every member's trust that each step returns to the seed set, as PageRank's
 *     teleport does: the higher it is, the less a group that only a few favors join to the community can
 *     keep of the trust that enters it (a group joined by k favors holds at most about {@code k / teleport}
 *     times what one such favor carries); default 0.3
 * @param newcomerPrior added to the sum of a member's local trust before it is shared out, the rest going
 *     to the seed set: someone who received one favor does not pass all of their standing to its giver,
 *     so an account that befriends a few newcomers gains little; default 2.0, about two favors' worth
 * @param pairCap the most one pair's confirmed favors count for once log-scaled ({@code min(cap, ln(1 + w))}
 *     of their decayed weight {@code w}): a pair repeating favors cannot dominate; default ln(1 + 8). Zero
 *     or less: the pair's weight as it is, as plain PageRank reads an edge
 * @param echoFree whether the trust a member passes to another leaves out what that other passed to them
 *     the step before: without it, two accounts confirming favors to each other, or a member and his sock
 *     puppets, would raise each other on their own trust echoed back; default true
 * @param tolerance iterations stop once the L1 sum of the changes of one iteration is below this (scores sum
 *     to 1, so at a million members they average 1e-6 and a largest-change test would stop far too early);
 *     default 1e-9
 * @param maxIterations a bound, should the scores not settle; default 300
 */
public record TrustSettings(double teleport, double newcomerPrior, double pairCap, boolean echoFree, double tolerance,
                            int maxIterations) {

    public TrustSettings {
        if (!(teleport > 0 && teleport < 1)) {
            throw new IllegalArgumentException("teleport must be between 0 and 1, not " + teleport);
        }
        if (!(newcomerPrior >= 0) || !(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("newcomerPrior >= 0, tolerance > 0, maxIterations >= 1");
        }
    }

    public static TrustSettings defaults() {
        return new TrustSettings(0.3, 2.0, Math.log1p(8), true, 1e-9, 300);
    }

    /** Whether a pair's favors are log-scaled and capped ({@link #pairCap} above zero). */
    public boolean logScaled() {
        return pairCap > 0;
    }

    /**
     * Plain weighted PageRank: no prior, raw pair weights, no echo removal. With every member as the
     * seed set it is what a graph library's PageRank computes, which is how the benchmark checks the engine
     * against one.
     */
    public static TrustSettings plainPageRank(double damping, double tolerance, int maxIterations) {
        return new TrustSettings(1 - damping, 0, 0, false, tolerance, maxIterations);
    }

    public TrustSettings withTeleport(double value) {
        return new TrustSettings(value, newcomerPrior, pairCap, echoFree, tolerance, maxIterations);
    }

    public TrustSettings withNewcomerPrior(double value) {
        return new TrustSettings(teleport, value, pairCap, echoFree, tolerance, maxIterations);
    }

    public TrustSettings withEchoFree(boolean value) {
        return new TrustSettings(teleport, newcomerPrior, pairCap, value, tolerance, maxIterations);
    }
}
