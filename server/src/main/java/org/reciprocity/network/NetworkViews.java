package org.reciprocity.network;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** What the API and pages show of connections and requests. */
public final class NetworkViews {

    private NetworkViews() {
    }

    /** A connection request; {@code warnings} lists the sales phrases the authenticity guard found in the note. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestView(String id, String status, String fromMemberId, String fromName, String toMemberId,
                              String toName, String note, Instant createdAt, List<String> warnings) {}

    public record ConnectionView(String memberId, String displayName, Instant since) {}

    public record BlockedView(String memberId, String displayName) {}

    /** What the sender could mention: only what the recipient lets the sender see. */
    public record Suggestions(List<String> sharedSkills, List<String> sharedInterests, String sharedIndustry,
                              int mutualConnections) {
        public boolean isEmpty() {
            return sharedSkills.isEmpty() && sharedInterests.isEmpty() && sharedIndustry == null && mutualConnections == 0;
        }
    }

    /** A note checked before sending: its problem (null when fine), the guard's warnings and the suggestions. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotePreview(String problem, String message, List<String> warnings, Suggestions suggestions) {}
}
