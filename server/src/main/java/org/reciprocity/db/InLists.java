package org.reciprocity.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits values for SQL {@code in (:ids)} lists: PostgreSQL takes at most 32,767 parameters in one statement. */
public final class InLists {

    static final int SIZE = 10_000;

    private InLists() {
    }

    public static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = List.copyOf(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(all.size(), from + SIZE)));
        }
        return chunks;
    }
}
