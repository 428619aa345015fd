package org.reciprocity.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reciprocity.synthetic.CommunityGenerator;
import org.reciprocity.synthetic.SyntheticCommunity;

/**
 * How long the synthetic community takes to invent, per member, so that benchmarks at a million
 * members know their set-up cost. Run: {@code java -jar bench/target/benchmarks.jar CommunityGenerator}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CommunityGeneratorBenchmark {

    @Param({"1000", "100000"})
    int members;

    @Benchmark
    public SyntheticCommunity generate() {
        return new CommunityGenerator(42).generate(members);
    }
}
