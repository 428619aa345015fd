package org.reciprocity.trust;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins start and follow the trust computation, and choose the vetted members who seed it. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration")
class TrustApi {

    record VettedRequest(Boolean vetted) {}

    record VettedView(String memberId, String displayName, boolean vetted) {}

    private final TrustRecompute recompute;
    private final SeedSet seeds;
    private final MemberRows members;
    private final Insights insights;

    TrustApi(TrustRecompute recompute, SeedSet seeds, MemberRows members, Insights insights) {
        this.insights = insights;
        this.recompute = recompute;
        this.seeds = seeds;
        this.members = members;
    }

    @PostMapping("/api/v1/admin/trust/recompute")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Recompute everyone's trust in the background (admins only)",
            description = "202 with the run; when a run is already going (on any instance), that run.")
    ResponseEntity<TrustRunView> recompute() {
        TrustRunView run = TrustRunView.of(recompute.start(TrustRows.Reason.ADMIN));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/admin/trust/recompute/" + run.id()))
                .body(run);
    }

    @GetMapping("/api/v1/admin/trust/recompute/{id}")
    @Operation(summary = "A trust computation's status and progress (admins only)")
    TrustRunView run(@PathVariable String id) {
        return recompute.run(id).map(TrustRunView::of).orElseThrow(() -> new NotFound("No trust computation has this id."));
    }

    @GetMapping("/api/v1/admin/insight")
    @Operation(summary = "The community dashboard: reciprocity, cycles, give/take, top givers, relationships at risk, growth "
            + "(admins only)", description = "Over the confirmed favors between active members in the last year, as the last "
            + "trust computation found them (computedAt; null before the first). r = reciprocated links / links; rho = "
            + "(r - density) / (1 - density); weighted = sum of min(w_ij, w_ji) / sum of w_ij; cycles3 counts favor triples "
            + "A->B->C->A, each on a later day than the one before.")
    InsightView insight() {
        return insights.latest();
    }

    @PutMapping("/api/v1/admin/members/{id}/vetted")
    @Operation(summary = "Vet a member, or stop vetting them (admins only)",
            description = "Vetted members and the admins are the seed set trust starts from; the next computation uses it.")
    VettedView vetted(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @RequestBody VettedRequest request) {
        if (request == null || request.vetted() == null) {
            throw new InvalidInput("vetted", "Say true to vet this member or false to stop vetting them.");
        }
        Member member = members.byPublicId(id).orElseThrow(() -> new NotFound("No member has this id."));
        if (request.vetted()) {
            seeds.vet(member.id(), me.id());
        } else {
            seeds.unvet(member.id(), me.id());
        }
        return new VettedView(member.publicId(), member.displayName(), seeds.isVetted(member.id()));
    }
}
