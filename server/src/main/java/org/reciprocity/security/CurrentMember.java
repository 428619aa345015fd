package org.reciprocity.security;

import java.io.Serializable;
import java.security.Principal;
import java.util.Objects;
import org.reciprocity.web.SignedIn;

/**
 * The signed-in member, as the security context holds it for a session or a token. Kept small and
 * serialisable; anything that can change while signed in is read from the database when needed.
 * Two principals are the same member when their ids are equal, whatever their cached name.
 * As a {@link Principal} its name is the member's id: the key under which the shared session store
 * finds every session of the member, so it must not change when the display name does.
 */
public record CurrentMember(long id, String publicId, String displayName, Role role) implements Serializable, Principal, SignedIn {

    @Override
    public String getName() {
        return Long.toString(id);
    }

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
