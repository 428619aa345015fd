package org.reciprocity.introductions;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.reciprocity.introductions.Introductions.Proposal;
import org.reciprocity.network.Network;
import org.reciprocity.network.People;
import org.reciprocity.network.PersonPicker;
import org.reciprocity.security.CurrentMember;
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
    private final People people;

    IntroductionPages(Introductions introductions, Network network, People people) {
        this.introductions = introductions;
        this.network = network;
        this.people = people;
    }

    @GetMapping("/introductions")
    String page(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String first,
                @RequestParam(required = false) String second, @RequestParam(required = false) String done,
                @RequestParam(required = false) String firstMemberId, @RequestParam(required = false) String secondMemberId,
                @RequestParam(required = false) String firstMemberIdQuery,
                @RequestParam(required = false) String secondMemberIdQuery,
                @RequestParam(required = false) String reason, Model model) {
        if (firstMemberIdQuery != null || secondMemberIdQuery != null) {
            // a picker's "Find" without JavaScript: the form again, as typed, with the people found
            return page(me, new Proposal(firstMemberId, secondMemberId, reason == null ? "" : reason), Map.of(), null, model,
                    firstMemberIdQuery, secondMemberIdQuery);
        }
        return page(me, new Proposal(first, second, ""), Map.of(), done == null ? null : switch (done) {
            case "proposed" -> "Proposed. Each of them is asked; their e-mails are shared only if both accept.";
            case "accepted" -> "Accepted. If the other member accepts too, you are connected and see each other's e-mail.";
            case "declined" -> "Declined. Nobody is told who declined.";
            default -> null;
        }, model);
    }

    private String page(CurrentMember me, Proposal form, Map<String, String> errors, String notice, Model model) {
        return page(me, form, errors, notice, model, null, null);
    }

    private String page(CurrentMember me, Proposal form, Map<String, String> errors, String notice, Model model,
                        String firstQuery, String secondQuery) {
        model.addAttribute("introductions", introductions.mine(me));
        model.addAttribute("canIntroduce", network.connections(me).size() >= 2);
        model.addAttribute("firstPicker", PersonPicker.of(people, me, "firstMemberId", firstQuery,
                form.firstMemberId(), People.Scope.CONNECTIONS));
        model.addAttribute("secondPicker", PersonPicker.of(people, me, "secondMemberId",
                secondQuery, form.secondMemberId(), People.Scope.CONNECTIONS));
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
