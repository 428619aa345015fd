package org.reciprocity.network;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.reciprocity.core.network.Tier;
import org.reciprocity.member.Today;
import org.reciprocity.network.ContactRows.ContactQuery;
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

/** The member's private contacts: list, add, edit, delete. */
@Controller
class ContactPages {

    private final ContactRows contacts;
    private final ContactImporter importer;
    private final TrackFirst trackFirst;
    private final Today today;
    private final Clock clock;

    ContactPages(ContactRows contacts, ContactImporter importer, TrackFirst trackFirst, Today today, Clock clock) {
        this.contacts = contacts;
        this.importer = importer;
        this.trackFirst = trackFirst;
        this.today = today;
        this.clock = clock;
    }

    @GetMapping("/contacts/import")
    String importForm(@RequestParam(required = false) String tooLarge, @RequestParam(required = false) String broken,
                      Model model) {
        model.addAttribute("error", tooLarge != null ? "The file is larger than 10 MB; split it into smaller files."
                : broken != null ? "The upload did not arrive whole. Choose the file and send it again." : null);
        return "pages/import";
    }

    @PostMapping("/contacts/import")
    String importFile(@AuthenticationPrincipal CurrentMember me,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                      @RequestParam(required = false) String format, HttpServletResponse response, Model model)
            throws java.io.IOException {
        try {
            var started = importer.start(me, format, file == null ? null : file.getBytes());
            return "redirect:/contacts/imports/" + started.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            return "pages/import";
        }
    }

    @GetMapping("/contacts/imports/{id}")
    String importProgress(@AuthenticationPrincipal CurrentMember me, @PathVariable String id,
                          @org.springframework.web.bind.annotation.RequestHeader(value = "HX-Request", required = false) String htmx,
                          Model model) {
        ContactImporter.ImportView job = importer.view(me.id(), id);
        model.addAttribute("job", job);
        model.addAttribute("suggestions", job.status().equals("DONE") ? trackFirst.suggest(me.id(), today.of(me)) : List.of());
        return htmx != null ? "fragments/importProgress" : "pages/import-progress";
    }

    @GetMapping("/contacts/export")
    org.springframework.http.ResponseEntity<String> export(@AuthenticationPrincipal CurrentMember me,
                                                           @RequestParam(defaultValue = "vcard") String format) {
        return ImportApi.download(contacts.all(me.id()), format);
    }

    @GetMapping("/contacts")
    String list(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String q,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String page, @RequestParam(required = false) String done,
                @RequestParam(required = false) Integer changed, Model model) {
        String notice = switch (done == null ? "" : done) {
            case "deleted" -> "The contact and the private favors recorded with them were deleted.";
            case "tier" -> plural(changed, "contact") + " moved to the tier you chose.";
            case "tag" -> plural(changed, "contact") + " tagged.";
            case "removed" -> plural(changed, "contact") + " deleted, with the private favors recorded with them.";
            default -> null;
        };
        return listPage(me, model, new ContactQuery(q, tierOrAny(tier), tag), PageSlice.number(page), ContactForm.blank(),
                Map.of(), notice);
    }

