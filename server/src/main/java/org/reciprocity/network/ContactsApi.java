package org.reciprocity.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import org.reciprocity.core.network.Tier;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.Cursor;
import org.reciprocity.web.InvalidInput;
import org.reciprocity.web.ListPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Private contacts")
class ContactsApi {

    private final ContactRows contacts;
    private final Clock clock;

    ContactsApi(ContactRows contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @PostMapping("/api/v1/contacts")
    @Operation(summary = "Add a private contact (visible to the caller alone)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Contact> createContact(@AuthenticationPrincipal CurrentMember me, @RequestBody ContactInput body) {
        Contact contact = contacts.create(me.id(), body.validated(), clock.instant());
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + contact.id())).body(contact);
    }

    @GetMapping("/api/v1/contacts")
    @Operation(summary = "The caller's private contacts, oldest first; q searches name, e-mail, company, position and tags")
    ListPage<Contact> listContacts(@AuthenticationPrincipal CurrentMember me, @RequestParam(required = false) Integer limit,
                           @RequestParam(required = false) String cursor, @RequestParam(required = false) String q,
                           @RequestParam(required = false) String tier, @RequestParam(required = false) String tag) {
        Cursor page = Cursor.of(limit, cursor);
        Tier wanted = ContactPages.tierOrAny(tier);
        if (tier != null && !tier.isBlank() && wanted == null) {
            throw new InvalidInput("tier", "Use one of INNER_CIRCLE, CLOSE, ACQUAINTANCE or UNTRACKED.");
        }
        ContactRows.ContactQuery query = new ContactRows.ContactQuery(q, wanted, tag);
        return page.page(contacts.search(me.id(), query, page.after(), page.fetchSize()), Contact::internalId, c -> c);
    }

    @GetMapping("/api/v1/contacts/{id}")
    Contact getContact(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return contacts.byPublicId(me.id(), id).orElseThrow(ContactRows::notFound);
    }

    @PutMapping("/api/v1/contacts/{id}")
    @Operation(summary = "Replace a contact's details")
    Contact updateContact(@AuthenticationPrincipal CurrentMember me, @PathVariable String id, @RequestBody ContactInput body) {
        return contacts.update(me.id(), id, body.validated(), clock.instant());
    }

    @DeleteMapping("/api/v1/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a contact and the private exchanges recorded with them")
    void deleteContact(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        if (!contacts.delete(me.id(), id)) {
            throw ContactRows.notFound();
        }
    }
}
