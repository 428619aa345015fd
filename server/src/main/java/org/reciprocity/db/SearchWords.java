package org.reciprocity.db;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The words of a search box, for SQL {@code like} conditions that every word must meet: lower-cased, at most
 * {@link #MAX_WORDS} of them (a pasted paragraph cannot make a query slow), each wrapped as a
 * {@code %word%} pattern with the wildcards it contains escaped by {@link #ESCAPE}.
 */
public record SearchWords(List<String> words) {

    public static final int MAX_WORDS = 6;
    static final int MAX_WORD = 80;
    /** Append after each {@code like :param}: {@code !} escapes the wildcards in both H2 and PostgreSQL. */
    public static final String ESCAPE = " escape '!'";

    public static SearchWords of(String text) {
        if (text == null || text.isBlank()) {
            return new SearchWords(List.of());
        }
        return new SearchWords(Arrays.stream(text.toLowerCase(Locale.ROOT).strip().split("\\s+"))
                .filter(w -> !w.isEmpty()).map(w -> w.length() > MAX_WORD ? w.substring(0, MAX_WORD) : w)
                .distinct().limit(MAX_WORDS).toList());
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** The {@code like} pattern of word {@code i}: anywhere in the value. */
    public String pattern(int i) {
        return "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Whether every word occurs in {@code text} (lower-cased), for checks made in Java after the query. */
    public boolean allIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().allMatch(lower::contains);
    }
}