    /** Many contacts at once (the checkboxes of the contacts page): a tier, a tag, or deletion. */
    @PostMapping("/contacts/bulk")
    String bulk(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) List<String> ids,
                @RequestParam(required = false) String action, @RequestParam(required = false) String newTag,
                @RequestParam(required = false) String confirm, @RequestParam(required = false) String q,
                @RequestParam(required = false) String tier, @RequestParam(required = false) String tag,
                @RequestParam(required = false) String page, HttpServletResponse response, Model model) {
        ContactQuery query = new ContactQuery(q, tierOrAny(tier), tag);
        List<String> chosen = ids == null ? List.of() : ids.stream().filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, String> errors = new java.util.HashMap<>();
        if (chosen.isEmpty()) {
            errors.put("ids", "Tick the contacts to change first.");
        }
        String act = action == null ? "" : action;
        String cleanTag = newTag == null ? "" : newTag.strip();
        if (act.equals("tag") && (cleanTag.isEmpty() || cleanTag.length() > 60)) {
            errors.put("newTag", "Write the tag to add (at most 60 characters).");
        } else if (act.equals("delete") && confirm == null) {
            errors.put("confirm", "Tick \"Yes, delete them\" to delete: their private favors go with them.");
        } else if (!act.equals("tag") && !act.equals("delete") && !act.startsWith("tier:")) {
            errors.put("action", "Choose what to do with the contacts you ticked.");
        }
        Tier newTier = null;
        if (act.startsWith("tier:")) {
            newTier = tierOrAny(act.substring(5));
            if (newTier == null) {
                errors.put("action", "Choose what to do with the contacts you ticked.");
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return listPage(me, model, query, PageSlice.number(page), ContactForm.blank(), errors, null);
        }
        java.time.Instant now = clock.instant();
        String done;
        int count;
        if (newTier != null) {
            count = contacts.setTier(me.id(), chosen, newTier, now);
            done = "tier";
        } else if (act.equals("tag")) {
            count = contacts.addTag(me.id(), chosen, cleanTag, now);
            done = "tag";
        } else {
            count = contacts.deleteAll(me.id(), chosen);
            done = "removed";
        }
        ContactListing back = new ContactListing(List.of(), 0, PageSlice.number(page), ContactListing.PAGE_SIZE, query);
        return "redirect:" + back.link(back.page()) + "&done=" + done + "&changed=" + count;
    }

    @PostMapping("/contacts")
    String create(@AuthenticationPrincipal CurrentMember me, ContactForm form, HttpServletResponse response, Model model) {
        try {
            Contact created = contacts.create(me.id(), form.toInput(null).validated(), clock.instant());
            return "redirect:/contacts/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            return listPage(me, model, form, e.byField(), null);
        }
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, Model model) {
        Contact contact = contacts.byPublicId(me.id(), id).orElseThrow(ContactRows::notFound);
        return editPage(model, contact, ContactForm.of(contact), Map.of());
    }

    @PostMapping("/contacts/{id}")
    String update(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, ContactForm form,
                  HttpServletResponse response, Model model) {
        Contact contact = contacts.byPublicId(me.id(), id).orElseThrow(ContactRows::notFound);
        try {
            contacts.update(me.id(), id, form.toInput(contact.linkedMemberId()).validated(), clock.instant());
            return "redirect:/contacts/" + id;
        } catch (InvalidInput e) {
            response.setStatus(422);
            return editPage(model, contact, form, e.byField());
        }
    }

    @PostMapping("/contacts/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        if (!contacts.delete(me.id(), id)) {
            throw ContactRows.notFound();
        }
        return "redirect:/contacts?done=deleted";
    }

    private String listPage(CurrentMember me, Model model, ContactForm form, Map<String, String> errors, String notice) {
        return listPage(me, model, ContactQuery.ALL, 1, form, errors, notice);
    }

    private String listPage(CurrentMember me, Model model, ContactQuery query, int page, ContactForm form,
                            Map<String, String> errors, String notice) {
        int total = contacts.count(me.id(), query);
        int pages = Math.max(1, (total + ContactListing.PAGE_SIZE - 1) / ContactListing.PAGE_SIZE);
        int shown = Math.min(page, pages);
        model.addAttribute("listing", new ContactListing(
                contacts.searchByName(me.id(), query, (shown - 1) * ContactListing.PAGE_SIZE, ContactListing.PAGE_SIZE),
                total, shown, ContactListing.PAGE_SIZE, query));
        model.addAttribute("anyContact", total > 0 || contacts.count(me.id(), ContactQuery.ALL) > 0);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "pages/contacts";
    }

    /** A tier named in a link or form; empty or unknown means any tier. */
    static Tier tierOrAny(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Tier.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }


    private static String plural(Integer n, String noun) {
        int count = n == null ? 0 : n;
        return count == 1 ? "1 " + noun : count + " " + noun + "s";
    }

    private String editPage(Model model, Contact contact, ContactForm form, Map<String, String> errors) {
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "pages/contact-edit";
    }
}
