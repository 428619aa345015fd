package org.reciprocity.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.reciprocity.db.SearchWords;
import org.reciprocity.member.Member;
import org.reciprocity.member.MemberRows;
import org.reciprocity.network.ContactRows.ContactQuery;
import org.reciprocity.security.CurrentMember;
import org.springframework.stereotype.Component;

/**
 * The people a member can pick in a form (record a favor, log an interaction, introduce): their active
 * connections and their private contacts, found by name, one entry per person. A contact linked to a
 * connection is that member, so it is offered once, as the member.
 */
@Component
public class People {

    /** How many suggestions a search shows: a few to choose from, never the whole network. */
    public static final int SHOWN = 8;

    /** Which people a picker offers, and how it writes their ids. */
    public enum Scope {
        /** Connections as {@code member:<id>}, contacts as {@code contact:<id>}. */
        CONNECTIONS_AND_CONTACTS,
        /** Connections alone, by their bare member id. */
        CONNECTIONS
    }

    /** One person to pick: the form value, the name, and what tells two namesakes apart. */
    public record Choice(String value, String name, String detail) {}

    private final ConnectionRows connections;
    private final MemberRows members;
    private final ContactRows contacts;

    People(ConnectionRows connections, MemberRows members, ContactRows contacts) {
        this.connections = connections;
        this.members = members;
        this.contacts = contacts;
    }

    /** Up to {@link #SHOWN} people whose name holds every word of {@code text}; none for an empty text. */
    public List<Choice> find(CurrentMember me, String text, Scope scope) {
        SearchWords words = SearchWords.of(text);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Member> connected = members.byIds(connections.of(me.id())).values().stream().filter(Member::isActive)
                .filter(m -> words.allIn(m.displayName()))
                .sorted(Comparator.comparing(m -> m.displayName().toLowerCase(Locale.ROOT))).toList();
        List<Choice> found = new ArrayList<>();
        connected.stream().limit(SHOWN).forEach(m -> found.add(member(m, scope)));
        if (scope == Scope.CONNECTIONS_AND_CONTACTS && found.size() < SHOWN) {
            Set<String> asMembers = connected.stream().map(Member::publicId).collect(Collectors.toSet());
            for (Contact c : contacts.searchByName(me.id(), new ContactQuery(text, null, null), 0, SHOWN * 2)) {
                if (found.size() == SHOWN) {
                    break;
                }
                if (c.linkedMemberId() == null || !asMembers.contains(c.linkedMemberId())) {
                    if (words.allIn(c.name())) {
                        found.add(contact(c));
                    }
                }
            }
        }
        return found;
    }

    /** The person a form value names, when it is one of the member's connections or contacts. */
    public Optional<Choice> chosen(CurrentMember me, String value, Scope scope) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.startsWith("contact:")) {
            return scope == Scope.CONNECTIONS ? Optional.empty()
                    : contacts.byPublicId(me.id(), value.substring(8)).map(People::contact);
        }
        String memberId = value.startsWith("member:") ? value.substring(7) : value;
        return members.byPublicId(memberId).filter(Member::isActive).filter(m -> m.id() != me.id())
                .map(m -> member(m, scope));
    }

    private static Choice member(Member m, Scope scope) {
        return new Choice(scope == Scope.CONNECTIONS ? m.publicId() : "member:" + m.publicId(), m.displayName(), "member");
    }

    private static Choice contact(Contact c) {
        return new Choice("contact:" + c.id(), c.name(), c.company() == null ? "your contact" : "your contact · " + c.company());
    }
}
