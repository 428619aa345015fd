package org.reciprocity.network;

import java.util.Arrays;
import java.util.List;

/** The contact form as the page shows it: tags as comma-separated text. */
public record ContactForm(String name, String email, String company, String position, String tags, String notes,
                          String tier) {

    public static ContactForm blank() {
        return new ContactForm("", "", "", "", "", "", "ACQUAINTANCE");
    }

    static ContactForm of(Contact c) {
        return new ContactForm(c.name(), c.email(), c.company(), c.position(), String.join(", ", c.tags()), c.notes(),
                c.tier().name());
    }

    ContactInput toInput(String linkedMemberId) {
        List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split(",")).toList();
        return new ContactInput(name, email, company, position, tagList, notes, tier, linkedMemberId);
    }
}
