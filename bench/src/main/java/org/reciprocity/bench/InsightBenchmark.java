package org.reciprocity.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
import org.reciprocity.core.insight.CircledBack;
import org.reciprocity.core.insight.CommunityInsight;

/**
 * Issue 12's insight figures on the trust benchmark's community (1,000,000 members, 10,000,000 favors over two
 * years, the same generator and seed as {@link TrustBenchmark}):
 * <ul>
 *   <li>{@code communityInsight}: the dashboard's figures over the last year, time-respecting 3-cycles included
 *       (goal: under 5 minutes in the background);</li>
 *   <li>{@code circledBackFor100Members}: value that circled back for 100 members (a tenth of them among the most
 *       active), each from the neighbourhood the server reads (the four favor sets), so the time per member is a
 *       hundredth (goal: under 50 ms); {@code readNeighbourhoodsOf100Members} gathers the same neighbourhoods
 *       alone, the part a database does in the server.</li>
 * </ul>
 * Run: {@code java -jar bench/target/benchmarks.jar InsightBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g", "-Xms12g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InsightBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @State(Scope.Benchmark)
    public static class Community {
        @Param("1000000")
        int members;
        @Param("10000000")
        int favors;

        CommunityInsight.Builder insight;
        Map<Integer, List<CircledBack.Favor>> given = new HashMap<>();
        Map<Integer, List<CircledBack.Favor>> received = new HashMap<>();
        int[] sample;

        @Setup(Level.Trial)
        public void generate() {
            SplittableRandom random = new SplittableRandom(12);
            int[] numberOf = TrustBenchmark.shuffled(members, random);
            double[] cumulative = new double[members];
            double sum = 0;
            for (int m = 0; m < members; m++) {
                sum += Math.min(10_000, Math.pow(1 - random.nextDouble(), -1 / 1.5));
                cumulative[m] = sum;
            }
            insight = CommunityInsight.builder(members);
            int circle = 1000;
            for (int f = 0; f < favors; f++) {
                int giver = TrustBenchmark.pick(cumulative, random);
                int receiver;
                do {
                    receiver = random.nextInt(5) == 0 ? TrustBenchmark.pick(cumulative, random)
                            : Math.min(members - 1, giver / circle * circle + random.nextInt(circle));
                } while (receiver == giver);
                int weight = 1 + random.nextInt(5);
                LocalDate on = TODAY.minusDays(random.nextInt(730));
                int g = numberOf[giver];
                int r = numberOf[receiver];
                insight.favor(g, r, weight, on);
                if (!on.isBefore(TODAY.minusDays(365))) {
                    CircledBack.Favor favor = new CircledBack.Favor(f, g, r, weight, on);
                    given.computeIfAbsent(g, k -> new ArrayList<>()).add(favor);
                    received.computeIfAbsent(r, k -> new ArrayList<>()).add(favor);
                }
            }
            // ninety members at random and the ten who gave most in the year
            sample = new int[100];
            for (int i = 0; i < 90; i++) {
                sample[i] = random.nextInt(members);
            }
            int[] busiest = given.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).limit(10)
                    .mapToInt(Map.Entry::getKey).toArray();
            System.arraycopy(busiest, 0, sample, 90, busiest.length);
        }

        /** What the server's four queries read for one member: given and received, their receivers' gifts, their givers' gifts received. */
        List<CircledBack.Favor> neighbourhood(int member) {
            List<CircledBack.Favor> in = received.getOrDefault(member, List.of());
            if (in.isEmpty()) {
                return List.of();
            }
            Map<Long, CircledBack.Favor> all = new HashMap<>();
            List<CircledBack.Favor> out = given.getOrDefault(member, List.of());
            in.forEach(f -> all.putIfAbsent(f.id(), f));
            out.forEach(f -> all.putIfAbsent(f.id(), f));
            out.stream().map(CircledBack.Favor::receiver).distinct()
                    .forEach(b -> given.getOrDefault((int) (long) b, List.of()).forEach(f -> all.putIfAbsent(f.id(), f)));
            in.stream().map(CircledBack.Favor::giver).distinct()
                    .forEach(d -> received.getOrDefault((int) (long) d, List.of()).forEach(f -> all.putIfAbsent(f.id(), f)));
            return new ArrayList<>(all.values());
        }
    }

    @Benchmark
    public CommunityInsight.Insight communityInsight(Community c) {
        return c.insight.compute(TODAY.minusDays(365), TODAY);
    }

    @Benchmark
    public int circledBackFor100Members(Community c) {
        int chains = 0;
        for (int member : c.sample) {
            chains += CircledBack.best(member, c.neighbourhood(member), TODAY.minusDays(365), TODAY, 5).size();
        }
        return chains;
    }

    @Benchmark
    public int readNeighbourhoodsOf100Members(Community c) {
        int favors = 0;
        for (int member : c.sample) {
            favors += c.neighbourhood(member).size();
        }
        return favors;
    }
}
