package org.reciprocity.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compressed, re-ordered engine computes what the formula says, checked against a dense, literal
 * implementation of it on random graphs.
 */
class TrustGraphTest {

    record Favor(int from, int to, double weight, boolean disputed) {}

    @Test
    void theEngineEqualsTheFormulaWrittenOutDensely() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 5 + random.nextInt(60);
            List<Favor> favors = randomFavors(random, n, n * (1 + random.nextInt(6)));
            int[] seeds = random.ints(1 + random.nextInt(3), 0, n).toArray();
            for (TrustSettings settings : List.of(TrustSettings.defaults(), TrustSettings.defaults().withEchoFree(false),
                    TrustSettings.defaults().withNewcomerPrior(0).withTeleport(0.15),
                    TrustSettings.plainPageRank(0.85, 1e-12, 1000))) {
                TrustScores engine = graph(n, favors, settings).trust(seeds, TrustGraph.Progress.NONE);
                double[] dense = dense(n, favors, seeds, settings);
                assertThat(engine.converged()).isTrue();
                for (int m = 0; m < n; m++) {
                    assertThat(engine.score(m)).as("member %d of %d, %s", m, n, settings).isCloseTo(dense[m], within(1e-6));
                }
                assertThat(Arrays.stream(engine.scores()).sum()).isCloseTo(1.0, within(1e-9));
            }
        }
    }

    @Test
    void aDisputeNeverRaisesTheClaimant() {
        Random random = new Random(11);
        int n = 200;
        List<Favor> favors = randomFavors(random, n, 1500);
        int[] seeds = {0, 1, 2};
        TrustScores before = graph(n, favors, TrustSettings.defaults()).trust(seeds, TrustGraph.Progress.NONE);
        for (int claimant = 10; claimant < 30; claimant++) {
            List<Favor> more = new ArrayList<>(favors);
            more.add(new Favor(claimant, (claimant * 7) % n == claimant ? 0 : (claimant * 7) % n, 3, true));
            TrustScores after = graph(n, more, TrustSettings.defaults()).trust(seeds, TrustGraph.Progress.NONE);
            assertThat(after.score(claimant)).isLessThanOrEqualTo(before.score(claimant) + 1e-12);
        }
    }

    @Test
    void theContributionsOfTheTrustersAddUpToEachNonSeedMembersTrust() {
        Random random = new Random(13);
        for (TrustSettings settings : List.of(TrustSettings.defaults(), TrustSettings.defaults().withEchoFree(false))) {
            int n = 300;
            List<Favor> favors = randomFavors(random, n, 2400);
            int[] seeds = {0, 1, 2};
            TrustGraph graph = graph(n, favors, settings);
            TrustScores scores = graph.trust(seeds, TrustGraph.Progress.NONE);
            for (int m = 3; m < n; m++) {
                double[] sum = {0};
                graph.forEachContribution(m, scores, (truster, amount) -> {
                    assertThat(amount).isPositive();
                    sum[0] += amount;
                });
                assertThat(sum[0]).as("member %d, %s", m, settings).isCloseTo(scores.score(m), within(1e-8));
            }
            double[] seedSum = {0};
            graph.forEachContribution(0, scores, (truster, amount) -> seedSum[0] += amount);
            assertThat(seedSum[0]).as("a seed holds more than it is passed").isLessThan(scores.score(0));
        }
    }

    @Test
    void withoutFavorsTheSeedsHoldEverything() {
        TrustScores scores = TrustGraph.builder(4).build(TrustSettings.defaults()).trust(new int[] {1, 3}, TrustGraph.Progress.NONE);
        assertThat(scores.scores()).containsExactly(0, 0.5, 0, 0.5);
        assertThat(scores.percentile(0)).isZero();
        assertThat(scores.percentile(1)).isEqualTo(50);
        assertThat(scores.relative(3)).isEqualTo(2);
    }

    @Test
    void badFavorsAreRefused() {
        TrustGraph.Builder builder = TrustGraph.builder(3);
        assertThatThrownBy(() -> builder.favor(0, 0, 1)).hasMessageContaining("themselves");
        assertThatThrownBy(() -> builder.favor(0, 3, 1)).hasMessageContaining("numbered 0 to 2");
        assertThatThrownBy(() -> builder.favor(0, 1, 0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> builder.favor(0, 1, Double.NaN)).hasMessageContaining("positive");
    }

    static List<Favor> randomFavors(Random random, int n, int count) {
        List<Favor> favors = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int from = random.nextInt(n);
            int to = random.nextInt(n - 1);
            to = to >= from ? to + 1 : to;
            favors.add(new Favor(from, to, 0.5 + 4 * random.nextDouble(), random.nextInt(8) == 0));
        }
        return favors;
    }

    static TrustGraph graph(int n, List<Favor> favors, TrustSettings settings) {
        TrustGraph.Builder builder = TrustGraph.builder(n);
        for (Favor f : favors) {
            if (f.disputed()) {
                builder.disputed(f.from(), f.to(), f.weight());
            } else {
                builder.favor(f.from(), f.to(), f.weight());
            }
        }
        return builder.build(settings);
    }

    /** The formula of TrustGraph and TrustSettings, as literally as it reads: a dense matrix, a plain loop. */
    static double[] dense(int n, List<Favor> favors, int[] seedList, TrustSettings settings) {
        double[][] confirmed = new double[n][n];
        double[][] disputed = new double[n][n];
        for (Favor f : favors) {
            // receiver trusts giver; a disputed claim lowers the counterpart's trust in the claimant
            if (f.disputed()) {
                disputed[f.to()][f.from()] += (float) f.weight();
            } else {
                confirmed[f.to()][f.from()] += (float) f.weight();
            }
        }
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double local = settings.logScaled()
                        ? Math.max(0, Math.min(settings.pairCap(), Math.log(1 + confirmed[i][j])) - Math.log(1 + disputed[i][j]))
                        : Math.max(0, confirmed[i][j] - disputed[i][j]);
                c[i][j] = local;
                sum += local;
            }
            for (int j = 0; j < n; j++) {
                c[i][j] = sum == 0 ? 0 : (float) (c[i][j] / (sum + settings.newcomerPrior()));
            }
        }
        boolean[] seed = new boolean[n];
        Arrays.stream(seedList).forEach(s -> seed[s] = true);
        int seeds = (int) Arrays.stream(seedList).distinct().count();
        double keep = 1 - settings.teleport();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = seed[i] ? 1.0 / seeds : 0;
        }
        for (int iteration = 0; iteration < 5000; iteration++) {
            double[] next = new double[n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    if (c[i][j] > 0) {
                        double from = settings.echoFree() ? t[i] - keep * c[j][i] * t[j] : t[i];
                        next[j] += keep * c[i][j] * Math.max(0, from);
                    }
                }
            }
            double rest = 1 - Arrays.stream(next).sum();
            for (int i = 0; i < n; i++) {
                next[i] += seed[i] ? rest / seeds : 0;
            }
            t = next;
        }
        return t;
    }
}
