package org.reciprocity.network;

import java.util.Map;
import org.reciprocity.security.CurrentMember;
import org.reciprocity.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The suggestions of a person picker, as htmx asks for them while the member types a name. */
@Controller
class PeoplePages {

    /** The form fields that pick a person, and whom each offers. */
    static final Map<String, People.Scope> FIELDS = Map.of(
            "counterpart", People.Scope.CONNECTIONS_AND_CONTACTS,
            "person", People.Scope.CONNECTIONS_AND_CONTACTS,
            "firstMemberId", People.Scope.CONNECTIONS,
            "secondMemberId", People.Scope.CONNECTIONS);

    private final People people;

    PeoplePages(People people) {
        this.people = people;
    }

    @GetMapping("/people/suggest")
    String suggest(@AuthenticationPrincipal CurrentMember me, @RequestParam String field,
                   @RequestParam Map<String, String> params, Model model) {
        People.Scope scope = FIELDS.get(field);
        if (scope == null) {
            throw new NotFound("There is no person picker named " + field + ".");
        }
        String query = params.getOrDefault(field + "Query", params.getOrDefault("q", ""));
        model.addAttribute("picker", PersonPicker.of(people, me, field, query, params.get(field), scope));
        return "fragments/personChoices";
    }
}
