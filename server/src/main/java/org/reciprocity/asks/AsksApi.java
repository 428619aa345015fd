package org.reciprocity.asks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.reciprocity.asks.AskViews.FulfilInput;
import org.reciprocity.asks.AskViews.MatchView;
import org.reciprocity.asks.AskViews.MutualBenefit;
import org.reciprocity.asks.AskViews.PledgeInput;
import org.reciprocity.asks.AskViews.PledgeView;
import org.reciprocity.asks.AskViews.PostingInput;
import org.reciprocity.asks.AskViews.PostingView;
import org.reciprocity.asks.AskViews.SuggestedPosting;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Asks, offers, pledges and matching")
class AsksApi {

    record CloseInput(String status) {}

    private final Asks asks;
    private final Matching matching;
    private final MatchIndex index;

    AsksApi(Asks asks, Matching matching, MatchIndex index) {
        this.asks = asks;
        this.matching = matching;
        this.index = index;
    }

    @PostMapping("/api/v1/asks")
    @Operation(summary = "Ask for help", description = "visibility COMMUNITY (default) or CONNECTIONS; expiresOn defaults to 30 days.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PostingView> createAsk(@AuthenticationPrincipal CurrentMember me, @RequestBody PostingInput body) {
        PostingView created = asks.create(me, PostingKind.ASK, body);
        return created(created);
    }

    @PostMapping("/api/v1/offers")
    @Operation(summary = "Offer help", description = "An offer that reads as a sales pitch must be marked commercial (E1).")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PostingView> createOffer(@AuthenticationPrincipal CurrentMember me, @RequestBody PostingInput body) {
        return created(asks.create(me, PostingKind.OFFER, body));
    }

    @PostMapping("/api/v1/opportunities")
    @Operation(summary = "Share a job opening or other opportunity; it is routed to members whose skills match (A6)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PostingView> createOpportunity(@AuthenticationPrincipal CurrentMember me, @RequestBody PostingInput body) {
        return created(asks.create(me, PostingKind.OPPORTUNITY, body));
    }

    @GetMapping("/api/v1/asks")
    @Operation(summary = "The caller's own asks, newest first")
    ListPage<PostingView> listMyAsks(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor) {
        return asks.mine(me, PostingKind.ASK, limit, cursor);
    }

    @GetMapping("/api/v1/offers")
    @Operation(summary = "The caller's own offers, newest first")
    ListPage<PostingView> listMyOffers(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        return asks.mine(me, PostingKind.OFFER, limit, cursor);
    }

