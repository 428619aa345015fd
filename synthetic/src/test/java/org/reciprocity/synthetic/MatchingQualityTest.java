package org.reciprocity.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.matching.HelperMatcher;
import org.reciprocity.core.matching.HelperProfile;
import org.reciprocity.core.matching.Suggestion;

/**
 * Precision@5 and nDCG@10 of the matcher against BM25 alone, over the labelled asks of
 * {@link MatchingFixture}. Run with {@code ./mvnw -pl core test -Dtest=MatchingQualityTest}; the
 * figures are printed.
 */
class MatchingQualityTest {

    static MatchingFixture fixture;
    static HelperMatcher matcher;

    @BeforeAll
    static void index() {
        fixture = MatchingFixture.generate(3_000, 42);
        matcher = new HelperMatcher(HelperMatcher.newIndex());
        matcher.index().putAll(fixture.profiles().stream().map(HelperProfile::doc).toList());
    }

    @AfterAll
    static void close() {
        matcher.index().close();
    }

    record Quality(double precisionAt5, double ndcgAt10) {}

    @Test
    void theMatcherBeatsBm25AloneAndTrustImprovesIt() {
        List<MatchingFixture.LabelledAsk> asks = fixture.asks();
        assertThat(asks).hasSizeGreaterThanOrEqualTo(40);
        Quality baseline = measure(asks, ask -> matcher.byTextOnly(ask.text(), ask.askerId(), 10));
        Quality withoutTrust = measure(asks, ask -> matcher.match(ask.text(), ask.askerId(), 10,
                fixture.signalsFrom(ask.askerId(), false), id -> true));
        Quality full = measure(asks, ask -> matcher.match(ask.text(), ask.askerId(), 10,
                fixture.signalsFrom(ask.askerId()), id -> true));
        long pretenders = fixture.profiles().stream().filter(p -> fixture.isPretender(p.memberId())).count();
        System.out.printf("Matching quality over %d labelled asks, %d members (%d pretenders), the same run:%n", asks.size(),
                fixture.profiles().size(), pretenders);
        System.out.printf("  BM25 only              : precision@5 %.3f, nDCG@10 %.3f%n", baseline.precisionAt5(), baseline.ndcgAt10());
        System.out.printf("  matcher without trust  : precision@5 %.3f, nDCG@10 %.3f%n", withoutTrust.precisionAt5(),
                withoutTrust.ndcgAt10());
        System.out.printf("  matcher with trust     : precision@5 %.3f, nDCG@10 %.3f%n", full.precisionAt5(), full.ndcgAt10());
        assertThat(withoutTrust.precisionAt5()).isGreaterThan(baseline.precisionAt5());
        assertThat(withoutTrust.ndcgAt10()).isGreaterThan(baseline.ndcgAt10());
        assertThat(full.precisionAt5()).isGreaterThan(withoutTrust.precisionAt5());
        assertThat(full.ndcgAt10()).isGreaterThan(withoutTrust.ndcgAt10());
    }

    @Test
    void everySuggestionSaysWhy() {
        MatchingFixture.LabelledAsk ask = fixture.asks().get(0);
        List<Suggestion> top = matcher.match(ask.text(), ask.askerId(), 10, fixture.signalsFrom(ask.askerId()), id -> true);
        assertThat(top).hasSize(10).allSatisfy(s -> assertThat(s.reasons()).isNotEmpty());
        assertThat(top).allSatisfy(s -> assertThat(fixture.signals(ask.askerId(), s.id()).canHelpNow()).isTrue());
    }

    interface Ranker {
        List<Suggestion> rank(MatchingFixture.LabelledAsk ask);
    }

    static Quality measure(List<MatchingFixture.LabelledAsk> asks, Ranker ranker) {
        double precision = 0;
        double ndcg = 0;
        for (MatchingFixture.LabelledAsk ask : asks) {
            List<Suggestion> ranked = ranker.rank(ask);
            long relevantInTop5 = ranked.stream().limit(5).filter(s -> fixture.grade(ask, s.id()) > 0).count();
            precision += relevantInTop5 / 5.0;
            double dcg = 0;
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                dcg += gain(fixture.grade(ask, ranked.get(i).id()), i);
            }
            int[] ideal = Arrays.stream(fixture.grades(ask)).boxed().sorted((a, b) -> b - a).mapToInt(Integer::intValue)
                    .limit(10).toArray();
            double idcg = 0;
            for (int i = 0; i < ideal.length; i++) {
                idcg += gain(ideal[i], i);
            }
            ndcg += idcg == 0 ? 0 : dcg / idcg;
        }
        return new Quality(precision / asks.size(), ndcg / asks.size());
    }

    static double gain(int grade, int rank) {
        return (Math.pow(2, grade) - 1) / (Math.log(rank + 2) / Math.log(2));
    }
}
