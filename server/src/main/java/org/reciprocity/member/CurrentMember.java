package org.reciprocity.member;

import java.io.Serializable;
import java.util.Objects;

/**
 * The signed-in member, as the security context holds it for a session or a token. Kept small and
 * serialisable; anything that can change while signed in is read from the database when needed.
 * Two principals are the same member when their ids are equal, whatever their cached name.
 */
public record CurrentMember(long id, String publicId, String displayName, Role role) implements Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public CurrentMember withDisplayName(String name) {
        return new CurrentMember(id, publicId, name, role);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CurrentMember m && m.id == id;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
