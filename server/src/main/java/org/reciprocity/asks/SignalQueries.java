package org.reciprocity.asks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.core.matching.HelperSignals;
import org.reciprocity.db.InLists;
import org.reciprocity.network.ConnectionRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what matching weighs besides text, for many members at once: connections, capacity and pause,
 * favors given lately, favors between two members, kept and lapsed pledges.
 */
@Repository
class SignalQueries {

    private final JdbcClient jdbc;
    private final PledgeRows pledges;
    private final ConnectionRows connections;

    SignalQueries(JdbcClient jdbc, PledgeRows pledges, ConnectionRows connections) {
        this.jdbc = jdbc;
        this.pledges = pledges;
        this.connections = connections;
    }

    record Capacity(Integer perMonth, boolean paused, boolean active) {}

    /** The signals of each candidate as seen from {@code asker}; {@code unavailable} are blocked either way. */
    Map<Long, HelperSignals> signals(long asker, List<Long> candidates, Set<Long> unavailable, LocalDate today) {
        Set<Long> mine = Set.copyOf(connections.of(asker));
        Map<Long, Set<Long>> theirs = connectionsOfEach(candidates);
        Map<Long, Capacity> capacity = capacity(candidates);
        Map<Long, Integer> given = givenSince(candidates, today.minusDays(30));
        Map<Long, int[]> between = favorsWith(asker, candidates);
        Map<Long, PledgeRows.Record> records = pledges.records(candidates);
        Map<Long, HelperSignals> signals = new HashMap<>();
        for (long c : candidates) {
            Capacity cap = capacity.getOrDefault(c, new Capacity(null, false, false));
            int mutual = (int) theirs.getOrDefault(c, Set.of()).stream().filter(mine::contains).count();
            int[] favors = between.getOrDefault(c, new int[2]);
            PledgeRows.Record record = records.getOrDefault(c, new PledgeRows.Record(0, 0));
            signals.put(c, new HelperSignals(c, mine.contains(c), mutual, cap.perMonth(), given.getOrDefault(c, 0),
                    cap.paused(), cap.active() && !unavailable.contains(c), favors[0], favors[1], record.kept(),
                    record.lapsed()));
        }
        return signals;
    }

    Map<Long, Set<Long>> connectionsOfEach(Collection<Long> members) {
        Map<Long, Set<Long>> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(members)) {
            jdbc.sql("select member_low, member_high from connection where member_low in (:ids) or member_high in (:ids)")
                    .param("ids", chunk).query((rs, n) -> {
                        long low = rs.getLong(1);
                        long high = rs.getLong(2);
                        map.computeIfAbsent(low, k -> new HashSet<>()).add(high);
                        map.computeIfAbsent(high, k -> new HashSet<>()).add(low);
                        return null;
                    }).list();
        }
        return map;
    }

    Map<Long, Capacity> capacity(Collection<Long> members) {
        Map<Long, Capacity> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(members)) {
            jdbc.sql("""
                    select m.id, p.capacity_per_month, p.giving_paused, m.status
                    from member m left join profile p on p.member_id = m.id where m.id in (:ids)
                    """).param("ids", chunk)
                    .query((rs, n) -> map.put(rs.getLong(1), new Capacity(rs.getObject(2, Integer.class),
                            rs.getBoolean(3), "ACTIVE".equals(rs.getString(4)))))
                    .list();
        }
        return map;
    }

    /** Favors each member gave since the date, pending and private ones included (as the over-giving rule counts). */
    Map<Long, Integer> givenSince(Collection<Long> members, LocalDate since) {
        Map<Long, Integer> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(members)) {
            jdbc.sql("""
                    select giver, count(*) from (
                        select case when direction = 'GAVE' then recorder_id else counterpart_id end as giver
                        from exchange
                        where occurred_on >= :since and superseded_by_id is null
                          and status in ('PENDING', 'CONFIRMED', 'PRIVATE')
                          and ((direction = 'GAVE' and recorder_id in (:ids))
                               or (direction = 'RECEIVED' and counterpart_id in (:ids)))
                    ) g group by giver
                    """).param("since", since).param("ids", chunk)
                    .query((rs, n) -> map.put(rs.getLong(1), rs.getInt(2))).list();
        }
        return map;
    }

    /** For each other member: {favors they gave {@code member}, favors {@code member} gave them}. */
    Map<Long, int[]> favorsWith(long member, Collection<Long> others) {
        Map<Long, int[]> map = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(others)) {
            jdbc.sql("""
                    select recorder_id, counterpart_id, direction from exchange
                    where superseded_by_id is null and status in ('PENDING', 'CONFIRMED')
                      and ((recorder_id = :m and counterpart_id in (:ids)) or (counterpart_id = :m and recorder_id in (:ids)))
                    """).param("m", member).param("ids", chunk)
                    .query((rs, n) -> {
                        long recorder = rs.getLong(1);
                        long counterpart = rs.getLong(2);
                        boolean recorderGave = "GAVE".equals(rs.getString(3));
                        long giver = recorderGave ? recorder : counterpart;
                        long other = recorder == member ? counterpart : recorder;
                        int[] counts = map.computeIfAbsent(other, k -> new int[2]);
                        counts[giver == other ? 0 : 1]++;
                        return null;
                    }).list();
        }
        return map;
    }
}
