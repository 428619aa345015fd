package org.reciprocity.web;

import java.util.List;

/**
 * One numbered page of a list a page shows in parts (a member's thousands of favors to thank, connections,
 * agenda items): the items of page {@code page} (from 1) of {@code pages}, out of {@code total}. A page number
 * past the last shows the last; anything unreadable shows the first.
 */
public record PageSlice<T>(List<T> items, int page, int pages, int total) {

    public static <T> PageSlice<T> of(List<T> all, String page, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int shown = Math.min(pages, number(page));
        return new PageSlice<>(List.copyOf(all.subList((shown - 1) * size, Math.min(all.size(), shown * size))), shown,
                pages, all.size());
    }

    /** A page number from a query parameter: 1 when absent, unreadable or below 1. */
    public static int number(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages;
    }
}
