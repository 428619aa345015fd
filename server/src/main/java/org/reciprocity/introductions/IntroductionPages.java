package org.reciprocity.introductions;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.reciprocity.introductions.Introductions.Proposal;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.network.Network;
import org.reciprocity.network.NetworkViews.ConnectionView;
import org.reciprocity.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The introductions page: propose one between two connections, answer the ones that name you. */
@Controller
class IntroductionPages {

    private final Introductions introductions;
    private final Network network;

    IntroductionPages(Introductions introductions, Network network) {
        this.introductions = introductions;
        this.network = network;
    }

    @GetMapping("/introductions")
    String page(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String first,
                @RequestParam(required = false) String second, @RequestParam(required = false) String done, Model model) {
        return page(me, new Proposal(first, second, ""), Map.of(), done == null ? null : switch (done) {
            case "proposed" -> "Proposed. Each of them is asked; their e-mails are shared only if both accept.";
            case "accepted" -> "Accepted. If the other member accepts too, you are connected and see each other's e-mail.";
            case "declined" -> "Declined. Nobody is told who declined.";
            default -> null;
        }, model);
    }

    private String page(CurrentMember me, Proposal form, Map<String, String> errors, String notice, Model model) {
        List<ConnectionView> choices = network.connections(me);
        model.addAttribute("introductions", introductions.mine(me));
        model.addAttribute("connections", choices);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "pages/introductions";
    }

    @PostMapping("/introductions")
    String propose(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String firstMemberId,
                   @RequestParam(required = false) String secondMemberId, @RequestParam(required = false) String reason,
                   HttpServletResponse response, Model model) {
        Proposal proposal = new Proposal(firstMemberId, secondMemberId, reason);
        try {
            introductions.propose(me, proposal);
            return "redirect:/introductions?done=proposed";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return page(me, proposal, e.byField(), null, model);
        }
    }

    @PostMapping("/introductions/{id}/accept")
    String accept(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        introductions.accept(me, id);
        return "redirect:/introductions?done=accepted";
    }

    @PostMapping("/introductions/{id}/decline")
    String decline(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        introductions.decline(me, id);
        return "redirect:/introductions?done=declined";
    }
}
