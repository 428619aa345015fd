package org.reciprocity.core.trust;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A seeded synthetic community for the gaming tests: honest members whose activity is skewed (a few give
 * and receive a lot, most a little, about ten favors each on average, every member at least one given and
 * one received), one in a hundred vetted, chosen among the active as an admin would; attackers are added
 * after them.
 */
final class TrustWorld {

    final int honest;
    final Random random;
    final List<TrustGraphTest.Favor> favors = new ArrayList<>();
    final int[] vetted;
    private final double[] cumulativeActivity;
    private int members;

    TrustWorld(int honest, long seed) {
        this.honest = honest;
        this.members = honest;
        this.random = new Random(seed);
        double[] activity = new double[honest];
        for (int m = 0; m < honest; m++) {
            // Pareto with shape 1.5: mean 3, a long tail, capped so that no one member is half the graph
            activity[m] = Math.min(300, Math.pow(1 - random.nextDouble(), -1 / 1.5));
        }
        cumulativeActivity = new double[honest];
        double sum = 0;
        for (int m = 0; m < honest; m++) {
            sum += activity[m];
            cumulativeActivity[m] = sum;
        }
        for (int m = 0; m < honest; m++) {
            favor(m, otherThan(m));
            favor(otherThan(m), m);
        }
        for (int k = 0; k < honest * 3; k++) {
            int giver = byActivity();
            favor(giver, otherThan(giver));
        }
        vetted = IntStream.generate(this::byActivity).distinct().limit(Math.max(1, honest / 100)).toArray();
    }

    /** A favor with a weight of 1 to 5, decayed by an age of up to two years (half-life 365 days). */
    void favor(int giver, int receiver) {
        favors.add(new TrustGraphTest.Favor(giver, receiver, weight(), false));
    }

    void favor(int giver, int receiver, double weight) {
        favors.add(new TrustGraphTest.Favor(giver, receiver, weight, false));
    }

    void disputed(int claimant, int counterpart, double weight) {
        favors.add(new TrustGraphTest.Favor(claimant, counterpart, weight, true));
    }

    /** A new member, outside the honest community; returns its number. */
    int join() {
        return members++;
    }

    int members() {
        return members;
    }

    double weight() {
        return (1 + random.nextInt(5)) * Math.pow(0.5, random.nextInt(730) / 365.0);
    }

    TrustScores scores() {
        return scores(TrustSettings.defaults());
    }

    TrustScores scores(TrustSettings settings) {
        return TrustGraphTest.graph(members, favors, settings).trust(vetted, TrustGraph.Progress.NONE);
    }

    /** A copy of this world, to which an attack is added without changing this one. */
    TrustWorld copy() {
        return new TrustWorld(this);
    }

    private TrustWorld(TrustWorld other) {
        this.honest = other.honest;
        this.random = new Random(other.random.nextLong());
        this.favors.addAll(other.favors);
        this.vetted = other.vetted;
        this.cumulativeActivity = other.cumulativeActivity;
        this.members = other.members;
    }

    boolean isVetted(int member) {
        return Arrays.stream(vetted).anyMatch(v -> v == member);
    }

    int byActivity() {
        double at = random.nextDouble() * cumulativeActivity[honest - 1];
        int found = Arrays.binarySearch(cumulativeActivity, at);
        return Math.min(honest - 1, found >= 0 ? found : -found - 1);
    }

    int otherThan(int member) {
        while (true) {
            int other = byActivity();
            if (other != member) {
                return other;
            }
        }
    }
}
