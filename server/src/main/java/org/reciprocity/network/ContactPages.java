package org.reciprocity.network;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.InvalidInput;
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
    private final Clock clock;

    ContactPages(ContactRows contacts, ContactImporter importer, Clock clock) {
        this.contacts = contacts;
        this.importer = importer;
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
        model.addAttribute("job", importer.view(me.id(), id));
        return htmx != null ? "fragments/importProgress" : "pages/import-progress";
    }

    @GetMapping("/contacts/export")
    org.springframework.http.ResponseEntity<String> export(@AuthenticationPrincipal CurrentMember me,
                                                           @RequestParam(defaultValue = "vcard") String format) {
        return ImportApi.download(contacts.all(me.id()), format);
    }

    @GetMapping("/contacts")
    String list(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) String done, Model model) {
        return listPage(me, model, ContactForm.blank(), Map.of(),
                "deleted".equals(done) ? "The contact and the private favors recorded with them were deleted." : null);
    }

    @PostMapping("/contacts")
    String create(@AuthenticationPrincipal CurrentMember me, ContactForm form, HttpServletResponse response, Model model) {
        try {
            Contact created = contacts.create(me.id(), form.toInput(null).validated(), clock.instant());
            return "redirect:/ledger/contacts/" + created.id();
        } catch (InvalidInput e) {
            response.setStatus(422);
            return listPage(me, model, form, e.byField(), null);
        }
    }

    @GetMapping("/contacts/{id}")
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
            return "redirect:/ledger/contacts/" + id;
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
        model.addAttribute("contacts", contacts.all(me.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        return "pages/contacts";
    }

    private String editPage(Model model, Contact contact, ContactForm form, Map<String, String> errors) {
        model.addAttribute("contact", contact);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "pages/contact";
    }
}
