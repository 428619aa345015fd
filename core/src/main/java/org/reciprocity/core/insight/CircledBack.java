package org.reciprocity.core.insight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Value that circled back (X1): chains of confirmed favors that leave a member and come back to them through
 * others, A → B → … → A, of 2 to {@link #MAX_FAVORS} favors, each on a later day than the one before, all of
 * them inside a window of days, with no one but A twice.
 *
 * <p>The search walks forward from A and follows a favor only when A can still be reached from its receiver, in
 * the favors left, after its day: the latest day each member can leave and still reach A within k favors is
 * worked out first, backwards from A, so that a member's thousands of favors to people who never lead back
 * are not walked.
 */
public final class CircledBack {

    public static final int MAX_FAVORS = 4;

    /** A confirmed member-to-member favor: its id, giver, receiver, effort weight (1-5) and day. */
    public record Favor(long id, long giver, long receiver, int weight, LocalDate on) {}

    /**
     * A chain, oldest favor first. Its weight is its lightest favor's (the value that made it all the way
     * round), so a chain of substantial favors outranks one carried by a small one.
     */
    public record Chain(List<Favor> favors) {

        public Chain {
            favors = List.copyOf(favors);
        }

        public int weight() {
            return favors.stream().mapToInt(Favor::weight).min().orElse(0);
        }

        /** The people in order, starting and ending with the member. */
        public List<Long> people() {
            List<Long> people = new ArrayList<>(favors.size() + 1);
            people.add(favors.get(0).giver());
            favors.forEach(f -> people.add(f.receiver()));
            return people;
        }

        public LocalDate ends() {
            return favors.get(favors.size() - 1).on();
        }
    }

    /** Heavier first, then the one that came back latest, then the shorter, then by favor ids: a total order. */
    public static final Comparator<Chain> BEST_FIRST = Comparator.comparingInt(Chain::weight).reversed()
            .thenComparing(Chain::ends, Comparator.reverseOrder())
            .thenComparingInt(c -> c.favors().size())
            .thenComparing(CircledBack::ids, CircledBack::compareIds);

    private CircledBack() {
    }

    /**
     * Every chain from {@code member} back to them among {@code favors} whose favors all fall between
     * {@code from} and {@code to} (inclusive), best first. {@code favors} may hold any favors: those outside the
     * window, or that cannot lie on such a chain, are passed over.
     */
    public static List<Chain> all(long member, List<Favor> favors, LocalDate from, LocalDate to) {
        Map<Long, List<Favor>> out = new HashMap<>();
        Map<Long, List<Favor>> in = new HashMap<>();
        for (Favor f : favors) {
            if (f.giver() != f.receiver() && !f.on().isBefore(from) && !f.on().isAfter(to)) {
                out.computeIfAbsent(f.giver(), k -> new ArrayList<>()).add(f);
                in.computeIfAbsent(f.receiver(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Map<Long, LocalDate>> latest = latestDepartures(member, in);
        List<Chain> chains = new ArrayList<>();
        List<Favor> path = new ArrayList<>();
        Set<Long> onPath = new HashSet<>();
        onPath.add(member);
        walk(member, member, null, out, latest, path, onPath, chains);
        chains.sort(BEST_FIRST);
        return chains;
    }

    /**
     * The best {@code limit} chains, one per sequence of people (the best of the chains that pass the same
     * people in the same order): the dashboard shows different paths, not one path's favors over and over.
     */
    public static List<Chain> best(long member, List<Favor> favors, LocalDate from, LocalDate to, int limit) {
        return best(member, favors, from, to, limit, chain -> true);
    }

    /** The same, among the chains {@code shown} accepts (those whose people the viewer may see). */
    public static List<Chain> best(long member, List<Favor> favors, LocalDate from, LocalDate to, int limit,
                                   Predicate<Chain> shown) {
        Map<List<Long>, Chain> byPeople = new LinkedHashMap<>();
        for (Chain c : all(member, favors, from, to)) {
            if (!shown.test(c)) {
                continue;
            }
            byPeople.putIfAbsent(c.people(), c);
            if (byPeople.size() == limit) {
                break;
            }
        }
        return List.copyOf(byPeople.values());
    }

    /**
     * latest.get(k).get(x): the latest day on which x can give a favor that starts a way back to the member
     * of at most k favors (k = 1 is a favor straight to the member), each on a later day than the one before.
     */
    private static List<Map<Long, LocalDate>> latestDepartures(long member, Map<Long, List<Favor>> in) {
        List<Map<Long, LocalDate>> latest = new ArrayList<>();
        latest.add(Map.of()); // k = 0: unused
        Map<Long, LocalDate> one = new HashMap<>();
        for (Favor f : in.getOrDefault(member, List.of())) {
            one.merge(f.giver(), f.on(), CircledBack::later);
        }
        latest.add(one);
        for (int k = 2; k < MAX_FAVORS; k++) {
            Map<Long, LocalDate> previous = latest.get(k - 1);
            Map<Long, LocalDate> next = new HashMap<>(previous);
            for (Map.Entry<Long, LocalDate> reach : previous.entrySet()) {
                if (reach.getKey() == member) {
                    continue;
                }
                for (Favor f : in.getOrDefault(reach.getKey(), List.of())) {
                    if (f.on().isBefore(reach.getValue())) {
                        next.merge(f.giver(), f.on(), CircledBack::later);
                    }
                }
            }
            latest.add(next);
        }
        return latest;
    }

    private static void walk(long member, long at, LocalDate after, Map<Long, List<Favor>> out,
                             List<Map<Long, LocalDate>> latest, List<Favor> path, Set<Long> onPath, List<Chain> chains) {
        int left = MAX_FAVORS - path.size();
        for (Favor f : out.getOrDefault(at, List.of())) {
            if (after != null && !f.on().isAfter(after)) {
                continue;
            }
            if (f.receiver() == member) {
                if (!path.isEmpty()) {
                    path.add(f);
                    chains.add(new Chain(path));
                    path.remove(path.size() - 1);
                }
                continue;
            }
            // the receiver must still reach the member in the favors left, after this day
            LocalDate latestBack = left >= 2 ? latest.get(left - 1).get(f.receiver()) : null;
            if (latestBack == null || !latestBack.isAfter(f.on()) || onPath.contains(f.receiver())) {
                continue;
            }
            path.add(f);
            onPath.add(f.receiver());
            walk(member, f.receiver(), f.on(), out, latest, path, onPath, chains);
            onPath.remove(f.receiver());
            path.remove(path.size() - 1);
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static long[] ids(Chain chain) {
        return chain.favors().stream().mapToLong(Favor::id).toArray();
    }

    private static int compareIds(long[] a, long[] b) {
        return java.util.Arrays.compare(a, b);
    }
}
