package org.reciprocity.core.profile;

/**
 * How a viewer stands towards the owner of a profile. Being an administrator is deliberately
 * not an audience: an admin sees what any member sees (N5).
 */
public enum Audience {
    ANONYMOUS(Visibility.PUBLIC),
    MEMBER(Visibility.COMMUNITY),
    CONNECTION(Visibility.CONNECTIONS),
    OWNER(Visibility.PRIVATE);

    private final Visibility reach;

    Audience(Visibility reach) {
        this.reach = reach;
    }

    /** The narrowest visibility this audience may still see. */
    public Visibility reach() {
        return reach;
    }

    public static Audience of(boolean signedIn, boolean isOwner, boolean isConnected) {
        if (isOwner) {
            return OWNER;
        }
        if (!signedIn) {
            return ANONYMOUS;
        }
        return isConnected ? CONNECTION : MEMBER;
    }
}
