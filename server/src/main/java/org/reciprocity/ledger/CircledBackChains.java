package org.reciprocity.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.reciprocity.core.insight.CircledBack;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberViews;
import org.reciprocity.member.Today;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.springframework.stereotype.Service;

/**
 * Value that circled back (X1): the member's best chains of confirmed favors that left them and came back
 * through others, read from the favors around them. Favors with private contacts are never in a chain (they
 * are not member-to-member), nor is anyone the member may not see (blocked either way, or suspended).
 */
@Service
class CircledBackChains {

    static final int DEFAULT_WINDOW_DAYS = 365;
    static final int MAX_WINDOW_DAYS = 3 * 365;
    static final int SHOWN = 5;

    record ChainMember(String memberId, String displayName) {}

    record ChainFavor(String exchangeId, ChainMember from, ChainMember to, String kind, LocalDate occurredOn) {}

    /** A chain, oldest favor first; {@code weight} is its lightest favor's effort (1-5). */
    record CircledBackChain(int weight, List<ChainFavor> favors) {}

    record CircledBackView(List<CircledBackChain> items, int windowDays, LocalDate from, LocalDate to) {}

    private final ExchangeRows exchanges;
    private final MemberViews views;
    private final Today today;

    CircledBackChains(ExchangeRows exchanges, MemberViews views, Today today) {
        this.exchanges = exchanges;
        this.views = views;
        this.today = today;
    }

    CircledBackView of(CurrentMember me, Integer windowDays) {
        int window = windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays;
        if (window < 1 || window > MAX_WINDOW_DAYS) {
            throw new InvalidInput("windowDays", "Give a window of 1 to " + MAX_WINDOW_DAYS + " days.");
        }
        LocalDate to = today.of(me);
        LocalDate from = to.minusDays(window);
        List<CircledBack.Favor> favors = neighbourhood(me.id(), from);
        Set<Long> people = new HashSet<>();
        favors.forEach(f -> {
            people.add(f.giver());
            people.add(f.receiver());
        });
        Map<Long, Member> nameable = views.nameable(me, people);
        List<CircledBack.Chain> best = CircledBack.best(me.id(), favors, from, to, SHOWN,
                chain -> nameable.keySet().containsAll(chain.people()));
        Map<Long, ExchangeRows.Shown> shown = exchanges.shown(best.stream()
                .flatMap(c -> c.favors().stream()).map(CircledBack.Favor::id).collect(Collectors.toSet()));
        List<CircledBackChain> items = new ArrayList<>();
        for (CircledBack.Chain chain : best) {
            List<ChainFavor> steps = chain.favors().stream().map(f -> new ChainFavor(shown.get(f.id()).publicId(),
                    person(nameable.get(f.giver())), person(nameable.get(f.receiver())),
                    shown.get(f.id()).kind().name(), f.on())).toList();
            items.add(new CircledBackChain(chain.weight(), steps));
        }
        return new CircledBackView(items, window, from, to);
    }

    /**
     * The favors a chain of at most four could use: those the member gave and received, those their receivers
     * gave, and those the people who gave to the member received (the middle favor of a four-favor chain joins
     * the last two sets).
     */
    private List<CircledBack.Favor> neighbourhood(long member, LocalDate from) {
        List<CircledBack.Favor> received = exchanges.confirmedFavors(List.of(member), false, from);
        if (received.isEmpty()) {
            return List.of();
        }
        List<CircledBack.Favor> given = exchanges.confirmedFavors(List.of(member), true, from);
        Map<Long, CircledBack.Favor> all = new HashMap<>();
        add(all, received);
        add(all, given);
        add(all, exchanges.confirmedFavors(others(given, true, member), true, from));
        add(all, exchanges.confirmedFavors(others(received, false, member), false, from));
        return List.copyOf(all.values());
    }

    private static Collection<Long> others(List<CircledBack.Favor> favors, boolean receivers, long member) {
        return favors.stream().map(f -> receivers ? f.receiver() : f.giver()).filter(id -> id != member)
                .collect(Collectors.toSet());
    }

    private static void add(Map<Long, CircledBack.Favor> all, List<CircledBack.Favor> favors) {
        favors.forEach(f -> all.putIfAbsent(f.id(), f));
    }

    private static ChainMember person(Member m) {
        return new ChainMember(m.publicId(), m.displayName());
    }
}
