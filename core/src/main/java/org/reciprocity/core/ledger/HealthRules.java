package org.reciprocity.core.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The health rules of a ledger (L5). Each rule is a small function of the same input; the flags are
 * the union of their answers, in a stable order (member-wide flags first).
 */
public final class HealthRules {

    /**
     * Everything the rules look at. {@code entries} holds counted and pending entries; {@code summary} is theirs,
     * on {@code today} with {@code settings} (its standings are what ONE_SIDED and GIVE_BACK read).
     */
    public record Input(List<Entry> entries, LedgerSummary summary, Integer capacityPerMonth, LocalDate today,
                        LedgerSettings settings) {}

    @FunctionalInterface
    interface Rule {
        List<HealthFlag> apply(Input input);
    }

    static final List<Rule> RULES = List.of(
            HealthRules::overGiving,
            HealthRules::overTaking,
            HealthRules::oneSided,
            HealthRules::giveBack,
            HealthRules::unthanked,
            HealthRules::dormant);

    private HealthRules() {
    }

    public static List<HealthFlag> evaluate(Input input) {
        List<HealthFlag> flags = new ArrayList<>();
        for (Rule rule : RULES) {
            flags.addAll(rule.apply(input));
        }
        return List.copyOf(flags);
    }

    static List<HealthFlag> overGiving(Input in) {
        LedgerSettings s = in.settings();
        String suggestion = "You risk burning out. Pause giving for a while (nobody will be pointed to you for help "
                + "until you resume), decline new asks, or raise your declared capacity if this pace truly suits you.";
        if (in.capacityPerMonth() != null) {
            LocalDate since = in.today().minusDays(s.overGivingWindowDays());
            long recent = in.entries().stream()
                    .filter(e -> e.isGiven() && e.occurredOn().isAfter(since))
                    .count();
            if (recent > in.capacityPerMonth()) {
                return List.of(new HealthFlag(FlagType.OVER_GIVING, null,
                        "You gave " + recent + " favors in the last " + s.overGivingWindowDays()
                                + " days; you said you can give " + in.capacityPerMonth() + " a month.",
                        suggestion));
            }
            return List.of();
        }
        LedgerSummary sum = in.summary();
        if (sum.totalGiven() >= s.overGivingUndeclaredMinGiven()
                && sum.totalGiven() >= s.overGivingUndeclaredRatio() * sum.totalReceived()) {
            return List.of(new HealthFlag(FlagType.OVER_GIVING, null,
                    "You have given " + fmt(sum.totalGiven()) + " and received " + fmt(sum.totalReceived())
                            + " (weighted, recent favors count most): far more than you take.",
                    suggestion + " Declaring a monthly capacity on your profile makes this warning precise."));
        }
        return List.of();
    }

    static List<HealthFlag> overTaking(Input in) {
        LedgerSettings s = in.settings();
        LedgerSummary sum = in.summary();
        int receivedFavors = sum.relationships().stream().mapToInt(RelationshipBalance::receivedCount).sum();
        if (receivedFavors >= s.overTakingMinReceivedFavors() && sum.totalReceived() >= s.overTakingMinReceived()
                && sum.totalGiven() <= s.overTakingMaxGiveShare() * sum.totalReceived()) {
            return List.of(new HealthFlag(FlagType.OVER_TAKING, null,
                    "You received " + receivedFavors + " favors (weight " + fmt(sum.totalReceived())
                            + ") and gave back " + fmt(sum.totalGiven()) + ". Taking without giving back wears a network out.",
                    "Give before you ask again: look at the asks you could help with, thank the people who helped you, "
                            + "and return a favor to someone who gave you one."));
        }
        return List.of();
    }

    static List<HealthFlag> oneSided(Input in) {
        List<HealthFlag> flags = new ArrayList<>();
        for (RelationshipBalance b : in.summary().relationships()) {
            if (b.standing().owing() == RelationshipStanding.Owing.THEY_OWE) {
                flags.add(new HealthFlag(FlagType.ONE_SIDED, b.counterpart(), b.standing().reason(),
                        "Keep helping only if you want to. It is fine to set a boundary: decline their next requests for a "
                                + "while, or tell them plainly what would help you. A network thrives on mutual support."));
            }
        }
        return flags;
    }

    /** The agenda's give-back items that are due: the same standing. */
    static List<HealthFlag> giveBack(Input in) {
        List<HealthFlag> flags = new ArrayList<>();
        for (RelationshipBalance b : in.summary().relationships()) {
            if (b.standing().owing() == RelationshipStanding.Owing.MEMBER_OWES && b.standing().needsAttention()) {
                flags.add(new HealthFlag(FlagType.GIVE_BACK, b.counterpart(), b.standing().reason(),
                        "Look for a way to help them: one of their asks, an introduction, a lead. Giving back is what "
                                + "keeps people willing to help."));
            }
        }
        return flags;
    }

    static List<HealthFlag> unthanked(Input in) {
        LocalDate due = in.today().minusDays(in.settings().unthankedAfterDays());
        Map<String, List<Entry>> byCounterpart = in.entries().stream()
                .filter(e -> e.isThankable() && !e.thanked() && !e.countedSince().isAfter(due))
                .collect(Collectors.groupingBy(Entry::counterpart, TreeMap::new, Collectors.toList()));
        List<HealthFlag> flags = new ArrayList<>();
        byCounterpart.forEach((counterpart, favors) -> flags.add(new HealthFlag(FlagType.UNTHANKED, counterpart,
                (favors.size() == 1 ? "A favor" : favors.size() + " favors") + " received since "
                        + favors.stream().map(Entry::occurredOn).min(LocalDate::compareTo).orElseThrow()
                        + (favors.size() == 1 ? " is" : " are") + " not thanked yet.",
                "Write a short thank-you note: gratitude is what keeps people willing to help.")));
        return flags;
    }

    static List<HealthFlag> dormant(Input in) {
        LedgerSettings s = in.settings();
        List<HealthFlag> flags = new ArrayList<>();
        for (RelationshipBalance b : in.summary().relationships()) {
            if (b.exchangeCount() < s.dormantMinExchanges() || b.usualGapDays() == 0) {
                continue;
            }
            long usual = b.usualGapDays();
            long silence = ChronoUnit.DAYS.between(b.lastExchangeOn(), in.today());
            if (silence >= s.dormantMinDays() && silence >= s.dormantRhythmFactor() * usual) {
                flags.add(new HealthFlag(FlagType.DORMANT, b.counterpart(),
                        "You exchanged " + b.exchangeCount() + " favors, usually every " + usual + " days; the last was "
                                + silence + " days ago.",
                        "Reach out without asking for anything: share something relevant to their work, or ask how a "
                                + "project you discussed is going."));
            }
        }
        flags.sort(java.util.Comparator.comparing(HealthFlag::counterpart));
        return flags;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
