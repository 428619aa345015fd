package org.reciprocity.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.reciprocity.ledger.LedgerViews.BalanceView;
import org.reciprocity.ledger.LedgerViews.ExchangeView;
import org.reciprocity.ledger.LedgerViews.HealthView;
import org.reciprocity.ledger.LedgerViews.RelationshipView;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Ledger")
class LedgerApi {

    record Dispute(String reason) {}

    record ThanksNote(String note) {}

    private final Ledger ledger;
    private final CircledBackChains circledBack;

    LedgerApi(Ledger ledger, CircledBackChains circledBack) {
        this.ledger = ledger;
        this.circledBack = circledBack;
    }

    @PostMapping("/api/v1/exchanges")
    @Operation(summary = "Record a favor given or received",
            description = "With a member it is PENDING until they confirm or dispute; with one of your contacts it is PRIVATE.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ExchangeView> recordExchange(@AuthenticationPrincipal CurrentMember me, @RequestBody RecordExchange body) {
        ExchangeView created = ledger.record(me, body);
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/exchanges")
    @Operation(summary = "Exchanges the caller is party to, newest first, optionally with one member or contact")
    ListPage<ExchangeView> listExchanges(@AuthenticationPrincipal CurrentMember me,
                                @RequestParam(required = false) String counterpartMemberId,
                                @RequestParam(required = false) String contactId,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor) {
        return ledger.list(me, counterpartMemberId, contactId, limit, cursor);
    }

    @GetMapping("/api/v1/exchanges/inbox")
    @Operation(summary = "Entries other members recorded with the caller, waiting for the caller's answer")
    ListPage<ExchangeView> listInbox(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(ledger.inbox(me), null);
    }

    @GetMapping("/api/v1/exchanges/unthanked")
    @Operation(summary = "Confirmed favors the caller received and has not thanked yet")
    ListPage<ExchangeView> listUnthanked(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(ledger.unthanked(me), null);
    }

    @GetMapping("/api/v1/exchanges/{id}")
    @Operation(summary = "One exchange with its full history of status changes")
    ExchangeView getExchange(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return ledger.get(me, id);
    }

    @PostMapping("/api/v1/exchanges/{id}/confirm")
    @Operation(summary = "Confirm an entry another member recorded with you")
    ExchangeView confirmExchange(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return ledger.confirm(me, id);
    }

    @PostMapping("/api/v1/exchanges/{id}/dispute")
    @Operation(summary = "Dispute an entry another member recorded with you, saying why")
    ExchangeView disputeExchange(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                         @RequestBody(required = false) Dispute body) {
        return ledger.dispute(me, id, body == null ? null : body.reason());
    }

    @PostMapping("/api/v1/exchanges/{id}/thanks")
    @Operation(summary = "Thank for a confirmed favor you received; the giver sees the note")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ExchangeView> thankForExchange(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                       @RequestBody(required = false) ThanksNote body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ledger.thank(me, id, body == null ? null : body.note()));
    }

    @PostMapping("/api/v1/exchanges/{id}/corrections")
    @Operation(summary = "Correct an entry you recorded",
            description = "A new entry supersedes the old one; both stay readable. With a member the correction is pending again.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ExchangeView> correctExchange(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                                         @RequestBody RecordExchange body) {
        ExchangeView created = ledger.correct(me, id, body);
        return ResponseEntity.created(URI.create("/api/v1/exchanges/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/balances")
    @Operation(summary = "The balance of each of the caller's relationships, most recent first",
            description = "given and received are weighted (1-5) and halve every half-life (default 365 days).")
    ListPage<BalanceView> listBalances(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(ledger.balances(me), null);
    }

    @GetMapping("/api/v1/me/circled-back")
    @Operation(summary = "Value that circled back: chains of confirmed favors that left the caller and came back through others",
            description = "The best five chains of 2-4 favors, oldest favor first, each on a later day than the one before, all "
                    + "within the last windowDays days (default 365, at most 1095); weight is the lightest favor's effort. "
                    + "Never a favor with a private contact, never a member the caller may not see.")
    CircledBackChains.CircledBackView circledBack(@AuthenticationPrincipal CurrentMember me,
                                         @RequestParam(required = false) Integer windowDays) {
        return circledBack.of(me, windowDays);
    }

    @GetMapping("/api/v1/health")
    @Operation(summary = "The caller's give/take ratio and health flags, each with its reason and a suggestion")
    HealthView getHealth(@AuthenticationPrincipal CurrentMember me) {
        return ledger.health(me);
    }

    @GetMapping("/api/v1/relationships/members/{memberId}")
    @Operation(summary = "The whole history and balance of the caller's relationship with a member")
    RelationshipView getRelationshipWithMember(@AuthenticationPrincipal CurrentMember me, @PathVariable String memberId) {
        return ledger.withMember(me, memberId);
    }

    @GetMapping("/api/v1/relationships/contacts/{contactId}")
    @Operation(summary = "The whole history and balance of the caller's relationship with one of their contacts")
    RelationshipView getRelationshipWithContact(@AuthenticationPrincipal CurrentMember me, @PathVariable String contactId) {
        return ledger.withContact(me, contactId);
    }

}
