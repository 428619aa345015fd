package org.reciprocity.ledger;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.reciprocity.ledger.LedgerViews.ExchangeView;
import org.reciprocity.network.People;
import org.reciprocity.network.PersonPicker;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Chart;
import org.reciprocity.web.Conflict;
import org.reciprocity.web.Forbidden;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.PageSlice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's pages: the dashboard, recording, answering and thanking, and relationship histories. */
@Controller
class LedgerPages {

    /** Flags, favors to answer and favors to thank shown at a time; relationships in the table at a time. */
    static final int SHOWN = 20;
    static final int RELATIONSHIPS_SHOWN = 50;

    /** The relationships the ledger's chart draws: the largest by what went both ways; the table lists all. */
    static final int RELATIONSHIPS_CHARTED = 12;

    private final Ledger ledger;
    private final CircledBackChains circledBack;
    private final People people;
    private final JsonMapper json;

    LedgerPages(Ledger ledger, CircledBackChains circledBack, People people, JsonMapper json) {
        this.ledger = ledger;
        this.circledBack = circledBack;
        this.people = people;
        this.json = json;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @GetMapping("/ledger")
    String dashboard(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String done,
                     @RequestParam(required = false) String flags, @RequestParam(required = false) String inbox,
                     @RequestParam(required = false) String thanks, @RequestParam(required = false) String relationships,
                     Model model) {
        LedgerViews.Overview overview = ledger.overview(me);
        model.addAttribute("health", overview.health());
        // a member with thousands of favors sees each list in pages, never one page of megabytes
        model.addAttribute("flags", PageSlice.of(overview.health().flags(), flags, SHOWN));
        model.addAttribute("balances", PageSlice.of(overview.balances(), relationships, RELATIONSHIPS_SHOWN));
        model.addAttribute("months", overview.months());
        model.addAttribute("today", ledger.today(me));
        model.addAttribute("paused", ledger.givingPaused(me));
        model.addAttribute("monthsChart", json.writeValueAsString(new Chart("bar",
                overview.months().stream().map(LedgerViews.MonthView::label).toList(),
                List.of(new Chart.Series("Given", overview.months().stream().map(m -> (Number) m.given()).toList()),
                        new Chart.Series("Received", overview.months().stream().map(m -> (Number) m.received()).toList())),
                false)));
        List<LedgerViews.BalanceView> biggest = overview.balances().stream()
                .sorted(java.util.Comparator.comparingDouble((LedgerViews.BalanceView b) -> -(b.given() + b.received())))
                .limit(RELATIONSHIPS_CHARTED).toList();
        model.addAttribute("relationshipsChart", json.writeValueAsString(new Chart("bar",
                biggest.stream().map(b -> b.counterpart().displayName()).toList(),
                List.of(new Chart.Series("Given", biggest.stream().map(b -> (Number) round(b.given())).toList()),
                        new Chart.Series("Received", biggest.stream().map(b -> (Number) round(b.received())).toList())),
                true)));
        model.addAttribute("inbox", ledger.inbox(me, inbox, SHOWN));
        model.addAttribute("unthanked", ledger.unthanked(me, thanks, SHOWN));
        model.addAttribute("circledBack", circledBack.of(me, null).items().stream()
                .map(chain -> ChainPicture.of(chain, me.publicId())).toList());
        model.addAttribute("notice", done == null ? null : switch (done) {
            case "confirmed" -> "Confirmed. It now counts for both of you.";
            case "disputed" -> "Disputed. The other member sees your reason.";
            case "thanked" -> "Your thank-you was sent.";
            case "paused" -> "Giving paused: nobody is pointed to you for help until you resume (your profile says so too).";
            case "resumed" -> "Giving resumed: matching may point people to you again.";
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
            return recordPage(me, model, form, inPageWords(e.byField()), null);
        }
    }

    /**
     * The API's errors, worded for the form: the page has a person picker, not the API's two id fields, and a
     * list of favors to give back, not an id to type.
     */
    static Map<String, String> inPageWords(Map<String, String> errors) {
        Map<String, String> worded = new java.util.LinkedHashMap<>(errors);
        for (String field : List.of("counterpartMemberId", "contactId")) {
            worded.computeIfPresent(field, (f, message) -> message.contains("counterpartMemberId")
                    ? "Choose whom the favor was with: search for a name above, then pick one." : message);
        }
        worded.computeIfPresent("returnsExchangeId", (f, message) -> message.contains("returnsExchangeId")
                ? "Choose one of the favors in the list, or none." : message);
        return worded;
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
        return answered(me, htmx, model, id, "Confirmed.", "confirmed", () -> ledger.confirm(me, id));
    }

    @PostMapping("/exchanges/{id}/dispute")
    String dispute(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                   @RequestParam(required = false) String reason,
                   @RequestHeader(value = "HX-Request", required = false) String htmx,
                   HttpServletResponse response, Model model) {
        try {
            return answered(me, htmx, model, id, "Disputed.", "disputed", () -> ledger.dispute(me, id, reason));
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
            return answered(me, htmx, model, id, "Thanked.", "thanked", () -> ledger.thank(me, id, note));
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
    private String answered(CurrentMember me, String htmx, Model model, String id, String message, String done,
                            Runnable action) {
        try {
            action.run();
        } catch (Conflict | Forbidden e) {
            if (htmx == null) {
                return "redirect:/exchanges/" + id;
            }
            return answeredFragment(me, model, e.getMessage());
        }
        if (htmx != null) {
            return answeredFragment(me, model, message);
        }
        return "redirect:/ledger?done=" + done;
    }

    /** The answer that replaces the row, with the section counts brought up to date out of band (htmx). */
    private String answeredFragment(CurrentMember me, Model model, String message) {
        model.addAttribute("message", message);
        model.addAttribute("inboxCount", ledger.inbox(me, null, 1).total());
        model.addAttribute("unthankedCount", ledger.unthanked(me, null, 1).total());
        return "fragments/answered";
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
            model.addAttribute("returnable", ledger.openFavorsWith(me, form.counterpart()));
        } else {
            model.addAttribute("picker", null);
            model.addAttribute("returnable", List.of());
        }
        return "pages/record";
    }
}
