package org.reciprocity.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reciprocity.asks.PledgeHistory;
import org.reciprocity.asks.PledgeRecord;
import org.reciprocity.core.profile.ProfileField;
import org.reciprocity.ledger.GivingHistory;
import org.reciprocity.ledger.Gratitude;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberViews;
import org.reciprocity.member.ProfileSection;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Forbidden;
import org.springframework.stereotype.Component;

/**
 * A member's reputation for a viewer, from what the last trust computation stored and the member's pledges
 * and thanks: never computed on reading. Shown only as the member's "reputation" visibility allows, and naming
 * only people the viewer may see.
 */
@Component
class Reputations implements ProfileSection {

    private final MemberViews views;
    private final TrustRows rows;
    private final PledgeHistory pledges;
    private final GivingHistory giving;

    Reputations(MemberViews views, TrustRows rows, PledgeHistory pledges, GivingHistory giving) {
        this.views = views;
        this.rows = rows;
        this.pledges = pledges;
        this.giving = giving;
    }

    /** The reputation of the member with this public id; not found as the profile is, forbidden when not shared. */
    ReputationView of(String publicId, CurrentMember viewer) {
        Member member = views.visible(publicId, viewer);
        if (!views.shows(member.id(), viewer, ProfileField.REPUTATION)) {
            throw new Forbidden(member.displayName() + " does not share their reputation with you.");
        }
        return build(member, viewer);
    }

    @Override
    public Content of(long memberId, CurrentMember viewer) {
        if (!views.shows(memberId, viewer, ProfileField.REPUTATION)) {
            return null;
        }
        Member member = views.nameable(viewer, List.of(memberId)).get(memberId);
        if (member == null) {
            return null;
        }
        ReputationView r = build(member, viewer);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Trust", r.trustPercentile() == null ? "Not computed yet"
                : r.trust() == 0 ? "None yet" : "More than " + percent(r.trustPercentile()) + " of members",
                r.trust() == null || r.trust() == 0 ? null : "(" + times(r.trust()) + " the average)"));
        ReputationView.ReliabilityDetails kept = r.details().reliability();
        lines.add(new Line("Reliability", kept.kept() + kept.lapsed() == 0 ? "No pledges ended yet"
                : "Kept " + kept.kept() + " of " + (kept.kept() + kept.lapsed()) + " pledges", null));
        lines.add(new Line("Generosity", r.generosity() == null ? "Not computed yet"
                : "Gave more than " + percent(r.generosity()) + " of members", null));
        ReputationView.GratitudeDetails thanks = r.details().gratitude();
        lines.add(new Line("Gratitude", thanks.received() == 0 ? "No favors received yet"
                : "Thanked " + thanks.thanked() + " of " + thanks.received() + " favors received", null));
        return new Content("Reputation", lines, "/members/" + member.publicId() + "/reputation", "How these are computed");
    }

    private ReputationView build(Member member, CurrentMember viewer) {
        boolean own = viewer != null && viewer.id() == member.id();
        String name = own ? "You" : member.displayName();
        PledgeRecord record = pledges.of(member.id());
        Gratitude gratitude = giving.gratitudeOf(member.id());
        TrustRows.StoredScore stored = rows.score(member.id()).orElse(null);
        List<String> explanation = new ArrayList<>();
        List<ReputationView.TrustContributor> contributors = new ArrayList<>();
        if (stored == null) {
            explanation.add("Trust has not been computed for " + (own ? "you" : member.displayName()) + " yet: it is "
                    + "computed every hour, and sooner once enough new favors are confirmed.");
        } else {
            TrustRows.Score s = stored.score();
            Map<Long, Member> nameable = views.nameable(viewer, s.contributors().stream().map(TrustRows.Contributor::trusterId).toList());
            for (TrustRows.Contributor c : s.contributors()) {
                Member m = nameable.get(c.trusterId());
                if (m != null) {
                    contributors.add(new ReputationView.TrustContributor(m.publicId(), m.displayName(), round(c.share(), 3)));
                }
            }
            explanation.addAll(trustSentences(name, own, s, contributors, s.contributors().size() > contributors.size()));
        }
        int disputed = own ? giving.disputedClaimsOf(member.id()) : 0;
        if (disputed > 0) {
            explanation.add(disputed == 1 ? "One of your claims was disputed by the other person: it adds nothing, and it "
                    + "lowers your standing with them." : disputed + " of your claims were disputed by the other person: "
                    + "they add nothing, and each lowers your standing with that person.");
        }
        explanation.add(own
                ? "To raise it: help different people, and ask them to confirm the favors you recorded. Unconfirmed "
                        + "claims add nothing, repeated favors with one person add less each time, and trust from "
                        + "members who are trusted themselves counts most."
                : "Trust counts only favors both sides confirmed; repeated favors between the same two people add "
                        + "less each time, and a disputed claim lowers the claimant's standing.");
        TrustRows.Score s = stored == null ? null : stored.score();
        return new ReputationView(member.publicId(), member.displayName(),
                s == null ? null : round(s.relative(), 2), s == null ? null : round(s.percentile(), 1),
                s == null ? null : round(s.generosityPercentile(), 1), round(record.reliability(), 3),
                gratitude.share() == null ? null : round(gratitude.share(), 3), explanation,
                stored == null ? null : stored.computedAt(),
                new ReputationView.ReputationDetails(
                        new ReputationView.TrustDetails(s == null ? null : round(s.vettedShare(), 3), contributors),
                        new ReputationView.ReliabilityDetails(record.kept(), record.lapsed(),
                                "(" + record.kept() + " + 1) / (" + record.kept() + " + " + record.lapsed() + " + 2)"),
                        new ReputationView.GratitudeDetails(gratitude.received(), gratitude.thanked(), gratitude.medianDaysToThank()),
                        new ReputationView.GenerosityDetails(s == null ? null : round(s.generosity(), 2))));
    }

    private static List<String> trustSentences(String name, boolean own, TrustRows.Score s,
                                               List<ReputationView.TrustContributor> named, boolean othersUnnamed) {
        List<String> sentences = new ArrayList<>();
        String has = own ? "have" : "has";
        if (!(s.score() > 0)) {
            sentences.add(name + " " + has + " no trust yet: trust reaches a member only through favors the people "
                    + "they helped confirmed, starting from the members the community's admins vetted.");
            return sentences;
        }
        sentences.add((own ? "Your" : name + "'s") + " trust is " + times(s.relative()) + " the average member's, "
                + "more than " + percent(s.percentile()) + " of members.");
        if (!named.isEmpty()) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < named.size(); i++) {
                list.append(i == 0 ? "" : i == named.size() - 1 && !othersUnnamed ? " and " : ", ")
                        .append(named.get(i).displayName()).append(" (").append(percent(100 * named.get(i).share())).append(')');
            }
            sentences.add("It comes most from people " + (own ? "you" : name) + " helped who confirmed it: " + list
                    + (othersUnnamed ? " and others" : "") + ".");
        }
        sentences.add(percent(100 * s.vettedShare()) + " of it comes from members the community's admins vetted"
                + " (or from being vetted); the rest through other members.");
        return sentences;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, value >= 10 || value == 0 ? "%.0f%%" : "%.1f%%", value);
    }

    static String times(double relative) {
        return String.format(Locale.ROOT, relative >= 10 ? "%.0f×" : "%.1f×", relative);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
