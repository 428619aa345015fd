package org.reciprocity.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.reciprocity.core.ledger.Balances;
import org.springframework.stereotype.Component;

/**
 * What the ledger tells other features about members' giving, for many members at once: matching
 * weighs it, the helper index describes each giver by the kinds of help they gave, and trust is computed
 * from the favors both sides confirmed.
 */
@Component
public class GivingHistory {

    /**
     * A current member-to-member favor as trust reads it: who gave, who received, who recorded it (the
     * claimant, when it was disputed), its weight and date, and whether it was confirmed or disputed.
     */
    public record TrustFavor(long giver, long receiver, long recorder, int weight, LocalDate occurredOn, boolean confirmed) {}

    private final ExchangeRows exchanges;
    private final double halfLifeDays;

    GivingHistory(ExchangeRows exchanges, LedgerProperties properties) {
        this.exchanges = exchanges;
        this.halfLifeDays = properties.halfLifeDays();
    }

    /** Favors each member gave since the date, pending and private ones included (as the over-giving rule counts). */
    public Map<Long, Integer> givenSince(Collection<Long> members, LocalDate since) {
        return exchanges.givenSince(members, since);
    }

    /** For each other member: {favors they gave {@code member}, favors {@code member} gave them}, pending or confirmed. */
    public Map<Long, int[]> favorsWith(long member, Collection<Long> others) {
        return exchanges.favorsWith(member, others);
    }

    /**
     * The kinds of each giver's latest confirmed member-to-member favors, newest first, at most
     * {@code perGiver} each: of everyone (a rebuild of the match index). Kinds only: a favor's
     * description belongs to its two parties.
     */
    public Map<Long, List<String>> confirmedKinds(int perGiver) {
        return exchanges.confirmedKinds(perGiver);
    }

    /** The same for these givers only: a refresh of the members a batch of changes touched. */
    public Map<Long, List<String>> confirmedKindsOf(Collection<Long> givers, int perGiver) {
        return exchanges.confirmedKinds(givers, perGiver);
    }

    /**
     * Every current member-to-member favor that was confirmed or disputed, streamed to {@code visitor}
     * (pending favors and favors with a contact never are); the caller holds a read-only transaction.
     */
    public void forEachTrustFavor(Consumer<TrustFavor> visitor) {
        exchanges.forEachTrustFavor(10_000, visitor);
    }

    /** The confirmed favors other members gave the member, and which of them the member thanked and when. */
    public Gratitude gratitudeOf(long member) {
        return exchanges.gratitudeOf(member);
    }

    /** How many of the member's current claims with other members their counterpart disputed. */
    public int disputedClaimsOf(long member) {
        return exchanges.disputedClaimsOf(member);
    }

    /** The favor's weight decayed to {@code today} as balances decay it (the ledger's half-life). */
    public double decayedWeight(TrustFavor favor, LocalDate today) {
        return Balances.decayed(favor.weight(), favor.occurredOn(), today, halfLifeDays);
    }

    /** How many favors were confirmed after {@code since}: trust is recomputed once enough were. */
    public long confirmedAfter(Instant since) {
        return exchanges.confirmedAfter(since);
    }
}
