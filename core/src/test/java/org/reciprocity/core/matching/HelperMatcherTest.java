package org.reciprocity.core.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HelperMatcherTest {

    final HelperMatcher matcher = new HelperMatcher(HelperMatcher.newIndex());

    @AfterEach
    void close() {
        matcher.index().close();
    }

    static HelperProfile profile(long id, String skill, String offer) {
        return new HelperProfile(id, List.of(skill), "Consultant", "", offer == null ? List.of() : List.of(offer), List.of());
    }

    @Test
    void findsHelpersByStemmedWordsAndSaysWhichSkillOrOfferMatched() {
        matcher.index().put(1, profile(1, "pitch decks", null).doc().fields());
        matcher.index().put(2, profile(2, "gardening", "pitch-deck feedback for founders").doc().fields());
        matcher.index().put(3, profile(3, "cooking", null).doc().fields());

        List<Suggestion> found = matcher.match("Feedback on my pitch deck?", 99, 10, ids -> Map.of(), id -> true);

        assertThat(found).extracting(Suggestion::id).containsExactlyInAnyOrder(1L, 2L);
        assertThat(found).filteredOn(s -> s.id() == 2).singleElement().satisfies(s ->
                assertThat(s.reasons()).contains("offers \u201cpitch-deck feedback for founders\u201d"));
        assertThat(found).filteredOn(s -> s.id() == 1).singleElement().satisfies(s ->
                assertThat(s.reasons()).contains("skills: pitch decks"));
    }

    @Test
    void neverSuggestsTheAskerOrAnyoneWhoCannotHelpNow() {
        for (long id = 1; id <= 5; id++) {
            matcher.index().put(id, profile(id, "java code review", null).doc().fields());
        }
        Map<Long, HelperSignals> signals = Map.of(
                2L, new HelperSignals(2, false, 0, null, 0, true, true, 0, 0, 0, 0),   // paused
                3L, new HelperSignals(3, false, 0, 4, 4, false, true, 0, 0, 0, 0),     // at capacity
                4L, new HelperSignals(4, false, 0, null, 0, false, false, 0, 0, 0, 0)); // blocked or suspended

        List<Suggestion> found = matcher.match("java review", 1, 10, ids -> signals, id -> true);

        assertThat(found).extracting(Suggestion::id).containsExactly(5L);
    }

    @Test
    void closenessReciprocityAndCapacityLiftAnEqualTextMatchAndAreExplained() {
        for (long id = 1; id <= 4; id++) {
            matcher.index().put(id, profile(id, "kubernetes", null).doc().fields());
        }
        Map<Long, HelperSignals> signals = Map.of(
                1L, HelperSignals.stranger(1),
                2L, new HelperSignals(2, false, 3, 5, 2, false, true, 0, 0, 0, 0),
                3L, new HelperSignals(3, true, 0, null, 0, false, true, 0, 2, 0, 0),
                4L, new HelperSignals(4, false, 0, null, 0, false, true, 0, 0, 1, 3));

        List<Suggestion> found = matcher.match("kubernetes", 99, 10, ids -> signals, id -> true);

        assertThat(found).extracting(Suggestion::id).containsExactly(3L, 2L, 1L, 4L);
        assertThat(found.get(0).reasons()).contains("one of your connections", "you helped this member twice");
        assertThat(found.get(1).reasons()).contains("2nd-degree: 3 connections in common",
                "has capacity left this month");
        assertThat(found.get(3).reasons()).contains("kept 1 of 4 pledges");
    }

    @Test
    void anIndexKeepsUpWithChangesAndRemovals() {
        matcher.index().put(1, profile(1, "python", null).doc().fields());
        assertThat(matcher.byTextOnly("python", 99, 5)).hasSize(1);
        matcher.index().put(1, profile(1, "rust", null).doc().fields());
        assertThat(matcher.byTextOnly("python", 99, 5)).isEmpty();
        matcher.index().remove(1);
        assertThat(matcher.byTextOnly("rust", 99, 5)).isEmpty();
        assertThat(matcher.index().size()).isZero();
    }

    @Test
    void aTextWithoutWordsFindsNobody() {
        matcher.index().put(1, profile(1, "python", null).doc().fields());
        assertThat(matcher.byTextOnly("the of and ...", 99, 5)).isEmpty();
    }
}
