package org.reciprocity.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The community dashboard (X2; API "GET /api/v1/admin/insight"), over the confirmed favors between active members
 * from {@code from} to {@code to}: null {@code computedAt} until trust was first computed.
 */
public record InsightView(Instant computedAt, LocalDate from, LocalDate to, int members, int activeMembers, long favors,
                          Reciprocity reciprocity, long cycles3, List<Bucket> giveTakeDistribution, List<TopGiver> topGivers,
                          List<AtRiskRelationship> atRisk, List<GrowthMonth> growth) {

    /**
     * r = reciprocatedLinks / links; rho = (r − density) / (1 − density), density = links / (N(N − 1));
     * weighted = Σ min(w_ij, w_ji) / Σ w_ij, w the summed effort of the favors i gave j.
     */
    public record Reciprocity(double r, double rho, double weighted, double density, long links, long reciprocatedLinks) {}

    /** Members whose given ÷ received effort falls in this bucket. */
    public record Bucket(String bucket, long members) {}

    public record InsightMember(String memberId, String displayName) {}

    public record TopGiver(InsightMember member, int favors, long weight) {}

    /** One side gave {@code favors} favors and received none back in the window. */
    public record AtRiskRelationship(InsightMember giver, InsightMember receiver, int favors, long weight, LocalDate lastFavorOn) {}

    public record GrowthMonth(String month, int joined, int favors, int activeMembers) {}
}
