package org.reciprocity.asks;

import java.util.Arrays;
import java.util.List;

/** The new-ask/offer/opportunity form as the page shows it: tags are one comma-separated field. */
public record PostingForm(String kind, String title, String details, String tags, String visibility, String expiresOn,
                          String commercial) {

    static PostingForm blank(PostingKind kind, String expiresOn) {
        return new PostingForm(kind.name(), "", "", "", PostingVisibility.COMMUNITY.name(), expiresOn, null);
    }

    PostingKind postingKind() {
        try {
            return kind == null ? PostingKind.ASK : PostingKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return PostingKind.ASK;
        }
    }

    AskViews.PostingInput toInput() {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
        return new AskViews.PostingInput(title, details, tagList, visibility, expiresOn,
                "on".equals(commercial) || "true".equals(commercial));
    }

    public boolean isCommercial() {
        return "on".equals(commercial) || "true".equals(commercial);
    }

    public boolean isConnectionsOnly() {
        return PostingVisibility.CONNECTIONS.name().equals(visibility);
    }
}
