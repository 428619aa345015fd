package org.reciprocity.core.profile;

/**
 * Who may see one field of a profile. Ordered from the widest audience to the narrowest,
 * so a field is visible to a viewer when the viewer's audience reaches at least this far.
 */
public enum Visibility {
    /** Anyone, including people who are not signed in. */
    PUBLIC,
    /** Any signed-in member of the community. */
    COMMUNITY,
    /** Members connected to the owner. */
    CONNECTIONS,
    /** The owner alone. Administrators are not the owner. */
    PRIVATE;

    public boolean isVisibleTo(Audience viewer) {
        return viewer.reach().ordinal() >= ordinal();
    }
}
