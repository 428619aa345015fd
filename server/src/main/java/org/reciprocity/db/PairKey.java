package org.reciprocity.db;

/**
 * The value of a "one at a time per pair" unique column: the two ids in ascending order, so that A–B
 * and B–A collide. The column holds it only while the row is pending; otherwise it is NULL.
 */
public final class PairKey {

    private PairKey() {
    }

    public static String of(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }
}
