package org.reciprocity.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reciprocity.core.network.Tier;

/** A private contact (N3): a person in one member's own network, visible to that member alone. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(@JsonIgnore long internalId, String id, String name, String email, String company,
                      String position, List<String> tags, String notes, Tier tier, String linkedMemberId,
                      String phone, String profileUrl, LocalDate lastInteractionOn, Instant createdAt,
                      Instant updatedAt) {

    Contact withTags(List<String> newTags) {
        return new Contact(internalId, id, name, email, company, position, newTags, notes, tier, linkedMemberId, phone,
                profileUrl, lastInteractionOn, createdAt, updatedAt);
    }
}
