package org.reciprocity.core.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Who could help with an ask (A2): BM25 finds the members whose skills, offers, headline, given favors
 * and bio share words with the ask; this class then re-ranks those candidates by what a person would
 * weigh — closeness in the network, capacity, reciprocity with the asker, kept pledges and trust — drops
 * everyone who cannot help now (E3), and says why for each one.
 */
public final class HelperMatcher {

    /**
     * How many text candidates are re-ranked; the rest are too weak a text match to matter. Each one costs
     * its signals in the database; MatchingQualityTest's nDCG@10 is 0.953 at 50 against 0.957 at 100.
     */
    public static final int CANDIDATES = 50;

    /**
     * The most trust adds to a helper's bonus (T1 in A2): trust t (1 = average) adds TRUST_WEIGHT · t / (t + 1).
     * MatchingQualityTest reports the matcher with and without it.
     */
    public static final double TRUST_WEIGHT = 0.30;

    /** Looks up the signals of many candidates at once (one round trip for a database). */
    @FunctionalInterface
    public interface SignalSource {
        Map<Long, HelperSignals> signalsFor(List<Long> memberIds);
    }

    private final TextIndex index;

    public HelperMatcher(TextIndex index) {
        this.index = index;
    }

    public static TextIndex newIndex() {
        return new TextIndex(HelperProfile.FIELD_WEIGHTS);
    }

    /** A helper index in the directory (on disk, say), opened with what it holds. */
    public static TextIndex newIndex(org.apache.lucene.store.Directory directory) {
        return new TextIndex(HelperProfile.FIELD_WEIGHTS, directory);
    }

    public TextIndex index() {
        return index;
    }

    /** The baseline: members by BM25 alone, the asker excluded. */
    public List<Suggestion> byTextOnly(String askText, long askerId, int limit) {
        return index.search(askText, limit, id -> id != askerId).stream()
                .map(hit -> new Suggestion(hit.id(), hit.score(), textReasons(hit.id(), askText)))
                .toList();
    }

    /** The best {@code limit} helpers for the ask, best first, each with reasons. */
    public List<Suggestion> match(String askText, long askerId, int limit, SignalSource signals, LongPredicate allowed) {
        List<TextIndex.Hit> hits = index.search(askText, CANDIDATES, id -> id != askerId && allowed.test(id));
        if (hits.isEmpty()) {
            return List.of();
        }
        Map<Long, HelperSignals> known = signals.signalsFor(hits.stream().map(TextIndex.Hit::id).toList());
        List<Suggestion> ranked = rank(hits, known);
        List<Suggestion> top = new ArrayList<>();
        for (Suggestion s : ranked.subList(0, Math.min(limit, ranked.size()))) {
            List<String> reasons = new ArrayList<>(textReasons(s.id(), askText));
            reasons.addAll(s.reasons());
            top.add(new Suggestion(s.id(), s.score(), reasons));
        }
        return top;
    }

    /**
     * Re-ranks text hits: the text score, relative to the best hit, times one plus the bonuses of
     * closeness, reciprocity and capacity, less a penalty for lapsed pledges. Members who cannot help
     * now are dropped. Signal reasons only; text reasons are added for the few that are shown.
     */
    public static List<Suggestion> rank(List<TextIndex.Hit> hits, Map<Long, HelperSignals> known) {
        float best = hits.get(0).score();
        List<Suggestion> ranked = new ArrayList<>();
        for (TextIndex.Hit hit : hits) {
            HelperSignals s = known.getOrDefault(hit.id(), HelperSignals.stranger(hit.id()));
            if (!s.canHelpNow()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            double bonus = 0;
            if (s.connected()) {
                bonus += 0.30;
                reasons.add("one of your connections");
            } else if (s.mutualConnections() > 0) {
                bonus += Math.min(0.25, 0.06 * s.mutualConnections());
                reasons.add("2nd-degree: " + Words.plural(s.mutualConnections(), "connection", "connections") + " in common");
            }
            if (s.helpedByAsker() > 0) {
                bonus += Math.min(0.30, 0.10 * s.helpedByAsker());
                reasons.add("you helped this member " + Words.times(s.helpedByAsker()));
            }
            if (s.helpedAsker() > 0) {
                bonus += Math.min(0.15, 0.05 * s.helpedAsker());
                reasons.add("has helped you " + Words.times(s.helpedAsker()) + " before");
            }
            if (s.capacityPerMonth() != null) {
                bonus += 0.05;
                reasons.add("has capacity left this month");
            }
            if (s.trust() != null && s.trust() > 0) {
                // trust raises a helper, by at most TRUST_WEIGHT; none takes nothing away, so a newcomer is not
                // pushed down, only not pulled up
                bonus += TRUST_WEIGHT * s.trust() / (s.trust() + 1);
                reasons.add(s.trust() >= 1
                        ? "trusted by the people they helped: " + Words.multiple(s.trust()) + " the average member"
                        : "trusted by the people they helped");
            }
            int pledges = s.pledgesKept() + s.pledgesLapsed();
            if (pledges > 0) {
                bonus -= 0.40 * s.pledgesLapsed() / pledges;
                reasons.add("kept " + s.pledgesKept() + " of " + Words.plural(pledges, "pledge", "pledges"));
            }
            double score = hit.score() / best * Math.max(0.1, 1 + bonus);
            ranked.add(new Suggestion(hit.id(), score, reasons));
        }
        ranked.sort(Comparator.comparingDouble(Suggestion::score).reversed().thenComparingLong(Suggestion::id));
        return ranked;
    }

    /** Why the text matched, in words quoted from what the helper shows the community. */
    List<String> textReasons(long memberId, String askText) {
        Map<String, List<String>> matched = index.matchedValues(memberId, askText);
        List<String> reasons = new ArrayList<>();
        List<String> offers = matched.getOrDefault(HelperProfile.OFFERS, List.of());
        if (!offers.isEmpty()) {
            reasons.add("offers " + Words.quoted(offers.get(0), 80));
        }
        List<String> skills = matched.getOrDefault(HelperProfile.SKILLS, List.of());
        if (!skills.isEmpty()) {
            reasons.add("skills: " + Words.firstFew(skills, 3));
        }
        List<String> given = matched.getOrDefault(HelperProfile.GIVEN, List.of());
        if (!given.isEmpty()) {
            reasons.add("has given similar help " + Words.times(given.size()));
        }
        if (reasons.isEmpty() && matched.containsKey(HelperProfile.HEADLINE)) {
            reasons.add("headline: " + Words.quoted(matched.get(HelperProfile.HEADLINE).get(0), 80));
        }
        if (reasons.isEmpty() && matched.containsKey(HelperProfile.BIO)) {
            reasons.add("their profile mentions it");
        }
        return reasons;
    }
}
