package org.reciprocity.network;

import java.util.List;
import org.reciprocity.core.network.ImportedContact;

/**
 * What a parser read: the usable contacts; for each row or card that was skipped or imported with
 * something left out, its line and why (shown to the member); and how many were skipped whole.
 */
public record ParsedFile(List<ImportedContact> contacts, List<LineError> errors, int skipped) {

    public record LineError(int line, String message) {}
}
