package org.reciprocity.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.reciprocity.followup.FollowUpViews.StandingView;
import org.reciprocity.ledger.Ledger;
import org.reciprocity.ledger.LedgerViews.ExchangeView;
import org.reciprocity.network.Contact;
import org.reciprocity.network.ContactRows;
import org.reciprocity.security.CurrentMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A contact's page, to read rather than edit (N3): how to reach them, since when you know them, their tier and
 * whether you are in touch, one timeline of favors and interactions, notes, and the forms to log an interaction
 * or record a favor. Here because it joins the contact (network), the favors (ledger) and the touches (follow-up).
 */
@Controller
class ContactPage {

    /** The newest entries of the timeline shown; the relationship page keeps the whole ledger history. */
    static final int TIMELINE = 100;

    private final ContactRows contacts;
    private final Ledger ledger;
    private final FollowUp followUp;

    ContactPage(ContactRows contacts, Ledger ledger, FollowUp followUp) {
        this.contacts = contacts;
        this.ledger = ledger;
        this.followUp = followUp;
    }

    @GetMapping("/contacts/{id}")
    String contact(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                   @RequestParam(required = false) String done, Model model) {
        Contact contact = contacts.byPublicId(me.id(), id).orElseThrow(ContactRows::notFound);
        List<FollowUpViews.Moment> timeline = new ArrayList<>();
        ledger.withContact(me, id).history().stream().filter(ExchangeView::current)
                .forEach(e -> timeline.add(new FollowUpViews.Moment(e.occurredOn(), e, null)));
        followUp.interactionsWith(me, contact, TIMELINE).forEach(i -> timeline.add(new FollowUpViews.Moment(i.occurredOn(), null, i)));
        timeline.sort(Comparator.comparing(FollowUpViews.Moment::on).reversed());
        LocalDate today = followUp.today(me);
        StandingView standing = contact.tier().isTracked() ? followUp.losingTouch(me, "name").stream()
                .filter(s -> id.equals(s.counterpart().contactId())).findFirst().orElse(null) : null;
        model.addAttribute("contact", contact);
        model.addAttribute("timeline", timeline.subList(0, Math.min(TIMELINE, timeline.size())));
        model.addAttribute("standing", standing);
        model.addAttribute("today", today);
        model.addAttribute("notice", "logged".equals(done) ? "Logged. The keep-in-touch timer starts again." : null);
        return "pages/contact";
    }
}
