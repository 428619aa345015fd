package org.reciprocity.asks;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.reciprocity.asks.AskViews.PledgeInput;
import org.reciprocity.asks.AskViews.PledgeView;
import org.reciprocity.asks.AskViews.PostingView;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages of asks, offers, opportunities and pledges, and the suggestions matching makes. */
@Controller
class AskPages {

    private final Asks asks;
    private final Matching matching;
    private final MatchIndex index;

    AskPages(Asks asks, Matching matching, MatchIndex index) {
        this.asks = asks;
        this.matching = matching;
        this.index = index;
    }

    /** Under /admin, so only admins reach it (SecurityConfig). */
    @PostMapping("/admin/match-index")
    String rebuild() {
        index.rebuildEverywhere();
        return "redirect:/admin?rebuilt";
    }

    @GetMapping("/asks")
    String hub(@AuthenticationPrincipal CurrentMember me, Model model) {
        model.addAttribute("giveFirst", matching.giveFirst(me, 10));
        model.addAttribute("opportunities", matching.opportunities(me, 10));
        model.addAttribute("myAsks", asks.mine(me, PostingKind.ASK, 50, null).items());
        model.addAttribute("myOffers", asks.mine(me, PostingKind.OFFER, 50, null).items());
        model.addAttribute("myOpportunities", asks.mine(me, PostingKind.OPPORTUNITY, 50, null).items());
        model.addAttribute("pledges", asks.myPledges(me));
        model.addAttribute("pairs", matching.mutualBenefit(me, 5));
        return "pages/asks";
    }

    @GetMapping("/asks/new")
    String newForm(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String kind, Model model) {
        PostingKind k = new PostingForm(kind, null, null, null, null, null, null).postingKind();
        return form(model, PostingForm.blank(k, asks.today(me).plusDays(k.defaultDays()).toString()), Map.of());
    }

    @PostMapping("/asks/new")
    String create(@AuthenticationPrincipal CurrentMember me, PostingForm form, HttpServletResponse response, Model model) {
        try {
            PostingView created = asks.create(me, form.postingKind(), form.toInput());
            return "redirect:/asks/" + created.id() + "?created";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return form(model, form, e.byField());
        }
    }

    private String form(Model model, PostingForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("kind", form.postingKind());
        model.addAttribute("errors", errors);
        return "pages/ask-new";
    }

    @GetMapping("/asks/{id}")
    String show(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                @RequestParam(required = false) String created, @RequestParam(required = false) String pledged,
                Model model) {
        String notice = created != null ? "Posted. Members it fits will see it in their suggestions."
                : pledged != null ? "Your pledge is recorded; the asker sees it. Fulfil it here when you have helped." : null;
        return show(me, id, notice, Map.of(), null, model);
    }

    private String show(CurrentMember me, String id, String notice, Map<String, String> errors, PledgeInput pledge,
                        Model model) {
        PostingView posting = asks.get(me, id);
        model.addAttribute("posting", posting);
        model.addAttribute("matches", posting.mine() && posting.kind() != PostingKind.OFFER
                ? matching.matches(me, id, 10) : List.of());
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        model.addAttribute("pledgeNote", pledge == null || pledge.note() == null ? "" : pledge.note());
        model.addAttribute("pledgeDue", pledge == null || pledge.dueOn() == null
                ? asks.today(me).plusDays(7).toString() : pledge.dueOn());
        model.addAttribute("today", asks.today(me).toString());
        return "pages/ask";
    }

    @PostMapping("/asks/{id}/pledge")
    String pledge(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String dueOn, HttpServletResponse response, Model model) {
        PledgeInput input = new PledgeInput(note, dueOn);
        try {
            asks.pledge(me, id, input);
            return "redirect:/asks/" + id + "?pledged";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return show(me, id, null, e.byField(), input, model);
        }
    }

    @PostMapping("/asks/{id}/close")
    String close(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @RequestParam String status) {
        asks.close(me, id, status);
        return "redirect:/asks/" + id;
    }

    @PostMapping("/pledges/{id}/fulfil")
    String fulfil(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        PledgeView done = asks.fulfil(me, id, null);
        return "redirect:/exchanges/" + done.exchangeId() + "?recorded";
    }

    @PostMapping("/pledges/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        PledgeView withdrawn = asks.withdraw(me, id);
        return "redirect:/asks/" + withdrawn.askId();
    }
}
