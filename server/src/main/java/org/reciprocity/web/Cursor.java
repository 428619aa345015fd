package org.reciprocity.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset pagination for API lists ({@code ?limit=&cursor=}): the cursor is an opaque token for the
 * position after the last item returned, so pages stay stable while rows are added.
 */
public record Cursor(int limit, long after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static Cursor of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInput("limit", "Ask for between 1 and " + MAX_LIMIT + " items.");
        }
        return new Cursor(size, decode(cursor));
    }

    /** One row more than asked for is fetched to know whether another page follows. */
    public int fetchSize() {
        return limit + 1;
    }

    public <T, V> ListPage<V> page(List<T> rows, ToLongFunction<T> position, java.util.function.Function<T, V> view) {
        return pageOf(rows, position, shown -> shown.stream().map(view).toList());
    }

    /** Like {@link #page}, for views that are built for all rows at once (to load related data in one query). */
    public <T, V> ListPage<V> pageOf(List<T> rows, ToLongFunction<T> position,
                                     java.util.function.Function<List<T>, List<V>> views) {
        boolean more = rows.size() > limit;
        List<T> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? encode(position.applyAsLong(shown.get(shown.size() - 1))) : null;
        return new ListPage<>(views.apply(shown), next);
    }

    /**
     * A page of a list computed whole in memory (a member's agenda or standings, in a stable order): the cursor
     * is the position in that list.
     */
    public <T> ListPage<T> slice(List<T> all) {
        int from = (int) Math.min(after, all.size());
        int to = Math.min(all.size(), from + limit);
        return new ListPage<>(List.copyOf(all.subList(from, to)), to < all.size() ? encode(to) : null);
    }

    /** A page whose next position the caller worked out (a search that filters what it reads); null on the last. */
    public static <V> ListPage<V> pageAt(List<V> items, Long nextAfter) {
        return new ListPage<>(items, nextAfter == null ? null : encode(nextAfter));
    }

    /** The position a cursor names, for links that go back as well as forward; 0 for none. */
    public static long position(String cursor) {
        return decode(cursor);
    }

    public static String token(long position) {
        return encode(position);
    }

    static String encode(long after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + after).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("v1:")) {
                return Long.parseLong(text.substring(3));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the error below
        }
        throw new InvalidInput("cursor", "This cursor is not one this API returned. Start again without a cursor.");
    }
}
