package org.reciprocity.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.reciprocity.core.network.ContactPoint;
import org.reciprocity.core.network.Tier;

/**
 * A private contact (N3): a person in one member's own network, visible to that member alone.
 * {@code email} is the primary one of {@code emails}; {@code phone} is the number to call, never a fax.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Contact(@JsonIgnore long internalId, String id, String name, String email, String company,
                      String position, List<String> tags, String notes, Tier tier, String linkedMemberId,
                      List<ContactPoint> emails, List<ContactPoint> phones, String profileUrl,
                      LocalDate connectedOn, Instant createdAt, Instant updatedAt) {

    @JsonProperty("phone")
    public String phone() {
        return ContactPoint.mainPhone(phones);
    }

    Contact with(List<String> newTags, List<ContactPoint> newEmails, List<ContactPoint> newPhones, String linkedMember) {
        return new Contact(internalId, id, name, email, company, position, newTags, notes, tier, linkedMember,
                newEmails, newPhones, profileUrl, connectedOn, createdAt, updatedAt);
    }
}
