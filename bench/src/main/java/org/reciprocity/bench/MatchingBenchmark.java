package org.reciprocity.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.reciprocity.core.matching.HelperMatcher;
import org.reciprocity.core.matching.HelperProfile;
import org.reciprocity.core.matching.HelperSignals;
import org.reciprocity.core.matching.Suggestion;
import org.reciprocity.core.matching.TextIndex;
import org.reciprocity.synthetic.MatchingFixture;

/**
 * Matching one ask (top 10 with reasons) over 1,000,000 synthetic member profiles: the Lucene BM25
 * index plus re-ranking, against a brute-force scan that scores every profile (pre-tokenized, so the
 * scan pays no text analysis) and re-ranks the same way. Latency percentiles come from JMH's sample
 * mode. Run: {@code java -jar bench/target/benchmarks.jar MatchingBenchmark} (about 6 minutes, most of
 * it building the index).
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx10g")
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 6)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchingBenchmark {

    static final int MEMBERS = Integer.getInteger("members", 1_000_000);

    @State(Scope.Benchmark)
    public static class Community {
        MatchingFixture fixture;
        HelperMatcher matcher;
        /** Per profile: its distinct terms and the summed field weight of each, for the brute-force scan. */
        Map<String, Integer> vocabulary = new HashMap<>();
        int[][] terms;
        float[][] weights;
        int next;

        @Setup(Level.Trial)
        public void build() {
            long start = System.nanoTime();
            fixture = MatchingFixture.generate(MEMBERS, 7);
            matcher = new HelperMatcher(HelperMatcher.newIndex());
            List<TextIndex.Doc> batch = new ArrayList<>(10_000);
            for (HelperProfile p : fixture.profiles()) {
                batch.add(p.doc());
                if (batch.size() == 10_000) {
                    matcher.index().putAll(batch);
                    batch.clear();
                }
            }
            matcher.index().putAll(batch);
            long indexed = System.nanoTime();
            terms = new int[MEMBERS][];
            weights = new float[MEMBERS][];
            TextIndex index = matcher.index();
            Map<String, Set<String>> analyzed = new HashMap<>();
            for (HelperProfile p : fixture.profiles()) {
                Map<Integer, Float> termWeights = new HashMap<>();
                p.doc().fields().forEach((field, values) -> {
                    float weight = HelperProfile.FIELD_WEIGHTS.get(field);
                    for (String value : values) {
                        for (String term : analyzed.computeIfAbsent(value, index::terms)) {
                            termWeights.merge(vocabulary.computeIfAbsent(term, t -> vocabulary.size()), weight, Float::sum);
                        }
                    }
                });
                int m = (int) p.memberId();
                terms[m] = termWeights.keySet().stream().mapToInt(Integer::intValue).toArray();
                weights[m] = new float[terms[m].length];
                for (int i = 0; i < terms[m].length; i++) {
                    weights[m][i] = termWeights.get(terms[m][i]);
                }
            }
            System.out.printf("%n%,d profiles: index built in %.1f s, scan tables in %.1f s, %d index docs%n", MEMBERS,
                    (indexed - start) / 1e9, (System.nanoTime() - indexed) / 1e9, matcher.index().size());
        }

        MatchingFixture.LabelledAsk nextAsk() {
            List<MatchingFixture.LabelledAsk> asks = fixture.asks();
            return asks.get(next++ % asks.size());
        }

        @TearDown(Level.Trial)
        public void close() {
            matcher.index().close();
        }
    }

    @Benchmark
    public List<Suggestion> luceneAndRerank(Community c) {
        MatchingFixture.LabelledAsk ask = c.nextAsk();
        return c.matcher.match(ask.text(), ask.askerId(), 10, c.fixture.signalsFrom(ask.askerId()), id -> true);
    }

    /** Scores every profile by the weighted words it shares with the ask, then re-ranks the best 200 the same way. */
    @Benchmark
    public List<Suggestion> bruteForceScan(Community c) {
        MatchingFixture.LabelledAsk ask = c.nextAsk();
        Set<String> words = c.matcher.index().terms(ask.text());
        int[] query = words.stream().map(c.vocabulary::get).filter(java.util.Objects::nonNull).mapToInt(Integer::intValue)
                .toArray();
        PriorityQueue<TextIndex.Hit> best = new PriorityQueue<>(Comparator.comparingDouble(TextIndex.Hit::score));
        for (int m = 0; m < c.terms.length; m++) {
            if (m == ask.askerId()) {
                continue;
            }
            float score = 0;
            int[] own = c.terms[m];
            for (int q : query) {
                for (int i = 0; i < own.length; i++) {
                    if (own[i] == q) {
                        score += c.weights[m][i];
                    }
                }
            }
            if (score > 0 && (best.size() < HelperMatcher.CANDIDATES || score > best.peek().score())) {
                best.add(new TextIndex.Hit(m, score));
                if (best.size() > HelperMatcher.CANDIDATES) {
                    best.poll();
                }
            }
        }
        List<TextIndex.Hit> hits = new ArrayList<>(best);
        hits.sort(Comparator.comparingDouble(TextIndex.Hit::score).reversed());
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<Long, HelperSignals> signals = c.fixture.signalsFrom(ask.askerId())
                .signalsFor(hits.stream().map(TextIndex.Hit::id).toList());
        List<Suggestion> ranked = HelperMatcher.rank(hits, signals);
        List<Suggestion> top = new ArrayList<>();
        for (Suggestion s : ranked.subList(0, Math.min(10, ranked.size()))) {
            List<String> reasons = new ArrayList<>(c.matcher.index().matchedValues(s.id(), ask.text()).keySet());
            reasons.addAll(s.reasons());
            top.add(new Suggestion(s.id(), s.score(), reasons));
        }
        return top;
    }
}
