package org.reciprocity.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.reciprocity.core.ledger.Direction;
import org.reciprocity.core.ledger.Entry;
import org.reciprocity.core.ledger.EntryStatus;
import org.reciprocity.core.ledger.LedgerHealth;
import org.reciprocity.core.ledger.LedgerSettings;

/**
 * Balances and health flags (the ledger dashboard's data) against the naive baseline, measured in the
 * same run: one member with 10,000 exchanges, and every member of a community with 1,000,000.
 * Run: {@code java -jar bench/target/benchmarks.jar LedgerBenchmark}.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LedgerBenchmark {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final LedgerSettings SETTINGS = LedgerSettings.defaults();

    /** One busy member: 10,000 exchanges with 400 counterparts over three years. */
    @State(Scope.Benchmark)
    public static class OneMember {
        List<Entry> entries;

        @Setup(Level.Trial)
        public void generate() {
            entries = ledger(new Random(1), 10_000, 400, 0);
        }
    }

    /** A community: 1,000,000 exchanges among 20,000 members, grouped per member as the server loads them. */
    @State(Scope.Benchmark)
    public static class Community {
        List<List<Entry>> perMember;

        @Setup(Level.Trial)
        public void generate() {
            Random random = new Random(2);
            int members = 20_000;
            Map<Integer, List<Entry>> byMember = new HashMap<>();
            for (long id = 0; id < 1_000_000; id++) {
                int a = random.nextInt(members);
                int b = (a + 1 + random.nextInt(members - 1)) % members;
                Direction d = random.nextBoolean() ? Direction.GAVE : Direction.RECEIVED;
                int weight = 1 + random.nextInt(5);
                LocalDate on = TODAY.minusDays(random.nextInt(1100));
                EntryStatus status = random.nextInt(10) == 0 ? EntryStatus.PENDING : EntryStatus.CONFIRMED;
                boolean thanked = random.nextInt(3) != 0;
                byMember.computeIfAbsent(a, k -> new ArrayList<>())
                        .add(new Entry(id, "m" + b, d, weight, on, status, on, thanked, null));
                byMember.computeIfAbsent(b, k -> new ArrayList<>())
                        .add(new Entry(id, "m" + a, d.opposite(), weight, on, status, on, thanked, null));
            }
            perMember = new ArrayList<>(byMember.values());
        }
    }

    static List<Entry> ledger(Random random, int size, int counterparts, long firstId) {
        List<Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            LocalDate on = TODAY.minusDays(random.nextInt(1100));
            EntryStatus status = random.nextInt(10) == 0 ? EntryStatus.PENDING
                    : random.nextInt(8) == 0 ? EntryStatus.PRIVATE : EntryStatus.CONFIRMED;
            entries.add(new Entry(firstId + i, "m" + random.nextInt(counterparts),
                    random.nextBoolean() ? Direction.GAVE : Direction.RECEIVED, 1 + random.nextInt(5), on, status, on,
                    random.nextBoolean(), null));
        }
        return entries;
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public LedgerHealth oneMember(OneMember state) {
        return LedgerHealth.of(state.entries, 6, TODAY, SETTINGS);
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<NaiveLedger.Result> oneMemberNaive(OneMember state) {
        return NaiveLedger.summarize(state.entries, TODAY, SETTINGS);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void allMembers(Community state, Blackhole sink) {
        for (List<Entry> entries : state.perMember) {
            sink.consume(LedgerHealth.of(entries, null, TODAY, SETTINGS));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void allMembersNaive(Community state, Blackhole sink) {
        for (List<Entry> entries : state.perMember) {
            sink.consume(NaiveLedger.summarize(entries, TODAY, SETTINGS));
        }
    }
}
