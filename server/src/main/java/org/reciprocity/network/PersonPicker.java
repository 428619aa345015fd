package org.reciprocity.network;

import java.util.ArrayList;
import java.util.List;
import org.reciprocity.security.CurrentMember;

/**
 * What a person picker shows: the search typed so far and the people it found, the one already chosen
 * first. Built the same way for the whole page and for the htmx suggestions, so both read alike.
 */
public record PersonPicker(String field, String query, String selected, List<People.Choice> choices, boolean searched) {

    public static PersonPicker of(People people, CurrentMember me, String field, String query, String selected,
                                  People.Scope scope) {
        String text = query == null ? "" : query.strip();
        List<People.Choice> choices = new ArrayList<>();
        people.chosen(me, selected, scope).ifPresent(choices::add);
        for (People.Choice c : people.find(me, text, scope)) {
            if (choices.stream().noneMatch(known -> known.value().equals(c.value()))) {
                choices.add(c);
            }
        }
        return new PersonPicker(field, text, selected, List.copyOf(choices), !text.isEmpty());
    }

    public boolean isSelected(People.Choice choice) {
        return choice.value().equals(selected);
    }
}
