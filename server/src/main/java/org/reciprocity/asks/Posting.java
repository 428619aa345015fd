package org.reciprocity.asks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reciprocity.member.Today;

/**
 * An ask, offer or opportunity as stored, with its author's time zone. An open posting reads as
 * EXPIRED once its expiry date has passed where its author lives.
 */
public record Posting(long id, String publicId, long ownerId, PostingKind kind, String title, String details,
                      List<String> tags, PostingVisibility visibility, boolean commercial, LocalDate expiresOn,
                      PostingStatus storedStatus, Instant createdAt, String authorTimeZone) {

    public PostingStatus status(Instant now) {
        if (storedStatus == PostingStatus.OPEN && expiresOn != null && expiresOn.isBefore(authorsDay(now))) {
            return PostingStatus.EXPIRED;
        }
        return storedStatus;
    }

    public boolean isOpen(Instant now) {
        return status(now) == PostingStatus.OPEN;
    }

    /** The author's date at {@code now}. */
    public LocalDate authorsDay(Instant now) {
        return Today.dateIn(now, authorTimeZone);
    }

    /** The words the matcher reads. */
    public String text() {
        return title + "\n" + details + "\n" + String.join(" ", tags);
    }

    Posting with(List<String> tags, String authorTimeZone) {
        return new Posting(id, publicId, ownerId, kind, title, details, tags, visibility, commercial, expiresOn,
                storedStatus, createdAt, authorTimeZone);
    }
}
