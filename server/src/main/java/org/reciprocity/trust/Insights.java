package org.reciprocity.trust;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.reciprocity.core.insight.CommunityInsight;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.springframework.stereotype.Component;

/** The community dashboard as the last trust run stored it, with the members' current names. */
@Component
class Insights {

    private final InsightRows rows;
    private final MemberRows members;

    Insights(InsightRows rows, MemberRows members) {
        this.rows = rows;
        this.members = members;
    }

    InsightView latest() {
        InsightRows.Latest latest = rows.latest().orElse(null);
        if (latest == null) {
            return new InsightView(null, null, null, 0, 0, 0, new InsightView.Reciprocity(0, 0, 0, 0, 0, 0), 0,
                    CommunityInsight.BUCKETS.stream().map(b -> new InsightView.Bucket(b, 0)).toList(), List.of(), List.of(),
                    List.of());
        }
        InsightRows.Stored s = latest.insight();
        Set<Long> ids = new HashSet<>();
        s.topGivers().forEach(g -> ids.add(g.memberId()));
        s.atRisk().forEach(a -> {
            ids.add(a.giverId());
            ids.add(a.receiverId());
        });
        Map<Long, Member> named = members.byIds(ids);
        return new InsightView(latest.computedAt(), s.from(), s.to(), s.members(), s.activeMembers(), s.favors(),
                new InsightView.Reciprocity(s.r(), s.rho(), s.weighted(), s.density(), s.links(), s.reciprocatedLinks()),
                s.cycles3(),
                IntStream.range(0, CommunityInsight.BUCKETS.size())
                        .mapToObj(i -> new InsightView.Bucket(CommunityInsight.BUCKETS.get(i), s.giveTake()[i])).toList(),
                s.topGivers().stream().map(g -> new InsightView.TopGiver(member(named, g.memberId()), g.favors(), g.weight()))
                        .toList(),
                s.atRisk().stream().map(a -> new InsightView.AtRiskRelationship(member(named, a.giverId()),
                        member(named, a.receiverId()), a.favors(), a.weight(), a.last())).toList(),
                s.growth().stream().map(m -> new InsightView.GrowthMonth(m.month(), m.joined(), m.favors(), m.active())).toList());
    }

    private static InsightView.InsightMember member(Map<Long, Member> named, long id) {
        Member m = named.get(id);
        return m == null ? new InsightView.InsightMember(null, "(deleted account)")
                : new InsightView.InsightMember(m.publicId(), m.displayName());
    }
}
