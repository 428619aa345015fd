package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Who owes whom in one relationship on a day: the one rule behind the ledger's ONE_SIDED and GIVE_BACK
 * flags and the agenda's give-back items, so that they always agree.
 *
 * <p>A favor is <em>waiting</em> while no favor has come back for it: a favor that names the one it
 * returns closes that one, any other closes the oldest waiting favor of the other direction (as
 * {@link Balances#openLoops} does). A favor still waiting for its counterpart's confirmation already
 * closes one, but never waits itself: an unconfirmed claim creates no debt. Favors wait one way at a time.
 * <ul>
 * <li>{@link Owing#MEMBER_OWES}: favors the member received are waiting and, in weight, they received more
 *     than they gave. It is due {@value #GIVE_BACK_DAYS} days after the oldest waiting favor.</li>
 * <li>{@link Owing#THEY_OWE} (one-sided): favors the member gave are waiting and, in weight, they gave more
 *     than they received, and either the oldest has waited {@link LedgerSettings#oneSidedPatienceDays()}
 *     (longer than even people who take their time need to give back), or
 *     {@link LedgerSettings#oneSidedManyFavors()} favors are waiting, the oldest for
 *     {@link LedgerSettings#oneSidedManyPatienceDays()}, and nothing has come back from them within the
 *     patience: someone who takes months but does give back is spared by what they gave back lately.</li>
 * <li>{@link Owing#BALANCED} otherwise, including favors given that are still within the patience.</li>
 * </ul>
 *
 * @param waiting the favors waiting for a return, whichever way (the direction of {@code oldestWaiting})
 * @param oldestWaiting the oldest of them, or null when nothing is waiting
 * @param dueOn when the member should have given back: only for MEMBER_OWES, otherwise null
 * @param reason the standing in words, with counts and dates
 */
public record RelationshipStanding(Owing owing, int waiting, Entry oldestWaiting, LocalDate dueOn,
                                   boolean needsAttention, String reason) {

    /** A favor received is to be given back within a month; the agenda reminds of it from then. */
    public static final int GIVE_BACK_DAYS = 30;

    public enum Owing {
        BALANCED,
        /** One-sided against the member: they have not given back. */
        THEY_OWE,
        /** The member should give back. */
        MEMBER_OWES
    }

    /**
     * The standing of one relationship on {@code today}, from its entries (any status) in date order.
     * {@code needsAttention}: one-sided, or a give-back that is due.
     */
    public static RelationshipStanding of(List<Entry> chronological, LocalDate today, LedgerSettings settings) {
        return of(chronological, today, settings, false);
    }

    /**
     * Whether the member gives more than they receive across their whole ledger (the effort of the favors that
     * count). Such a member's favors received are the community giving back (value that circled back to them),
     * not debts: they are not reminded to return each one (scenario 1, the generous entrepreneur).
     */
    public static boolean givesMoreOverall(java.util.Collection<Entry> entries) {
        long balance = 0;
        for (Entry e : entries) {
            if (e.status().counts()) {
                balance += e.isGiven() ? e.weight() : -e.weight();
            }
        }
        return balance > 0;
    }

    /** As {@link #of(List, LocalDate, LedgerSettings)}, for a member who {@link #givesMoreOverall} or not. */
    public static RelationshipStanding of(List<Entry> chronological, LocalDate today, LedgerSettings settings,
                                          boolean givesMoreOverall) {
        Deque<Entry> gave = new ArrayDeque<>();
        Deque<Entry> received = new ArrayDeque<>();
        int gaveWeight = 0;
        int receivedWeight = 0;
        int receivedCount = 0;
        LocalDate lastReceived = null;
        for (Entry e : chronological) {
            Deque<Entry> other = e.isGiven() ? received : gave;
            boolean closed = e.returnsId() != null && other.removeIf(o -> o.id() == e.returnsId())
                    || other.pollFirst() != null;
            if (!e.status().counts()) {
                continue;
            }
            if (!closed) {
                (e.isGiven() ? gave : received).addLast(e);
            }
            if (e.isGiven()) {
                gaveWeight += e.weight();
            } else {
                receivedWeight += e.weight();
                receivedCount++;
                lastReceived = lastReceived == null || e.occurredOn().isAfter(lastReceived) ? e.occurredOn() : lastReceived;
            }
        }
        if (!received.isEmpty() && receivedWeight > gaveWeight && givesMoreOverall) {
            Entry oldest = received.peekFirst();
            return new RelationshipStanding(Owing.BALANCED, received.size(), oldest, null, false,
                    "They did you a favor on " + oldest.occurredOn() + ". You give more than you receive overall: this is "
                            + "the community giving back, nothing is owed.");
        }
        if (!received.isEmpty() && receivedWeight > gaveWeight) {
            Entry oldest = received.peekFirst();
            LocalDate due = oldest.occurredOn().plusDays(GIVE_BACK_DAYS);
            return new RelationshipStanding(Owing.MEMBER_OWES, received.size(), oldest, due, !due.isAfter(today),
                    (received.size() == 1 ? "They did you a favor on " + oldest.occurredOn() + " that you have not returned yet."
                            : "They did you " + received.size() + " favors you have not returned yet, the oldest on "
                            + oldest.occurredOn() + "."));
        }
        if (gave.isEmpty()) {
            return new RelationshipStanding(Owing.BALANCED, received.size(), received.peekFirst(), null, false,
                    received.isEmpty() ? "Nothing is owed either way: every favor has been given back."
                            : "Nothing is owed: you have given them as much as they gave you.");
        }
        if (gaveWeight <= receivedWeight) {
            return new RelationshipStanding(Owing.BALANCED, gave.size(), gave.peekFirst(), null, false,
                    "Nothing is owed: they have given you as much as you gave them.");
        }
        Entry oldest = gave.peekFirst();
        long waited = ChronoUnit.DAYS.between(oldest.occurredOn(), today);
        boolean nothingCameBack = lastReceived == null
                || lastReceived.isBefore(today.minusDays(settings.oneSidedPatienceDays()));
        boolean oneSided = waited >= settings.oneSidedPatienceDays()
                || gave.size() >= settings.oneSidedManyFavors() && waited >= settings.oneSidedManyPatienceDays()
                && nothingCameBack;
        String waitingText = gave.size() == 1
                ? "A favor you gave on " + oldest.occurredOn() + " has not been returned in " + duration(oldest.occurredOn(), today) + "."
                : gave.size() + " favors you gave have not been returned; the oldest, on " + oldest.occurredOn()
                + ", has waited " + duration(oldest.occurredOn(), today) + ".";
        if (!oneSided) {
            return new RelationshipStanding(Owing.BALANCED, gave.size(), oldest, null, false, waitingText
                    + " Many people take months to give back.");
        }
        return new RelationshipStanding(Owing.THEY_OWE, gave.size(), oldest, null, true, waitingText
                + (receivedCount == 0 ? " They have not given you a favor yet."
                : " The last favor they gave you was on " + lastReceived + "."));
    }

    /** "20 days", "1 month", "11 months": whole units, no decimals. */
    static String duration(LocalDate from, LocalDate to) {
        long months = ChronoUnit.MONTHS.between(from, to);
        if (months < 2) {
            long days = ChronoUnit.DAYS.between(from, to);
            return days == 1 ? "1 day" : days + " days";
        }
        return months + " months";
    }
}
