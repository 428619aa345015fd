package org.reciprocity.asks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API returns and the pages render for asks, offers, opportunities, pledges and matches. */
public final class AskViews {

    private AskViews() {
    }

    public record Person(String memberId, String displayName) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PostingView(String id, PostingKind kind, String title, String details, List<String> tags,
                              PostingVisibility visibility, boolean commercial, LocalDate expiresOn,
                              PostingStatus status, Instant createdAt, Person author, boolean mine,
                              List<PledgeView> pledges, List<String> warnings) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PledgeView(String id, String askId, String askTitle, Person helper, Person asker, String note,
                             LocalDate dueOn, PledgeStatus status, String exchangeId, Instant createdAt) {}

    public record MatchView(String memberId, String displayName, double score, List<String> reasons) {}

    public record SuggestedPosting(String id, PostingKind kind, String title, Person author, LocalDate expiresOn,
                                   double score, List<String> reasons) {}

    public record MutualBenefit(Person first, Person second, String firstGives, String secondGives, double score) {}

    public record PostingInput(String title, String details, List<String> tags, String visibility, String expiresOn,
                               Boolean commercial) {}

    public record PledgeInput(String note, String dueOn) {}

    public record FulfilInput(String kind, String description, Integer weight) {}
}
