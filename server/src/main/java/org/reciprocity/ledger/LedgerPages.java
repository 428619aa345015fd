package org.reciprocity.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.reciprocity.ledger.LedgerViews.ExchangeView;
import org.reciprocity.network.People;
import org.reciprocity.network.PersonPicker;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The ledger's pages: the dashboard, recording, answering and thanking, and relationship histories. */
@Controller
class LedgerPages {

    private final Ledger ledger;
    private final CircledBackChains circledBack;
    private final People people;

    LedgerPages(Ledger ledger, CircledBackChains circledBack, People people) {
        this.ledger = ledger;
        this.circledBack = circledBack;
        this.people = people;
    }

    @GetMapping("/ledger")
    String dashboard(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String done, Model model) {
        LedgerViews.Overview overview = ledger.overview(me);
        model.addAttribute("health", overview.health());
        model.addAttribute("balances", overview.balances());
        model.addAttribute("inbox", ledger.inbox(me));
        model.addAttribute("unthanked", ledger.unthanked(me));
        model.addAttribute("circledBack", circledBack.of(me, null).items().stream()
                .map(chain -> ChainPicture.of(chain, me.publicId())).toList());
        model.addAttribute("notice", done == null ? null : switch (done) {
            case "confirmed" -> "Confirmed. It now counts for both of you.";
            case "disputed" -> "Disputed. The other member sees your reason.";
            case "thanked" -> "Your thank-you was sent.";
            default -> null;
        });
        return "pages/ledger";
    }

    @GetMapping("/ledger/record")
    String recordForm(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String member,
                      @RequestParam(required = false) String contact, @RequestParam(required = false) String counterpartQuery,
                      RecordForm typed, Model model) {
        if (counterpartQuery != null) {
            // the picker's "Find" without JavaScript: the same form again, as typed, with the people found
            return recordPage(me, model, typed, Map.of(), null, counterpartQuery);
        }
        String preset = member != null ? "member:" + member : contact != null ? "contact:" + contact : null;
        return recordPage(me, model, RecordForm.blank(preset, ledger.today(me).toString()), Map.of(), null);
    }

    @PostMapping("/ledger/record")
    String record(@AuthenticationPrincipal CurrentMember me, RecordForm form, HttpServletResponse response, Model model) {
        try {
            ExchangeView created = ledger.record(me, form.toRequest());
            return "redirect:/exchanges/" + created.id() + "?recorded";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return recordPage(me, model, form, e.byField(), null);
        }
    }

    @GetMapping("/exchanges/{id}")
    String exchange(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                    @RequestParam(required = false) String recorded, Model model) {
        model.addAttribute("exchange", ledger.get(me, id));
        model.addAttribute("notice", recorded != null ? "Recorded. " : null);
        model.addAttribute("errors", Map.of());
        return "pages/exchange";
    }

    @PostMapping("/exchanges/{id}/confirm")
    String confirm(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                   @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        return answered(htmx, model, id, "Confirmed.", "confirmed", () -> ledger.confirm(me, id));
    }

    @PostMapping("/exchanges/{id}/dispute")
    String dispute(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                   @RequestParam(required = false) String reason,
                   @RequestHeader(value = "HX-Request", required = false) String htmx,
                   HttpServletResponse response, Model model) {
        try {
            return answered(htmx, model, id, "Disputed.", "disputed", () -> ledger.dispute(me, id, reason));
        } catch (InvalidInput e) {
            return exchangeWithErrors(me, id, e, response, model);
        }
    }

    @PostMapping("/exchanges/{id}/thanks")
    String thank(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                 @RequestParam(required = false) String note,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 HttpServletResponse response, Model model) {
        try {
            return answered(htmx, model, id, "Thanked.", "thanked", () -> ledger.thank(me, id, note));
        } catch (InvalidInput e) {
            return exchangeWithErrors(me, id, e, response, model);
        }
    }

    /** The exchange page again, with the message beside the field that was left empty or too long. */
    private String exchangeWithErrors(CurrentMember me, String id, InvalidInput e, HttpServletResponse response,
                                      Model model) {
        response.setStatus(422);
        model.addAttribute("exchange", ledger.get(me, id));
        model.addAttribute("notice", null);
        model.addAttribute("errors", e.byField());
        return "pages/exchange";
    }

    /** Runs the answer; htmx gets the replacement row, a plain form post goes back to the dashboard. */
    private String answered(String htmx, Model model, String id, String message, String done, Runnable action) {
        try {
            action.run();
        } catch (Conflict | Forbidden e) {
            if (htmx == null) {
                return "redirect:/exchanges/" + id;
            }
            model.addAttribute("message", e.getMessage());
            return "fragments/answered";
        }
        if (htmx != null) {
            model.addAttribute("message", message);
            return "fragments/answered";
        }
        return "redirect:/ledger?done=" + done;
    }

    @GetMapping("/exchanges/{id}/correct")
    String correctForm(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, Model model) {
        ExchangeView exchange = ledger.get(me, id);
        return recordPage(me, model, RecordForm.of(exchange), Map.of(), exchange);
    }

    @PostMapping("/exchanges/{id}/correct")
    String correct(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, RecordForm form,
                   HttpServletResponse response, Model model) {
        try {
            ExchangeView created = ledger.correct(me, id, form.toRequest());
            return "redirect:/exchanges/" + created.id() + "?recorded";
        } catch (InvalidInput e) {
            response.setStatus(422);
            return recordPage(me, model, form, e.byField(), ledger.get(me, id));
        }
    }

    @GetMapping("/ledger/members/{id}")
    String withMember(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, Model model) {
        model.addAttribute("relationship", ledger.withMember(me, id));
        return "pages/relationship";
    }

    @GetMapping("/ledger/contacts/{id}")
    String withContact(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, Model model) {
        model.addAttribute("relationship", ledger.withContact(me, id));
        return "pages/relationship";
    }

    private String recordPage(CurrentMember me, Model model, RecordForm form, Map<String, String> errors,
                              ExchangeView correcting) {
        return recordPage(me, model, form, errors, correcting, null);
    }

    private String recordPage(CurrentMember me, Model model, RecordForm form, Map<String, String> errors,
                              ExchangeView correcting, String counterpartQuery) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("correcting", correcting);
        if (correcting == null) {
            model.addAttribute("picker", PersonPicker.of(people, me, "counterpart", counterpartQuery, form.counterpart(),
                    People.Scope.CONNECTIONS_AND_CONTACTS));
        } else {
            model.addAttribute("picker", null);
        }
        return "pages/record";
    }
}
