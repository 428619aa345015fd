package org.reciprocity.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reciprocity.core.trust.TrustGraph;
import org.reciprocity.core.trust.TrustScores;
import org.reciprocity.core.trust.TrustSettings;

/**
 * Trust (issue 12's performance figures), all in one run so that the figures are ratios:
 * <ul>
 *   <li>{@code engineEndToEnd} against {@code jgraphtEndToEnd}: building the graph from the favors and
 *       scoring it with plain weighted PageRank (damping 0.85, uniform teleport, dangling mass spread
 *       uniformly) to the same tolerance: JGraphT stops when the largest change is below it, the engine when
 *       the L1 sum of the changes is, which is stricter. The set-up checks that the two answers agree.</li>
 *   <li>{@code engineTrust}: the same with the product's settings (seeded, echo-free, log-capped pairs).</li>
 *   <li>{@code engineIterations} against {@code streamSameBytes}: 20 iterations over a built graph, and a
 *       plain sequential read of as many bytes as those iterations read (the memory-streaming bound).</li>
 * </ul>
 * Favors come from a seeded generator: members' activity is skewed (Pareto, shape 1.5), four favors in five
 * stay within a circle of 1,000 members, the circles' members numbered at random.
 * Run: {@code java -jar bench/target/benchmarks.jar TrustBenchmark} (1,000,000 members, 10,000,000 favors;
 * {@code -p members=100000 -p favors=1000000} for a quick look).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx16g", "-Xms16g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrustBenchmark {

    static final double DAMPING = 0.85;
    static final double TOLERANCE = 1e-6;
    static final int ITERATIONS = 20;

    @State(Scope.Benchmark)
    public static class Favors {
        @Param("1000000")
        int members;
        @Param("10000000")
        int favors;

        int[] givers;
        int[] receivers;
        float[] weights;
        TrustGraph plain;
        /** The product's settings, stopping after exactly {@link #ITERATIONS} iterations. */
        TrustGraph productFixed;
        int[] seeds;
        long[] stream;

        @Setup(Level.Trial)
        public void generate() {
            SplittableRandom random = new SplittableRandom(12);
            int[] numberOf = shuffled(members, random);
            double[] cumulative = new double[members];
            double sum = 0;
            for (int m = 0; m < members; m++) {
                sum += Math.min(10_000, Math.pow(1 - random.nextDouble(), -1 / 1.5));
                cumulative[m] = sum;
            }
            givers = new int[favors];
            receivers = new int[favors];
            weights = new float[favors];
            int circle = 1000;
            for (int f = 0; f < favors; f++) {
                int giver = pick(cumulative, random);
                int receiver;
                do {
                    receiver = random.nextInt(5) == 0 ? pick(cumulative, random)
                            : Math.min(members - 1, giver / circle * circle + random.nextInt(circle));
                } while (receiver == giver);
                givers[f] = numberOf[giver];
                receivers[f] = numberOf[receiver];
                weights[f] = (float) ((1 + random.nextInt(5)) * Math.pow(0.5, random.nextInt(730) / 365.0));
            }
            plain = build(this, TrustSettings.plainPageRank(DAMPING, TOLERANCE, 1000));
            TrustSettings d = TrustSettings.defaults();
            productFixed = build(this, new TrustSettings(d.teleport(), d.newcomerPrior(), d.pairCap(), d.echoFree(),
                    Double.MIN_VALUE, ITERATIONS));
            seeds = random.ints(members / 100, 0, members).toArray();
            // what one iteration reads: column starts, trusters, shares and echo shares, the scores once
            long bytes = 4L * (members + 1) + 12L * productFixed.pairs() + 8L * members;
            stream = new long[(int) Math.min(Integer.MAX_VALUE - 8, bytes * ITERATIONS / 8)];
            for (int i = 0; i < stream.length; i++) {
                stream[i] = i;
            }
            check(this);
        }
    }

    @Benchmark
    public TrustScores engineEndToEnd(Favors f) {
        return build(f, TrustSettings.plainPageRank(DAMPING, TOLERANCE, 1000)).trust(new int[0], TrustGraph.Progress.NONE);
    }

    @Benchmark
    public TrustScores engineTrust(Favors f) {
        return build(f, TrustSettings.defaults()).trust(f.seeds, TrustGraph.Progress.NONE);
    }

    @Benchmark
    public java.util.Map<Integer, Double> jgraphtEndToEnd(Favors f) {
        return new PageRank<>(jgrapht(f), DAMPING, 1000, TOLERANCE).getScores();
    }

    @Benchmark
    public TrustScores engineIterations(Favors f) {
        return f.productFixed.trust(f.seeds, TrustGraph.Progress.NONE);
    }

    @Benchmark
    public long streamSameBytes(Favors f) {
        long sum = 0;
        for (long value : f.stream) {
            sum += value;
        }
        return sum;
    }

    static TrustGraph build(Favors f, TrustSettings settings) {
        TrustGraph.Builder builder = TrustGraph.builder(f.members, f.favors);
        for (int e = 0; e < f.favors; e++) {
            builder.favor(f.givers[e], f.receivers[e], f.weights[e]);
        }
        return builder.build(settings);
    }

    /** Trust flows from the receiver of a favor to its giver; a pair's favors are one edge of their summed weight. */
    static Graph<Integer, DefaultWeightedEdge> jgrapht(Favors f) {
        Graph<Integer, DefaultWeightedEdge> graph = GraphTypeBuilder.<Integer, DefaultWeightedEdge>directed()
                .weighted(true).allowingMultipleEdges(false).allowingSelfLoops(false)
                .edgeClass(DefaultWeightedEdge.class).buildGraph();
        for (int m = 0; m < f.members; m++) {
            graph.addVertex(m);
        }
        for (int e = 0; e < f.favors; e++) {
            DefaultWeightedEdge edge = graph.getEdge(f.receivers[e], f.givers[e]);
            if (edge == null) {
                graph.setEdgeWeight(graph.addEdge(f.receivers[e], f.givers[e]), f.weights[e]);
            } else {
                graph.setEdgeWeight(edge, graph.getEdgeWeight(edge) + f.weights[e]);
            }
        }
        return graph;
    }

    /** The engine in plain mode and JGraphT agree, or the benchmark measures nothing worth comparing. */
    static void check(Favors f) {
        TrustScores engine = f.plain.trust(new int[0], TrustGraph.Progress.NONE);
        java.util.Map<Integer, Double> library = new PageRank<>(jgrapht(f), DAMPING, 1000, TOLERANCE / 100).getScores();
        double l1 = 0;
        for (int m = 0; m < f.members; m++) {
            l1 += Math.abs(engine.score(m) - library.get(m));
        }
        System.out.printf("%nTrustBenchmark check: L1 distance between the engine's and JGraphT's PageRank %.2e "
                + "(%d iterations for the engine)%n", l1, engine.iterations());
        if (!(l1 < 1e-4)) {
            throw new IllegalStateException("the engine and JGraphT disagree: L1 " + l1);
        }
    }

    static int pick(double[] cumulative, SplittableRandom random) {
        double at = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = java.util.Arrays.binarySearch(cumulative, at);
        return Math.min(cumulative.length - 1, found >= 0 ? found : -found - 1);
    }

    static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
