package org.reciprocity.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.network.NetworkViews.BlockedView;
import org.reciprocity.network.NetworkViews.ConnectionView;
import org.reciprocity.network.NetworkViews.NotePreview;
import org.reciprocity.network.NetworkViews.RequestView;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Connections")
class NetworkApi {

    record NewRequest(String toMemberId, String note) {}

    record BlockRequest(String memberId) {}

    private final Network network;

    NetworkApi(Network network) {
        this.network = network;
    }

    @PostMapping("/api/v1/connection-requests")
    @Operation(summary = "Ask a member to connect, with a personal note",
            description = "422 when the note is missing, under 20 or over 300 characters, or a default invitation text; "
                    + "429 past a limit. 'warnings' lists sales phrases found in the note.")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<RequestView> sendConnectionRequest(@AuthenticationPrincipal CurrentMember me, @RequestBody NewRequest body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(network.send(me, body.toMemberId(), body.note()));
    }

    @PostMapping("/api/v1/connection-requests/preview")
    @Operation(summary = "Check a note before sending: its problem, the guard's warnings and what to mention")
    NotePreview previewConnectionNote(@AuthenticationPrincipal CurrentMember me, @RequestBody NewRequest body) {
        return network.preview(me, body.toMemberId(), body.note());
    }

    @GetMapping("/api/v1/connection-requests")
    @Operation(summary = "Pending requests: direction=incoming (default) or outgoing")
    ListPage<RequestView> listConnectionRequests(@AuthenticationPrincipal CurrentMember me,
                               @RequestParam(defaultValue = "incoming") String direction) {
        return new ListPage<>("outgoing".equals(direction) ? network.outgoing(me) : network.incoming(me), null);
    }

    @PostMapping("/api/v1/connection-requests/{id}/accept")
    RequestView acceptConnectionRequest(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return network.accept(me, id);
    }

    @PostMapping("/api/v1/connection-requests/{id}/decline")
    RequestView declineConnectionRequest(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return network.decline(me, id);
    }

    @PostMapping("/api/v1/connection-requests/{id}/withdraw")
    RequestView withdrawConnectionRequest(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return network.withdraw(me, id);
    }

    @GetMapping("/api/v1/connections")
    @Operation(summary = "The caller's connections, newest first")
    ListPage<ConnectionView> listConnections(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(network.connections(me), null);
    }

    @DeleteMapping("/api/v1/connections/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a connection")
    void removeConnection(@AuthenticationPrincipal CurrentMember me, @PathVariable String memberId) {
        network.remove(me, memberId);
    }

    @PostMapping("/api/v1/blocks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Block a member: ends the connection and pending requests; they can no longer reach you")
    void blockMember(@AuthenticationPrincipal CurrentMember me, @RequestBody BlockRequest body) {
        network.block(me, body.memberId());
    }

    @GetMapping("/api/v1/blocks")
    ListPage<BlockedView> listBlocks(@AuthenticationPrincipal CurrentMember me) {
        return new ListPage<>(network.blocked(me), null);
    }

    @DeleteMapping("/api/v1/blocks/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unblockMember(@AuthenticationPrincipal CurrentMember me, @PathVariable String memberId) {
        network.unblock(me, memberId);
    }
}
