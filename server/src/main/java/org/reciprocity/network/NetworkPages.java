package org.reciprocity.network;

import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.member.Member;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.TooManyRequests;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Connecting with a personal note, answering requests, connections and blocks. */
@Controller
class NetworkPages {

    /** Connections listed at a time: a member with a thousand gets pages. */
    static final int CONNECTIONS_SHOWN = 50;

    private final Network network;
    private final NetworkRelationships relationships;

    NetworkPages(Network network, NetworkRelationships relationships) {
        this.network = network;
        this.relationships = relationships;
    }

    @GetMapping("/network")
    String network(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String done,
                   @RequestParam(required = false) String page, Model model) {
        model.addAttribute("incoming", network.incoming(me));
        model.addAttribute("outgoing", network.outgoing(me));
        model.addAttribute("connections", org.reciprocity.web.PageSlice.of(network.connections(me), page, CONNECTIONS_SHOWN));
        model.addAttribute("blocked", network.blocked(me));
        model.addAttribute("notice", done == null ? null : switch (done) {
            case "sent" -> "Your request was sent.";
            case "accepted" -> "You are now connected.";
            case "declined" -> "Request declined.";
            case "withdrawn" -> "Request withdrawn.";
            case "removed" -> "Connection removed.";
            case "blocked" -> "Member blocked. They can no longer send you requests, and your connection ended.";
            case "unblocked" -> "Member unblocked.";
            default -> null;
        });
        return "pages/network";
    }

    @GetMapping("/members/{id}/connect")
    String connectForm(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, Model model) {
        // nobody writes a note to be told afterwards that they are connected already
        var standing = relationships.standing(me.id(), network.recipient(me, id).id());
        if (standing == org.reciprocity.member.Relationships.Standing.CONNECTED) {
            return "redirect:/members/" + id;
        }
        if (standing != org.reciprocity.member.Relationships.Standing.NONE) {
            return "redirect:/network";
        }
        return connectPage(me, id, "", null, null, model);
    }

    /** "Preview" shows the guard's warnings and the note's problem; "Send" sends when the note passes. */
    @PostMapping("/members/{id}/connect")
    String connect(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @RequestParam String note,
                   @RequestParam(defaultValue = "send") String action, HttpServletResponse response, Model model) {
        if ("preview".equals(action)) {
            return connectPage(me, id, note, network.preview(me, id, note), null, model);
        }
        try {
            network.send(me, id, note);
            return "redirect:/network?done=sent";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return connectPage(me, id, note, network.preview(me, id, note), e.getMessage(), model);
        } catch (Conflict | Forbidden e) {
            response.setStatus(e instanceof Conflict ? 409 : 403);
            return connectPage(me, id, note, null, e.getMessage(), model);
        } catch (TooManyRequests e) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            return connectPage(me, id, note, null, e.getMessage() + " Try again in " + e.waitInWords() + ".", model);
        }
    }

    private String connectPage(CurrentMember me, String id, String note, NetworkViews.NotePreview preview, String error,
                               Model model) {
        Member to = network.recipient(me, id);
        model.addAttribute("recipientId", to.publicId());
        model.addAttribute("recipientName", to.displayName());
        model.addAttribute("note", note);
        model.addAttribute("preview", preview);
        model.addAttribute("error", error);
        model.addAttribute("suggestions", network.suggestions(me, to));
        return "pages/connect";
    }

    @PostMapping("/network/requests/{id}/{answer}")
    String answer(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @PathVariable String answer) {
        String done = switch (answer) {
            case "accept" -> {
                network.accept(me, id);
                yield "accepted";
            }
            case "decline" -> {
                network.decline(me, id);
                yield "declined";
            }
            case "withdraw" -> {
                network.withdraw(me, id);
                yield "withdrawn";
            }
            default -> throw new org.reciprocity.web.NotFound("There is no such action.");
        };
        return "redirect:/network?done=" + done;
    }

    @PostMapping("/network/connections/{memberId}/remove")
    String remove(@AuthenticationPrincipal CurrentMember me, @PathVariable String memberId) {
        network.remove(me, memberId);
        return "redirect:/network?done=removed";
    }

    @PostMapping("/members/{memberId}/block")
    String block(@AuthenticationPrincipal CurrentMember me, @PathVariable String memberId) {
        network.block(me, memberId);
        return "redirect:/network?done=blocked";
    }

    @PostMapping("/network/blocks/{memberId}/remove")
    String unblock(@AuthenticationPrincipal CurrentMember me, @PathVariable String memberId) {
        network.unblock(me, memberId);
        return "redirect:/network?done=unblocked";
    }
}
