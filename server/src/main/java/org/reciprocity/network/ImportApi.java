package org.reciprocity.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.network.ContactImporter.ImportView;
import org.reciprocity.web.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Private contacts")
class ImportApi {

    private final ContactImporter importer;
    private final ContactRows contacts;

    ImportApi(ContactImporter importer, ContactRows contacts) {
        this.importer = importer;
        this.contacts = contacts;
    }

    @PostMapping(path = "/api/v1/contacts/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import contacts from LinkedIn's Connections.csv (LINKEDIN_CSV) or a vCard file (VCARD)",
            description = "Runs in the background: poll the returned import for its progress. Up to 10 MB and 50,000 contacts.")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ImportView> startImport(
            @AuthenticationPrincipal CurrentMember me,
            // optional to Spring, so that a missing one gets our 422 naming the field; required in the document
            @Parameter(required = true, description = "The file, up to 10 MB")
            @RequestPart(value = "file", required = false) MultipartFile file,
            @Parameter(required = true, schema = @Schema(allowableValues = {"LINKEDIN_CSV", "VCARD"}))
            @RequestParam(value = "format", required = false) String format) throws IOException {
        if (file == null) {
            throw new InvalidInput("file", "Send the file as the multipart part 'file'.");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(importer.start(me, format, file.getBytes()));
    }

    @GetMapping("/api/v1/contacts/imports/{id}")
    @Operation(summary = "An import's progress and outcome, with the lines that could not be imported")
    ImportView getImport(@AuthenticationPrincipal CurrentMember me, @PathVariable String id) {
        return importer.view(me.id(), id);
    }

    @GetMapping("/api/v1/contacts/export")
    @Operation(summary = "Export all contacts: format=vcard (vCard 4.0, default) or csv")
    ResponseEntity<String> exportContacts(@AuthenticationPrincipal CurrentMember me,
                                  @RequestParam(defaultValue = "vcard") String format) {
        return download(contacts.all(me.id()), format);
    }

    static ResponseEntity<String> download(java.util.List<Contact> all, String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (!csv && !"vcard".equalsIgnoreCase(format)) {
            throw new InvalidInput("format", "Use vcard or csv.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contacts." + (csv ? "csv" : "vcf") + "\"")
                .contentType(new MediaType(csv ? "text" : "text", csv ? "csv" : "vcard", StandardCharsets.UTF_8))
                .body(csv ? ContactExport.csv(all) : ContactExport.vcard(all));
    }
}
