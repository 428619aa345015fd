package org.reciprocity.network;

import java.util.List;
import org.reciprocity.core.network.ImportedContact;

/** What a parser read: the usable contacts and, for each unusable row, its line and why (shown to the member). */
public record ParsedFile(List<ImportedContact> contacts, List<LineError> errors) {

    public record LineError(int line, String message) {}
}
