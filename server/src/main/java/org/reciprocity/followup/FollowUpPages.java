package org.reciprocity.followup;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.reciprocity.followup.FollowUpViews.CadenceInput;
import org.reciprocity.followup.FollowUpViews.InteractionInput;
import org.reciprocity.followup.FollowUpViews.SnoozeInput;
import org.reciprocity.network.People;
import org.reciprocity.network.PersonPicker;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.PageSlice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The agenda, losing-touch and follow-up settings pages. */
@Controller
class FollowUpPages {

    private final FollowUp followUp;
    private final CalendarFeed feed;
    private final Digest digest;
    private final People people;

    FollowUpPages(FollowUp followUp, CalendarFeed feed, Digest digest, People people) {
        this.followUp = followUp;
        this.feed = feed;
        this.digest = digest;
        this.people = people;
    }

    @GetMapping("/agenda")
    String agenda(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String done,
                  @RequestParam(required = false) String personQuery, @RequestParam(required = false) String person,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String occurredOn,
                  @RequestParam(required = false) String note, @RequestParam(required = false) String page,
                  Model model) {
        if (page != null) {
            return page(me, model, null, Map.of(), null, null, page);
        }
        if (personQuery != null) {
            // the picker's "Find" without JavaScript: the log form again, as typed, with the people found
            return page(me, model, null, Map.of(), input(person, type, occurredOn, note), personQuery);
        }
        return page(me, model, done == null ? null : switch (done) {
            case "done" -> "Marked done.";
            case "snoozed" -> "Snoozed: it comes back on the day you chose.";
            case "logged" -> "Logged. That relationship's keep-in-touch timer starts again today.";
            case "settings" -> "Saved.";
            default -> null;
        }, Map.of(), null);
    }

    private String page(CurrentMember me, Model model, String notice, Map<String, String> errors, InteractionInput form) {
        return page(me, model, notice, errors, form, null);
    }

    private String page(CurrentMember me, Model model, String notice, Map<String, String> errors, InteractionInput form,
                        String personQuery) {
        return page(me, model, notice, errors, form, personQuery, null);
    }

    private String page(CurrentMember me, Model model, String notice, Map<String, String> errors, InteractionInput form,
                        String personQuery, String agendaPage) {
        FollowUpViews.AgendaView agenda = followUp.agenda(me);
        model.addAttribute("agenda", agenda);
        // people at a time: thousands of favors to thank make thousands of items
        model.addAttribute("groups", PageSlice.of(agenda.byPerson(), agendaPage, AGENDA_PEOPLE_SHOWN));
        model.addAttribute("notice", notice);
        model.addAttribute("errors", errors);
        InteractionInput shown = form == null
                ? new InteractionInput(null, null, "MEETING", followUp.today(me).toString(), "") : form;
        model.addAttribute("form", shown);
        String chosen = shown.memberId() != null ? "member:" + shown.memberId()
                : shown.contactId() != null ? "contact:" + shown.contactId() : null;
        model.addAttribute("picker", PersonPicker.of(people, me, "person", personQuery, chosen,
                People.Scope.CONNECTIONS_AND_CONTACTS));
        model.addAttribute("feedUrl", feed.url(me));
        model.addAttribute("digest", digest.frequency(me).name());
        model.addAttribute("mailConfigured", digest.mailConfigured());
        model.addAttribute("cadences", followUp.cadences(me));
        model.addAttribute("recent", followUp.interactions(me, 10));
        return "pages/agenda";
    }

    @PostMapping("/agenda/{reminderId}/done")
    String done(@AuthenticationPrincipal CurrentMember me, @PathVariable String reminderId) {
        followUp.done(me, reminderId);
        return "redirect:/agenda?done=done";
    }

    @PostMapping("/agenda/{reminderId}/snooze")
    String snooze(@AuthenticationPrincipal CurrentMember me, @PathVariable String reminderId,
                  @RequestParam(required = false) Integer days, @RequestParam(required = false) String until) {
        followUp.snooze(me, reminderId, new SnoozeInput(until == null || until.isBlank() ? days : null, until));
        return "redirect:/agenda?done=snoozed";
    }

    @PostMapping("/agenda/interactions")
    String log(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String person,
               @RequestParam(required = false) String type, @RequestParam(required = false) String occurredOn,
               @RequestParam(required = false) String note, @RequestParam(required = false) String returnTo,
               HttpServletResponse response, Model model) {
        InteractionInput input = input(person, type, occurredOn, note);
        try {
            followUp.log(me, input);
            if ("contact".equals(returnTo) && input.contactId() != null) {
                return "redirect:/contacts/" + input.contactId() + "?done=logged";
            }
            return "redirect:/agenda?done=logged";
        } catch (InvalidInput e) {
            response.setStatus(422);
            Map<String, String> errors = new java.util.HashMap<>(e.byField());
            if (errors.containsKey("memberId") || errors.containsKey("contactId")) {
                errors.put("person", "Choose whom you were in touch with.");
            }
            return page(me, model, null, errors, input);
        }
    }

    static final int LOSING_TOUCH_PAGE = 50;
    static final int AGENDA_PEOPLE_SHOWN = 25;


    /** The log form's fields; {@code person} is {@code member:<id>} or {@code contact:<id>}, as the picker writes it. */
    private static InteractionInput input(String person, String type, String occurredOn, String note) {
        String member = person != null && person.startsWith("member:") ? person.substring(7) : null;
        String contact = person != null && person.startsWith("contact:") ? person.substring(8) : null;
        return new InteractionInput(member, contact, type, occurredOn, note);
    }

    @PostMapping("/agenda/settings")
    String settings(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String digestFrequency,
                    @RequestParam(required = false) String regenerateFeed) {
        if (digestFrequency != null) {
            digest.set(me, digestFrequency);
        }
        if (regenerateFeed != null) {
            feed.regenerate(me);
        }
        return "redirect:/agenda?done=settings#settings";
    }

    @PostMapping("/agenda/cadences/{tier}")
    String cadence(@AuthenticationPrincipal CurrentMember me, @PathVariable String tier,
                   @RequestParam(required = false) Integer idealDays, @RequestParam(required = false) Integer maxDays) {
        followUp.setCadence(me, tier, new CadenceInput(idealDays, maxDays));
        return "redirect:/agenda?done=settings#settings";
    }

    @GetMapping("/losing-touch")
    String losingTouch(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String sort,
                       @RequestParam(required = false) String page, Model model) {
        PageSlice<FollowUpViews.StandingView> standings = PageSlice.of(followUp.losingTouch(me, sort), page, LOSING_TOUCH_PAGE);
        model.addAttribute("standings", standings.items());
        model.addAttribute("total", standings.total());
        model.addAttribute("page", standings.page());
        model.addAttribute("pages", standings.pages());
        model.addAttribute("today", followUp.today(me));
        model.addAttribute("sort", sort == null ? "silence" : sort);
        return "pages/losing-touch";
    }
}