    @GetMapping("/api/v1/opportunities")
    @Operation(summary = "The opportunities the caller posted, newest first")
    ListPage<PostingView> listMyOpportunities(@AuthenticationPrincipal CurrentMember me,
                                          @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) String cursor) {
        return asks.mine(me, PostingKind.OPPORTUNITY, limit, cursor);
    }

    // One handler per path (not one for three), so that each operation has its own readable id.

    @GetMapping("/api/v1/asks/{id}")
    @Operation(summary = "One ask the caller may see; its author also sees its pledges")
    PostingView getAsk(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return asks.get(me, id);
    }

    @GetMapping("/api/v1/offers/{id}")
    @Operation(summary = "One offer the caller may see")
    PostingView getOffer(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return asks.get(me, id);
    }

    @GetMapping("/api/v1/opportunities/{id}")
    @Operation(summary = "One opportunity the caller may see")
    PostingView getOpportunity(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return asks.get(me, id);
    }

    @PostMapping("/api/v1/asks/{id}/close")
    @Operation(summary = "The author closes an ask: status FULFILLED or CLOSED")
    PostingView closeAsk(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                         @RequestBody(required = false) CloseInput body) {
        return asks.close(me, id, body == null ? null : body.status());
    }

    @PostMapping("/api/v1/offers/{id}/close")
    @Operation(summary = "The author closes an offer: status FULFILLED or CLOSED")
    PostingView closeOffer(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                           @RequestBody(required = false) CloseInput body) {
        return asks.close(me, id, body == null ? null : body.status());
    }

    @PostMapping("/api/v1/opportunities/{id}/close")
    @Operation(summary = "The author closes an opportunity: status FULFILLED or CLOSED")
    PostingView closeOpportunity(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                 @RequestBody(required = false) CloseInput body) {
        return asks.close(me, id, body == null ? null : body.status());
    }

    @GetMapping("/api/v1/asks/{id}/matches")
    @Operation(summary = "Members who could help with the caller's ask, best first, each with reasons",
            description = "Only the author may ask. Paused, over-capacity, blocked and suspended members never appear.")
    ListPage<MatchView> listAskMatches(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                       @RequestParam(required = false) Integer limit) {
        return new ListPage<>(matching.matches(me, id, limit), null);
    }

    @GetMapping("/api/v1/opportunities/{id}/matches")
    @Operation(summary = "Members whom the caller's opportunity fits, best first, each with reasons",
            description = "Only the author may ask. Blocked and suspended members never appear.")
    ListPage<MatchView> listOpportunityMatches(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                               @RequestParam(required = false) Integer limit) {
        return new ListPage<>(matching.matches(me, id, limit), null);
    }

    @GetMapping("/api/v1/me/give-first")
    @Operation(summary = "Open asks the caller could help with, best first, each with reasons",
            description = "Empty while the caller has paused giving or used up their monthly capacity.")
    ListPage<SuggestedPosting> listGiveFirst(@AuthenticationPrincipal CurrentMember me,
                                         @RequestParam(required = false) Integer limit) {
        return new ListPage<>(matching.giveFirst(me, limit), null);
    }

    @GetMapping("/api/v1/me/opportunities")
    @Operation(summary = "Open opportunities that fit what the caller can give")
    ListPage<SuggestedPosting> listOpportunitiesForMe(@AuthenticationPrincipal CurrentMember me,
                                                  @RequestParam(required = false) Integer limit) {
        return new ListPage<>(matching.opportunities(me, limit), null);
    }

    @GetMapping("/api/v1/me/mutual-benefit")
    @Operation(summary = "Pairs among the caller's connections who could each help the other (A5)")
    ListPage<MutualBenefit> listMutualBenefit(@AuthenticationPrincipal CurrentMember me,
                                          @RequestParam(required = false) Integer limit) {
        return new ListPage<>(matching.mutualBenefit(me, limit), null);
    }

    @PostMapping("/api/v1/asks/{id}/pledges")
    @Operation(summary = "Pledge to help with an ask by a due date",
            description = "A pledge still open 7 days after its due date lapses and counts against reliability.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PledgeView> createPledge(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                      @RequestBody PledgeInput body) {
        PledgeView created = asks.pledge(me, id, body);
        return ResponseEntity.created(URI.create("/api/v1/pledges/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/pledges")
    @Operation(summary = "The caller's pledges, soonest due first")
    ListPage<PledgeView> listMyPledges(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(asks.myPledges(me), null);
    }

    @GetMapping("/api/v1/pledges/{id}")
    @Operation(summary = "One pledge, for the helper or the asker")
    PledgeView getPledge(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return asks.getPledge(me, id);
    }

    @PostMapping("/api/v1/pledges/{id}/fulfil")
    @Operation(summary = "Fulfil your pledge: records the GAVE exchange, pending the asker's confirmation",
            description = "Optional body {kind, description, weight}; defaults ADVICE, \"Helped with: <ask>\", 2.")
    PledgeView fulfilPledge(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                      @RequestBody(required = false) FulfilInput body) {
        return asks.fulfil(me, id, body);
    }

    @PostMapping("/api/v1/pledges/{id}/withdraw")
    @Operation(summary = "Withdraw your pledge before its due date")
    PledgeView withdrawPledge(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return asks.withdraw(me, id);
    }

    @PostMapping("/api/v1/admin/match-index/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rebuild the matching index from the database on every instance (admin)")
    MatchIndex.RebuildReport rebuildMatchIndex() {
        return index.rebuildEverywhere();
    }

    private static ResponseEntity<PostingView> created(PostingView view) {
        String path = switch (view.kind()) {
            case ASK -> "/api/v1/asks/";
            case OFFER -> "/api/v1/offers/";
            case OPPORTUNITY -> "/api/v1/opportunities/";
        };
        return ResponseEntity.created(URI.create(path + view.id())).body(view);
    }
}
