package org.reciprocity.asks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Orders the match index's reads of the database, which run outside its lock, so that an older read never
 * overwrites a newer one. A read takes a ticket before its first statement; its documents are applied only
 * where no read with a later ticket was applied first, nor a rebuild begun after it.
 *
 * <p>A later ticket can still have read older rows (its statement ran first); but then the write it missed
 * committed after the earlier read's ticket, and that write's own refresh takes a ticket after its commit and
 * is applied after both. So each document ends as the last read of it after its last write.
 *
 * <p>What was applied is remembered only while a read that started before it is still running.
 */
final class ReadTickets {

    /** What a ticket orders: a member's helper document or a posting's. */
    enum Of { MEMBER, POSTING }

    private long last;
    private long rebuiltFrom;
    private final TreeSet<Long> running = new TreeSet<>();
    private final Map<Of, Map<Long, Long>> applied = Map.of(Of.MEMBER, new HashMap<>(), Of.POSTING, new HashMap<>());

    /** A ticket for a read about to start; {@link #done} when it is applied or abandoned. */
    synchronized long take() {
        running.add(++last);
        return last;
    }

    synchronized void done(long ticket) {
        running.remove(ticket);
        long oldestRunning = running.isEmpty() ? Long.MAX_VALUE : running.first();
        applied.values().forEach(byId -> byId.values().removeIf(t -> t < oldestRunning));
    }

    /** Whether what the read of {@code ticket} found for this document may be applied. */
    synchronized boolean isCurrent(Of of, long id, long ticket) {
        return ticket >= rebuiltFrom && ticket >= applied.get(of).getOrDefault(id, 0L);
    }

    /** The read of {@code ticket} was applied to these documents. */
    synchronized void applied(Of of, Collection<Long> ids, long ticket) {
        Map<Long, Long> byId = applied.get(of);
        ids.forEach(id -> byId.merge(id, ticket, Math::max));
    }

    /** A rebuild read everything after taking {@code ticket}: every read begun before it is outdated. */
    synchronized void rebuilt(long ticket) {
        rebuiltFrom = Math.max(rebuiltFrom, ticket);
    }

    /** How many applied documents are remembered (for tests: none once no read is running). */
    synchronized int remembered() {
        return applied.values().stream().mapToInt(Map::size).sum();
    }
}
