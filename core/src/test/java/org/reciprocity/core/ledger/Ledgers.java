package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An object mother for ledgers: entries written as "gave Bob 3 on day -40". */
final class Ledgers {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private final List<Entry> entries = new ArrayList<>();
    private long nextId = 1;

    Ledgers gave(String counterpart, int weight, int daysAgo) {
        return add(counterpart, Direction.GAVE, weight, daysAgo, EntryStatus.CONFIRMED, true, null);
    }

    Ledgers received(String counterpart, int weight, int daysAgo) {
        return add(counterpart, Direction.RECEIVED, weight, daysAgo, EntryStatus.CONFIRMED, true, null);
    }

    Ledgers receivedUnthanked(String counterpart, int weight, int daysAgo) {
        return add(counterpart, Direction.RECEIVED, weight, daysAgo, EntryStatus.CONFIRMED, false, null);
    }

    Ledgers gavePending(String counterpart, int weight, int daysAgo) {
        return add(counterpart, Direction.GAVE, weight, daysAgo, EntryStatus.PENDING, false, null);
    }

    Ledgers gaveReturning(String counterpart, int weight, int daysAgo, long returnsId) {
        return add(counterpart, Direction.GAVE, weight, daysAgo, EntryStatus.CONFIRMED, false, returnsId);
    }

    Ledgers add(String counterpart, Direction direction, int weight, int daysAgo, EntryStatus status, boolean thanked,
                Long returnsId) {
        LocalDate on = TODAY.minusDays(daysAgo);
        entries.add(new Entry(nextId++, counterpart, direction, weight, on, status, on, thanked, returnsId));
        return this;
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    LedgerHealth health(Integer capacity) {
        return LedgerHealth.of(entries(), capacity, TODAY, LedgerSettings.defaults());
    }

    List<FlagType> flags(Integer capacity) {
        return health(capacity).flags().stream().map(HealthFlag::type).toList();
    }
}
