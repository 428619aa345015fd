package org.reciprocity.asks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An ask, offer or opportunity as stored. An open posting past its expiry date reads as EXPIRED. */
public record Posting(long id, String publicId, long ownerId, PostingKind kind, String title, String details,
                      List<String> tags, PostingVisibility visibility, boolean commercial, LocalDate expiresOn,
                      PostingStatus storedStatus, Instant createdAt) {

    public PostingStatus status(LocalDate today) {
        if (storedStatus == PostingStatus.OPEN && expiresOn != null && expiresOn.isBefore(today)) {
            return PostingStatus.EXPIRED;
        }
        return storedStatus;
    }

    public boolean isOpen(LocalDate today) {
        return status(today) == PostingStatus.OPEN;
    }

    /** The words the matcher reads. */
    public String text() {
        return title + "\n" + details + "\n" + String.join(" ", tags);
    }

    Posting withTags(List<String> tags) {
        return new Posting(id, publicId, ownerId, kind, title, details, tags, visibility, commercial, expiresOn,
                storedStatus, createdAt);
    }
}
