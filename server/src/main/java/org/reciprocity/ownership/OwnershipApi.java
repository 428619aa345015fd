package org.reciprocity.ownership;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts and tokens")
class OwnershipApi {

    record Confirmation(String password) {}

    private final DataOwnership ownership;

    OwnershipApi(DataOwnership ownership) {
        this.ownership = ownership;
    }

    @GetMapping("/api/v1/me/archive")
    @Operation(summary = "Everything the caller has here, as one JSON archive")
    ResponseEntity<Map<String, Object>> downloadArchive(@AuthenticationPrincipal CurrentMember me) {
        return download(ownership.archive(me));
    }

    /** The archive as a file to save, for the API and the account page alike. */
    static ResponseEntity<Map<String, Object>> download(Map<String, Object> archive) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reciprocity-archive.json\"")
                .body(archive);
    }

    @DeleteMapping("/api/v1/me")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the caller's account (password required)",
            description = "Sessions and tokens end at once; private data is erased; counterparts keep their ledger entries.")
    void deleteAccount(@AuthenticationPrincipal CurrentMember me, @RequestBody(required = false) Confirmation body) {
        ownership.delete(me, body == null ? null : body.password());
    }
}
